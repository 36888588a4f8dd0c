"""Data types shared by every stage: the parsed document (metadata + article tree).

These pydantic models are the contract at the boundaries: `compliance parse --format json` writes them,
`compliance/schemas/document.schema.json` is generated from them, and later stages (check, diff, report)
read them. Offsets (`start`, `end`) are character offsets into `Document.source_text`: the decoded file
for text formats (plain text, Markdown), the extracted text for markup formats (HTML, Akoma Ntoso).
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

NodeKind = Literal[
    "document",
    "preface",  # text before the first structural unit (title, preamble)
    "book",  # "Общая часть" / "Особенная часть" / "ЧАСТЬ ПЕРВАЯ"
    "part",  # convention "PART I"
    "section",  # Раздел / bo'lim / Section
    "chapter",  # Глава / bob / тарау / Chapter
    "subchapter",  # Параграф (§) in Kazakh codes
    "article",  # Статья / modda / бап / Article
    "paragraph",  # numbered "1." (часть/пункт), convention paragraph "1."
    "point",  # "1)" / "(a)" in conventions
    "subpoint",  # "а)" / "(i)"
    "indent",  # unnumbered dash item "- ..." / RU unnumbered "часть"
]

NoteKind = Literal["footnote", "amendment", "editorial", "navigation", "metadata"]

AmendmentAction = Literal["amended", "restated", "inserted", "repealed", "suspended", "other"]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def english_date(d: _dt.date) -> str:
    """A date as citations and reports write it.

    >>> english_date(_dt.date(2014, 7, 3))
    '3 July 2014'
    """
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


_M = TypeVar("_M", bound=BaseModel)

# Each model's set of fields given, one for all its instances that `made_here` makes (every field is given):
# not a set of 12 names per node (728 bytes, a quarter of a node; 28 MB on a 40 MB law). Assigning a field
# adds a name the set already holds, and `model_copy` gives the copy a set of its own.
_EVERY_FIELD: dict[type[BaseModel], set[str]] = {}


def made_here(cls: type[_M], fields: dict[str, Any]) -> _M:
    """`cls(**fields)` without validation, for the nodes and notes the parser makes by the thousand: pydantic's
    validation was 2.2 of the 2.7 µs each took, a twentieth of a parse. Every field is given, of its declared
    type; the tests check that whole parsed trees validate. Input from outside (JSON, Akoma Ntoso) is
    validated as ever."""
    every = _EVERY_FIELD.get(cls) or _EVERY_FIELD.setdefault(cls, set(cls.model_fields))
    assert fields.keys() == every, sorted(every ^ fields.keys())
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(obj, "__pydantic_fields_set__", every)
    object.__setattr__(obj, "__pydantic_extra__", None)  # extra fields are forbidden
    object.__setattr__(obj, "__pydantic_private__", None)  # no private attributes
    return obj


class AmendmentEvent(_Model):
    """One amending act named by an editorial note, as far as the note says."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # shared between notes with the same text

    action: AmendmentAction = Field(description="What the act did to the provision.")
    act: str | None = Field(default=None, description="The act as the note names it, verbatim.")
    act_number: str | None = Field(default=None, description='Number of the amending act, e.g. "349-VI", "OʻRQ-963".')
    date: _dt.date | None = Field(default=None, description="Date of the amending act.")
    target: str | None = Field(default=None, description="The part of the provision the note speaks of, verbatim.")


class Note(_Model):
    """An editorial footnote, amendment note or page noise kept verbatim next to the law text."""

    kind: NoteKind
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    events: list[AmendmentEvent] = Field(default_factory=list)


class Node(_Model):
    eid: str = Field(description="AKN-style identifier, e.g. art_402__para_1; unique in the document.")
    kind: NodeKind
    label: str | None = Field(default=None, description='The designation as printed: "Статья 174", "1)", "(a)".')
    num: str | None = Field(default=None, description='Number as cited: "174", "282.1", "2-1", "a".')
    heading: str | None = None
    text: str = Field(default="", description="Text of this node itself (not of its children).")
    notes: list[Note] = Field(default_factory=list)
    repealed: bool = False
    start: int = Field(ge=0, description="Offset of the node's first character in the source text.")
    end: int = Field(ge=0, description="Offset after the node's last character (children included).")
    line: int = Field(default=0, ge=0, description="1-based source line of the node's first character.")
    children: list[Node] = Field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, in document order."""
        # A stack, not nested generators: each of those passes every node up through each level above it.
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            if node.children:
                stack.extend(reversed(node.children))

    def articles(self) -> list[Node]:
        return [n for n in self.walk() if n.kind == "article"]

    def find(self, eid: str) -> Node | None:
        return next((n for n in self.walk() if n.eid == eid), None)

    def article(self, num: str) -> Node | None:
        return next((n for n in self.walk() if n.kind == "article" and n.num == num), None)

    def full_text(self) -> str:
        """Heading, text and children's text joined: what a reader sees of this node (notes excluded)."""
        parts: list[str] = []
        for n in self.walk():
            line = " ".join(p for p in ((n.label if n is not self else None), n.heading, n.text) if p)
            if line:
                parts.append(line)
        return "\n".join(parts)


class Warning_(_Model):
    line: int
    message: str


class DocumentMeta(_Model):
    """What is known about one document (one edition of one law or one convention)."""

    id: str = Field(description='Corpus id, e.g. "kz/trade-unions-law@2020-05-04", or the file name.')
    title: str | None = Field(default=None, description="Official title in the original language.")
    title_en: str | None = None
    short_title: str | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-2; null for ILO instruments.")
    language: str | None = Field(default=None, description="BCP-47: ru, kk, uz-Latn, en.")
    kind: str | None = Field(default=None, description="criminal code, labour code, trade union law, convention…")
    extent: Literal["whole", "excerpt"] | None = Field(default=None, description="The whole law, or an excerpt (some chapters or articles); null when not known.")
    edition: _dt.date | None = None
    act_number: str | None = None
    adopted: _dt.date | None = None
    source: str | None = None
    provenance: str | None = None
    sha256: str | None = None
    path: str | None = None
    read_files: list[str] = Field(
        default_factory=list, description="The files the parse stage read (a folder: its chapter files), as given: "
        "a report checks `sha256` against these, never against `path`, which metadata states.")
    sha256_stated: bool = Field(
        default=False, description="`sha256` was stated by metadata (a report checks it), not computed from the files read.")
    format: str | None = Field(default=None, description="Detected or given input format.")
    encoding: str | None = None
    amended_by: str | None = Field(
        default=None, description="The latest amending act the text names, as printed (read from the text)."
    )
    inferred: list[str] = Field(
        default_factory=list, description="Fields read from the text itself, not from metadata or options."
    )
    work: str | None = Field(
        default=None,
        description='The work (the law as a whole) this text is an expression or a portion of, e.g. "kz/criminal-code"; '
        "null: the id without edition and language.",
    )
    # ILO instruments only
    number: str | None = Field(default=None, description='Instrument number, e.g. "C087".')
    year: int | None = None
    category: str | None = Field(default=None, description="fundamental / governance / technical.")

    @field_validator("inferred", "read_files", mode="before")
    @classmethod
    def _inferred_from_json(cls, value: object) -> object:
        """Akoma Ntoso metadata carries a list as a JSON string attribute."""
        return json.loads(value) if isinstance(value, str) else value


class Document(_Model):
    document: DocumentMeta
    tree: Node
    warnings: list[Warning_] = Field(default_factory=list)
    source_text: str = Field(default="", exclude=True, description="Text the offsets point into.")

    def articles(self) -> list[Node]:
        return self.tree.articles()


# -- check stage: findings ------------------------------------------------------------------------------

FindingKind = Literal["conflict", "concern", "implements", "requirement"]
Severity = Literal["high", "medium", "low", "info"]


class Sanction(_Model):
    """One penalty an article provides, as the text words it."""

    type: str = Field(description="deprivation_of_liberty, restriction_of_freedom, correctional_labour, …")
    text: str = Field(description="The words of the article that provide it, verbatim.")
    span: tuple[int, int] = Field(description="Offsets into the article text.")
    compulsory_labour: bool | None = Field(
        default=None, description="Whether it involves compulsory labour in this country; null when unknown."
    )
    basis: str | None = Field(default=None, description="Legal basis of that answer (country data).")
    term: str | None = Field(default=None, description='Its term or amount as the article states it, normalised: '
                             '"up to 7 years", "up to 240 hours", "2,000–7,000 MCI"; null when the text states none.')


class Finding(_Model):
    """One rule matched on one article (or, for `requirement`, an obligation no article implements)."""

    id: str = Field(description="Stable: <rule_id>@<document_id>#<eid>.")
    rule_id: str
    kind: FindingKind
    severity: Severity
    convention: str = Field(description='"C105"')
    convention_article: str = Field(description='"1(a)"')
    document_id: str
    eid: str | None = Field(description="eId of the article; null for a requirement found nowhere.")
    article: str | None = Field(description='Article number as cited: "174", "282.1".')
    citation: str = Field(description="Standard citation of the provision.")
    quote: str = Field(description="The article text the spans point into (heading and body).")
    spans: list[tuple[int, int]] = Field(description="Character offsets of the evidence in `quote`.")
    confidence: float = Field(ge=0, le=1)
    explanation: str
    sanctions: list[Sanction] = Field(default_factory=list)
    # -- citations an advocate can file (issue 17)
    provision: str | None = Field(default=None, description='The unit holding the decisive words: "174(1)", "476(1)(4)".')
    citation_ru: str | None = Field(default=None, description="The same citation in Russian legal style.")
    amended_by: str | None = Field(default=None, description='The amending act the citation names: "94-VIII of 2024-06-19".')
    comments: list[CommentLink] = Field(default_factory=list, description="ILO supervisory comments on this "
                                        "provision (or its predecessor), and on the same principle elsewhere.")


class CommentLink(_Model):
    """An ILO supervisory comment a finding shows (`corpora/supervisory/`), its quote copied verbatim."""

    id: str = Field(description='"GT001"')
    relation: Literal["provision", "predecessor", "principle"] = Field(
        description="On this very provision, on the provision it replaced, or on the same principle elsewhere.")
    country: str | None
    act: str
    provisions: str = Field(description="The provisions as the body cites them.")
    convention: str
    body: str
    type: str | None
    year: int | None
    quote: str
    url: str


class CheckedDocument(_Model):
    id: str
    title: str | None
    country: str | None
    language: str | None
    edition: _dt.date | None
    path: str | None
    articles: int
    # what reading the law had to repair or could not read (bad bytes, odd structure); omitted when none
    warnings: list[Warning_] = Field(default_factory=list, exclude_if=lambda w: not w,
                                     description="Warnings of the parse stage (line, message).")


class FindingsReport(_Model):
    """The check contract: `compliance check --format json` and `findings.json` of a report."""

    schema_version: Literal["1"] = "1"
    documents: list[CheckedDocument]
    findings: list[Finding]
    notes: list[str] = Field(default_factory=list, description="What the checker inferred or could not do.")
