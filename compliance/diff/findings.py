"""Findings delta: the check's findings on two editions × the diff's `Change`s → `FindingsDelta`.

Reads the findings of both editions (plain dicts, or the check stage's `Finding` models, which are dumped as
JSON) and the changes of the alignment; produces the conflicts and concerns introduced, resolved, persisting
or with a changed severity, the implementing provisions added, removed or kept, the findings in articles
that only one edition covers (outside the other's extent: neither introduced nor resolved), and their counts
per rule and convention. The diff package does not import the check stage: the caller passes either
the findings or the checker (`compliance.check.check_document`) that produces them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel

from ..models import Document
from .models import PRIMARY, Change, FindingChange, FindingsDelta, RuleDelta

__all__ = ["Checker", "FindingLike", "as_dict", "checked_delta", "findings_delta"]

FindingLike = Mapping[str, Any]
Checker = Callable[[Document], Iterable[FindingLike | BaseModel]]


def checked_delta(check: Checker, old: Document, new: Document, changes: Sequence[Change]) -> FindingsDelta:
    """Run `check` on both editions and match its findings across the alignment."""
    return findings_delta([as_dict(f) for f in check(old)], [as_dict(f) for f in check(new)], changes)


def as_dict(finding: FindingLike | BaseModel) -> dict[str, Any]:
    if isinstance(finding, BaseModel):
        return finding.model_dump(mode="json")
    return dict(finding)


class _Index(NamedTuple):
    """Where the articles of one side are in the list of changes."""

    by_eid: dict[str, int]
    by_num: dict[str, int]


def _article_index(changes: Sequence[Change], side: Literal["old", "new"]) -> _Index:
    """eId → change index and num → change index of the articles on one side (primary pairs first)."""
    index = _Index({}, {})
    order = sorted(range(len(changes)), key=lambda k: changes[k].status not in PRIMARY)
    for k in order:
        c = changes[k]
        eid, num = (c.old_eid, c.old_num) if side == "old" else (c.new_eid, c.new_num)
        if eid and eid not in index.by_eid:
            index.by_eid[eid] = k
        if num and num not in index.by_num:
            index.by_num[num] = k
    return index


class _Place(NamedTuple):
    change: int | None  # index of the change whose article holds the finding
    article: str | None  # the article's eId on the finding's side
    below: str  # the finding's eId below the article ("para_1" of "art_402__para_1"), or its whole eId


def _locate(f: FindingLike, index: _Index) -> _Place:
    """Where a finding is: by the longest prefix of its eId that is an article, else by its article."""
    eid = str(f.get("eid") or "")
    parts = eid.split("__")
    for cut in range(len(parts), 0, -1):  # the longest prefix that is an article: art_402 of art_402__para_1
        head = "__".join(parts[:cut])
        if head in index.by_eid:
            return _Place(index.by_eid[head], head, "__".join(parts[cut:]))
    article = f.get("article")
    if article is not None and str(article) in index.by_eid:
        return _Place(index.by_eid[str(article)], str(article), "")
    if article is not None and str(article) in index.by_num:
        return _Place(index.by_num[str(article)], None, eid)
    return _Place(None, None, eid)


class _Group(NamedTuple):
    """Findings that may be one finding in both editions: the same rule, convention and aligned article."""

    rule_id: str
    convention: str
    anchor: int | str | None  # the change index, or "eid:…" for a finding outside the articles, or None

    def sort_key(self) -> tuple[str, str, str]:
        return (self.rule_id, self.convention, str(self.anchor))


class _Located(NamedTuple):
    below: str
    convention_article: str
    canon: str  # the whole finding as sorted JSON: a total order among findings of one group
    article: str | None
    finding: dict[str, Any]

    def sort_key(self) -> tuple[str, str, str]:
        return (self.below, self.convention_article, self.canon)

    def same_place(self, other: _Located) -> bool:
        return (self.below, self.convention_article) == (other.below, other.convention_article)


@dataclass
class _Sides:
    old: list[_Located] = field(default_factory=list)
    new: list[_Located] = field(default_factory=list)


def findings_delta(
    old_findings: Sequence[FindingLike], new_findings: Sequence[FindingLike], changes: Sequence[Change]
) -> FindingsDelta:
    """Findings introduced, resolved and persisting between two editions, per rule and convention.

    A finding persists when the other edition has a finding of the same rule (and convention) in the
    aligned article — the pair of articles the diff matched, whatever their numbers — or, for findings
    tied to no article, anywhere in the document. Findings are plain dicts with at least rule_id,
    convention, convention_article, eid, article, kind and severity.
    """
    groups = _grouped(old_findings, _article_index(changes, "old"), new_findings, _article_index(changes, "new"))
    d = FindingsDelta(available=True)
    for key in sorted(groups, key=_Group.sort_key):
        olds = sorted(groups[key].old, key=_Located.sort_key)
        news = sorted(groups[key].new, key=_Located.sort_key)
        if isinstance(key.anchor, int) and changes[key.anchor].status == "outside_excerpt":
            d.outside_extent += [_fchange(a, None) for a in olds] + [_fchange(None, b) for b in news]
            continue
        pairs = _matched(olds, news)  # takes the matched findings out of olds and news
        if all(f.finding.get("kind") == "implements" for f in (*olds, *news, *(x for p in pairs for x in p))):
            d.protection_kept += [_fchange(a, b) for a, b in pairs]
            d.protection_removed += [_fchange(a, None) for a in olds]
            d.protection_added += [_fchange(None, b) for b in news]
            continue
        for a, b in pairs:
            same = a.finding.get("severity") == b.finding.get("severity")
            (d.persisting if same else d.severity_changed).append(_fchange(a, b))
        d.resolved += [_fchange(a, None) for a in olds]
        d.introduced += [_fchange(None, b) for b in news]
    d.by_rule = _by_rule(d)
    return d


def _grouped(
    old_findings: Sequence[FindingLike], old_index: _Index, new_findings: Sequence[FindingLike], new_index: _Index
) -> dict[_Group, _Sides]:
    groups: dict[_Group, _Sides] = {}
    for is_new, findings, index in ((False, old_findings, old_index), (True, new_findings, new_index)):
        for f in findings:
            place = _locate(f, index)
            anchor = place.change if place.change is not None else (f"eid:{place.below}" if place.below else None)
            key = _Group(str(f.get("rule_id")), str(f.get("convention") or ""), anchor)
            located = _Located(place.below, str(f.get("convention_article") or ""), _canon(f), place.article, dict(f))
            sides = groups.setdefault(key, _Sides())
            (sides.new if is_new else sides.old).append(located)
    return groups


def _matched(olds: list[_Located], news: list[_Located]) -> list[tuple[_Located, _Located]]:
    """Pairs of one finding in both editions: at the same place and convention article first, then any."""
    pairs: list[tuple[_Located, _Located]] = []
    for same_place_only in (True, False):
        for a in list(olds):
            b = next((b for b in news if not same_place_only or a.same_place(b)), None)
            if b is not None:
                pairs.append((a, b))
                olds.remove(a)
                news.remove(b)
    return pairs


# the FindingsDelta lists counted per rule, each under the RuleDelta field of the same name
_COUNTED = ("introduced", "resolved", "persisting", "severity_changed", "protection_added", "protection_removed")


def _by_rule(d: FindingsDelta) -> list[RuleDelta]:
    by_rule: dict[tuple[str, str], RuleDelta] = {}
    for name in _COUNTED:
        for fc in getattr(d, name):
            key = (fc.rule_id, fc.convention or "")
            rule = by_rule.setdefault(key, RuleDelta(rule_id=fc.rule_id, convention=fc.convention))
            setattr(rule, name, getattr(rule, name) + 1)
    return [by_rule[k] for k in sorted(by_rule)]


def _canon(f: FindingLike) -> str:
    return json.dumps(f, sort_keys=True, ensure_ascii=False, default=str)


def _fchange(a: _Located | None, b: _Located | None) -> FindingChange:
    fo, fn = (a.finding if a else None), (b.finding if b else None)
    base = fn if fn is not None else fo
    assert base is not None
    return FindingChange(
        rule_id=str(base.get("rule_id")),
        convention=base.get("convention"),
        convention_article=None if base.get("convention_article") is None else str(base.get("convention_article")),
        kind=base.get("kind"),
        severity=base.get("severity"),
        old_article=a.article if a else None,
        new_article=b.article if b else None,
        old=fo,
        new=fn,
    )
