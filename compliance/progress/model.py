"""The progress contract: pydantic models of a country's compliance over time (`Progress`).

Reads nothing; produces the models that `build` fills in and `render` writes out: per work, each edition
with its open conflicts and concerns, the provisions whose status changed between consecutive editions and
the amending act that made the change, the years the corpus holds no edition of the work; per convention and
rule, the open findings at each edition date.
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["AmendedProvision", "ChangeKind", "ConventionRow", "EditionPoint", "OpenFinding", "Progress", "StatusChange", "Transition",
           "WorkProgress"]

ChangeKind = Literal["introduced", "resolved", "severity_changed", "protection_added", "protection_removed"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OpenFinding(_Model):
    rule_id: str
    kind: str
    severity: str | None = None
    convention: str
    convention_article: str | None = None
    article: str | None = Field(default=None, description='Article number as cited ("174"); null for the whole law.')


class EditionPoint(_Model):
    date: _dt.date | None
    expression: str = Field(description="The work at that date, e.g. kz/criminal-code@2025-09-16.")
    texts: list[str] = Field(description="The stored texts (portions) of that edition.")
    extent: str = Field(description='"whole", or what the excerpts hold ("art. 174 only; chapters 4–5").')
    amended_by: str | None = Field(default=None, description="The amending act that made the edition, per its metadata.")
    open: list[OpenFinding] = Field(description="Conflicts, concerns and unmet requirements in these texts.")
    protections: int = Field(default=0, description="Implementing provisions found in these texts.")
    not_analysed: str | None = Field(
        default=None, description="Why no rule could be tried on these texts (their language or kind of law): "
        "no open finding there says nothing of compliance.")


class StatusChange(_Model):
    change: ChangeKind
    rule_id: str
    kind: str | None = None
    convention: str | None = None
    convention_article: str | None = None
    article: str | None = None
    acts: list[str] = Field(
        default_factory=list, description="Amending acts the notes of the article name that are new in this edition."
    )


class AmendedProvision(_Model):
    """An article whose text or notes changed between two editions, with the acts its new notes name."""

    article: str | None
    status: str = Field(description="The diff's status: amended, notes_changed, added, removed, renumbered, …")
    acts: list[str] = Field(default_factory=list)


class Transition(_Model):
    old: _dt.date | None
    new: _dt.date | None
    amended_by: str | None = Field(default=None, description="The act that made the newer edition, per its metadata.")
    changes: list[StatusChange]
    amended: list[AmendedProvision] = Field(default_factory=list, description="Provisions whose text or notes changed.")
    outside_extent: int = Field(default=0, description="Findings in articles only one of the two texts holds.")


class WorkProgress(_Model):
    work: str
    title: str | None = None
    editions: list[EditionPoint]
    transitions: list[Transition]
    gaps: list[int] = Field(default_factory=list, description="Years between the first and last edition with none.")


class ConventionRow(_Model):
    convention: str
    rule_id: str | None = Field(default=None, description="null: every rule of the convention together.")
    open: dict[str, int] = Field(description="Edition date → open conflicts and concerns in the texts of that date.")


class Progress(_Model):
    country: str
    since: int | None = Field(default=None, description="The year of the first edition the corpus holds.")
    dates: list[_dt.date] = Field(description="Every edition date of the country's works in the corpus.")
    works: list[WorkProgress]
    conventions: list[ConventionRow]
