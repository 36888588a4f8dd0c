"""Progress of a country: the corpus works of one country × the checker → `Progress`.

Reads every work of the country in the corpus (each expression's portions read as one text), runs the
checker the caller passes (`compliance.check.check_document`) on each edition, and diffs consecutive
editions of each work with their findings (extent-aware: what only one excerpt holds is neither resolved
nor introduced). Produces the open conflicts and concerns at each edition, the provisions whose status
changed and the acts named by their new notes, and the per-convention, per-rule counts at each date.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from ..check.scope import not_analysed
from ..corpus import Work, corpus_works, expression_document, extent_label
from ..diff import Change, Checker, Diff, diff_documents
from ..diff.findings import as_dict
from ..rules import Rule, load_rules
from .model import (
    AmendedProvision,
    ChangeKind,
    ConventionRow,
    EditionPoint,
    OpenFinding,
    Progress,
    StatusChange,
    Transition,
    WorkProgress,
)

__all__ = ["build_progress"]

OPEN_KINDS = frozenset({"conflict", "concern", "requirement"})
CHANGE_LISTS: tuple[ChangeKind, ...] = ("introduced", "resolved", "severity_changed", "protection_added",
                                        "protection_removed")


def build_progress(country: str, checker: Checker, works: Sequence[Work] | None = None,
                   rules: Sequence[Rule] | None = None) -> Progress:
    """Every work of `country` ("KZ") in the corpus, edition by edition. `rules` are those `checker` applies
    (default: every rule): an edition none of them can be tried on is marked not analysed."""
    cc = country.upper()
    pool = [w for w in (works if works is not None else corpus_works()) if w.meta.country == cc and w.expressions]
    applied = list(rules) if rules is not None else load_rules()
    progress = [_work(w, checker, applied) for w in pool]
    dates = sorted({e.date for w in progress for e in w.editions if e.date})
    return Progress(country=cc, since=dates[0].year if dates else None, dates=dates, works=progress,
                    conventions=_rows(progress))


def _work(w: Work, checker: Checker, rules: list[Rule]) -> WorkProgress:
    editions: list[EditionPoint] = []
    transitions: list[Transition] = []
    previous = None
    for x in w.expressions:
        doc = expression_document(x)
        found = [as_dict(f) for f in checker(doc)]
        editions.append(EditionPoint(
            date=x.date, expression=x.id, texts=[p.id for p in x.portions],
            extent="; ".join(dict.fromkeys(extent_label(p) for p in x.portions)), amended_by=x.amended_by,
            open=[_open(f) for f in found if f.get("kind") in OPEN_KINDS],
            protections=sum(1 for f in found if f.get("kind") == "implements"),
            not_analysed=not_analysed(doc, rules),
        ))
        if previous is not None:
            old_doc, old_found, old_date = previous
            d = diff_documents(old_doc, doc, old_findings=old_found, new_findings=found)
            transitions.append(Transition(old=old_date, new=x.date, amended_by=x.amended_by, changes=_changes(d),
                                          amended=_amended(d, old_date),
                                          outside_extent=len(d.findings_delta.outside_extent)))
        previous = (doc, found, x.date)
    return WorkProgress(work=w.id, title=w.meta.title_en or w.meta.title, editions=editions, transitions=transitions,
                        gaps=w.gaps())


def _open(f: dict[str, object]) -> OpenFinding:
    return OpenFinding(rule_id=str(f.get("rule_id")), kind=str(f.get("kind")), severity=_str(f.get("severity")),
                       convention=str(f.get("convention") or ""), convention_article=_str(f.get("convention_article")),
                       article=_str(f.get("article")))


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _acts(change: Change | None, after: _dt.date | None = None) -> list[str]:
    """The acts the new or rewritten notes of an article name ("199-VII of 2023-02-15"), dated after `after`."""
    if change is None:
        return []
    notes = [*change.notes_added, *(n.new for n in change.notes_amended)]
    acts = [f"{e.act_number} of {e.date.isoformat()}" if e.date else e.act_number or e.act or "act"
            for n in notes for e in n.events if after is None or e.date is None or e.date > after]
    return list(dict.fromkeys(acts))


def _amended(d: Diff, old_date: _dt.date | None) -> list[AmendedProvision]:
    return [AmendedProvision(article=c.new_num or c.old_num, status=c.status, acts=_acts(c, old_date))
            for c in d.changes if c.status not in ("unchanged", "outside_excerpt")]


def _changes(d: Diff) -> list[StatusChange]:
    """The findings whose status changed, each with the acts that the new notes of its article name."""
    by_new = {c.new_eid: c for c in d.changes if c.new_eid}
    by_old = {c.old_eid: c for c in d.changes if c.old_eid}
    out = []
    for name in CHANGE_LISTS:
        for fc in getattr(d.findings_delta, name):
            change = by_new.get(fc.new_article) or by_old.get(fc.old_article)
            article = (change.new_num or change.old_num) if change else None
            out.append(StatusChange(change=name, rule_id=fc.rule_id, kind=fc.kind, convention=fc.convention,
                                    convention_article=fc.convention_article, article=article, acts=_acts(change)))
    return out


def _rows(works: Sequence[WorkProgress]) -> list[ConventionRow]:
    """Per convention (all its rules), then per rule: the open findings in the texts of each edition date."""
    counts: dict[tuple[str, str | None], dict[str, int]] = {}
    for w in works:
        for e in w.editions:
            date = e.date.isoformat() if e.date else "-"
            for f in e.open:
                for key in ((f.convention, None), (f.convention, f.rule_id)):
                    row = counts.setdefault(key, {})
                    row[date] = row.get(date, 0) + 1
    return [ConventionRow(convention=c, rule_id=r, open=counts[(c, r)])
            for c, r in sorted(counts, key=lambda k: (k[0], k[1] or ""))]

