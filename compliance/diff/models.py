"""The diff's JSON contract: pydantic models of a `Diff` (changes, redlines, findings delta) and a `History`.

Reads nothing; produces the models that the other diff modules fill in and that `render` writes out, and the
JSON Schema of `compliance diff --format json` (`compliance/schemas/diff.schema.json`).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from ..models import AmendmentEvent, DocumentMeta, NoteKind

__all__ = [
    "PRIMARY",
    "STATUSES",
    "ArticleEdition",
    "ArticleFinding",
    "ArticleTimeline",
    "Change",
    "Diff",
    "FindingChange",
    "FindingsDelta",
    "History",
    "NoteChange",
    "NoteRef",
    "RedlineOp",
    "RuleDelta",
    "Side",
    "Status",
    "TimelineEvent",
    "TimelineKind",
    "diff_schema",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


Status = Literal[
    "unchanged",  # same text and notes
    "amended",  # same number, same chapter, text changed
    "renumbered",  # number changed (text may have changed too: see text_changed)
    "moved",  # chapter changed (number and text may have changed too)
    "notes_changed",  # same text, same number and chapter: only the editorial notes changed
    "added",  # only in the new edition
    "removed",  # only in the old edition
    "split",  # the new article was carved out of the old one, which lives on as another article
    "merged",  # the old article was folded into the new one, which continues another article
    "outside_excerpt",  # only in one edition, and the other edition is an excerpt that does not reach it
]
STATUSES: tuple[str, ...] = get_args(Status)  # in this order in the summary
PRIMARY: frozenset[str] = frozenset({"unchanged", "amended", "renumbered", "moved", "notes_changed"})


class RedlineOp(_Model):
    """One edit: the characters `old` [start, end) of the old article become `new` [start, end) of the new one.

    Offsets are into `Node.full_text()` of each article. A span starts where the previous token ends (the
    space before a word goes with it) and ends with its last token; an empty span marks the place of an
    insertion or deletion. Replacing each `old` span of the old text by its `new_text` gives the new text
    (up to differences in spacing alone, which the word-level comparison does not see).
    """

    op: Literal["delete", "insert", "replace"]
    old: tuple[int, int]
    new: tuple[int, int]
    old_text: str = Field(description="old_text[old[0]:old[1]] of the old article")
    new_text: str = Field(description="new_text[new[0]:new[1]] of the new article")


class NoteRef(_Model):
    eid: str = Field(description="The node that carries the note (the article or one of its parts).")
    kind: NoteKind
    text: str
    events: list[AmendmentEvent] = Field(default_factory=list)


class NoteChange(_Model):
    """One note rewritten between the editions (the same node and kind, mostly the same words): a footnote
    that an amending act extended reads as one changed note, not as a note removed and a note added."""

    old: NoteRef
    new: NoteRef
    ops: list[RedlineOp] = Field(default_factory=list, description="Word edits from old.text to new.text.")


class Change(_Model):
    status: Status
    old_eid: str | None = None
    new_eid: str | None = None
    old_num: str | None = None
    new_num: str | None = None
    old_heading: str | None = None
    new_heading: str | None = None
    similarity: float | None = Field(
        default=None,
        description="Token similarity of the two texts (1 = same words); for split/merged the share of the smaller "
        "article found in the larger; null for added, removed and outside_excerpt.",
    )
    text_changed: bool = False
    renumbered: bool = False
    moved: bool = False
    old_container: str | None = Field(default=None, description="eId of the chapter (or section, §) holding it.")
    new_container: str | None = None
    repealed: Literal["repealed", "restored"] | None = Field(
        default=None, description="The article was repealed (or brought back) between the editions."
    )
    notes_changed: bool = False
    notes_added: list[NoteRef] = Field(default_factory=list)
    notes_removed: list[NoteRef] = Field(default_factory=list)
    notes_amended: list[NoteChange] = Field(default_factory=list)
    ops: list[RedlineOp] = Field(default_factory=list)
    old_text: str | None = Field(default=None, description="The old article's full_text() when text_changed.")
    new_text: str | None = Field(default=None, description="The new article's full_text() when text_changed.")


class Side(DocumentMeta):
    """Metadata of one edition, with what the diff needs to know about its extent."""

    articles: int = 0
    excerpt: bool = Field(default=False, description="The text is an excerpt (its metadata's extent).")
    covers: list[list[str]] = Field(
        default_factory=list,
        description="For an excerpt, the runs of article numbers it holds ([first, last]); an article of the other "
        "edition outside them is outside_excerpt, never added or removed.",
    )


class FindingChange(_Model):
    rule_id: str
    convention: str | None = None
    convention_article: str | None = None
    kind: str | None = None
    severity: str | None = None
    old_article: str | None = Field(default=None, description="eId of the old article the finding is in.")
    new_article: str | None = None
    old: dict[str, Any] | None = Field(default=None, description="The finding on the old edition.")
    new: dict[str, Any] | None = None


class RuleDelta(_Model):
    rule_id: str
    convention: str | None = None
    introduced: int = 0
    resolved: int = 0
    persisting: int = 0
    severity_changed: int = 0
    protection_added: int = 0
    protection_removed: int = 0


class FindingsDelta(_Model):
    """Conflicts, concerns and unmet requirements (introduced, resolved, persisting, severity changed) apart
    from implementing provisions (protection added, removed, kept), and apart from findings in articles that
    only one edition covers (outside_extent): an excerpt's silence is neither a resolution nor a novelty."""

    available: bool = Field(description="False when no checker findings were available (see reason).")
    reason: str | None = None
    introduced: list[FindingChange] = Field(default_factory=list)
    resolved: list[FindingChange] = Field(default_factory=list)
    persisting: list[FindingChange] = Field(default_factory=list)
    severity_changed: list[FindingChange] = Field(
        default_factory=list, description="In both editions, with another severity (not in persisting)."
    )
    protection_added: list[FindingChange] = Field(default_factory=list, description="implements findings gained.")
    protection_removed: list[FindingChange] = Field(default_factory=list, description="implements findings lost.")
    protection_kept: list[FindingChange] = Field(default_factory=list)
    outside_extent: list[FindingChange] = Field(
        default_factory=list, description="Findings in an article that the other edition (an excerpt) does not hold."
    )
    by_rule: list[RuleDelta] = Field(default_factory=list)


class Diff(_Model):
    old: Side
    new: Side
    summary: dict[str, int] = Field(description="Number of changes per status, and notes_changed.")
    changes: list[Change]
    findings_delta: FindingsDelta


def diff_schema() -> dict[str, Any]:
    """Schema of `compliance diff --format json`: {"old", "new", "summary", "changes", "findings_delta"}."""
    schema = Diff.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "diff.schema.json"
    return schema


# -- history ---------------------------------------------------------------------------------------------


TimelineKind = Literal[
    "in_force",  # present in the first edition of the corpus that has it
    "added",
    "amended",
    "renumbered",
    "moved",
    "repealed",
    "restored",
    "removed",
    "notes_changed",
    "split",  # carved out of another article
    "merged",  # folded into another article
    "outside_excerpt",
]


class ArticleFinding(_Model):
    """A finding of the check on the article (or one of its parts) in one edition."""

    rule_id: str
    kind: str | None = None
    severity: str | None = None
    convention: str | None = None
    convention_article: str | None = None
    eid: str | None = None


class ArticleEdition(_Model):
    edition: _dt.date | None
    id: str = Field(description="The text that holds the article in this edition (a portion's id, or the expression's).")
    eid: str
    num: str | None
    repealed: bool = False
    amended_by: str | None = Field(default=None, description="The amending act that made this edition, per its metadata.")
    text: str = Field(default="", description="The article's full_text() in this edition.")
    findings: list[ArticleFinding] | None = Field(
        default=None, description="The check's findings on the article in this edition; null when not run."
    )


class TimelineEvent(_Model):
    event: TimelineKind
    edition: _dt.date | None = Field(description="The edition in which the change is first seen.")
    edition_id: str
    num: str | None = None
    detail: str | None = None
    acts: list[AmendmentEvent] = Field(
        default_factory=list, description="Amending acts named by notes that are new in this edition."
    )
    amended_by: str | None = Field(default=None, description="The amending act of the edition, per its metadata.")
    ops: list[RedlineOp] = Field(
        default_factory=list, description="For amended: the word edits from the previous text that holds the article."
    )
    notes_amended: list[NoteChange] = Field(default_factory=list)


class ArticleTimeline(_Model):
    eid: str = Field(description="eId in the last edition that has the article.")
    num: str | None
    heading: str | None = None
    editions: list[ArticleEdition]
    events: list[TimelineEvent]
    amendments: list[AmendmentEvent] = Field(
        default_factory=list, description="Every amending act the notes name, in any edition, by date."
    )


class History(_Model):
    law: str = Field(description="The work, e.g. kz/criminal-code (its stored excerpts are portions of it).")
    editions: list[DocumentMeta]
    articles: list[ArticleTimeline]
    gaps: list[int] = Field(
        default_factory=list, description="Years between the first and last edition with no edition in the corpus."
    )
    not_analysed: dict[str, str] = Field(
        default_factory=dict, description="Edition id → why no rule could be tried on its text (its language or kind "
        "of law); its articles' findings are null there, not an empty list: nothing was checked.")
