"""Note layout: where, in one folded note, the amending acts, the action verbs, the parenthesised groups and
the subject of each part are.

Reads a folded note and its language's `_Lang`; produces offsets only (`_Act`, `_Verb`, `_Segment`, and the
`_Layout` of a whole note), so that one layout serves every note of the same shape and every span maps back
to the input. The notes module turns these offsets into events, kinds and repeal answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple, cast

from ..models import AmendmentAction
from .note_lang import _fold, _Lang

_LEAD = " \t\r\n\f\v>*_"  # Markdown quote / emphasis markers before a note (after folding)
_TRAIL = " \t\r\n\f\v*_"  # emphasis markers after it
_TARGET_STRIP = " \t\r\n-:;,(*_>"
_MAX_TARGET = 120  # a longer "subject" is law text, not the short designation a note starts with


# Named tuples, not frozen dataclasses: a code's notes make thousands of these, and a frozen dataclass sets
# each field through object.__setattr__.
class _Act(NamedTuple):
    start: int
    end: int
    date: tuple[int, int] | None  # span of the date
    number: tuple[int, int] | None  # span of the number


class _Verb(NamedTuple):
    """An action phrase, with the subject of its own ";"-clause when it has one ("…; пункт 3 исключен …")."""

    start: int
    end: int
    action: AmendmentAction
    subject: tuple[int, int] | None


class _Segment(NamedTuple):
    """A part of a note with its own subject: the whole note, or one parenthesised group of a pravo.gov.ru mark."""

    start: int
    end: int
    is_group: bool
    target: tuple[int, int] | None
    acts: tuple[_Act, ...]
    verbs: tuple[_Verb, ...]



# -- analysis -------------------------------------------------------------------------------------------


def _content(folded: str) -> tuple[int, int]:
    """Span of `folded` without Markdown quote/emphasis markers around it (found by stepping over them:
    strip() would copy the whole text twice, for every line of a law)."""
    start, end = 0, len(folded)
    while start < end and folded[start] in _LEAD:
        start += 1
    while end > start and folded[end - 1] in _TRAIL:
        end -= 1
    return start, end


_PAREN = re.compile(r"[()]")


def _groups(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level parenthesised groups in [start, end) as (index of "(", index after ")"); unclosed runs to end."""
    out, depth, open_at = [], 0, 0
    for m in _PAREN.finditer(folded, start, end):
        i, c = m.start(), m.group()
        if c == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif c == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((open_at, i + 1))
    if depth:
        out.append((open_at, end))
    return out


def _find_acts(folded: str, end: int, lang: _Lang) -> list[_Act]:
    """Acts in folded[:end], in text order; where matches overlap, the one that starts first (then the longest)."""
    found: list[_Act] = []
    for pattern, has_date, has_number in lang.acts:
        for m in pattern.finditer(folded, 0, end):  # endpos: as on folded[:end], without the copy
            date = number = None
            if has_date and m.start("date") < m.end("date"):
                date = m.span("date")
            if has_number and m.start("number") < m.end("number"):
                number = m.span("number")
            found.append(_Act(m.start(), m.end(), date, number))
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    acts: list[_Act] = []
    for a in found:
        if not acts or a.start >= acts[-1].end:
            acts.append(a)
    return acts


def _inside(i: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


def _span(folded: str, start: int, end: int, limit: int = _MAX_TARGET) -> tuple[int, int] | None:
    """[start, end) without surrounding punctuation, if it is a short one-line subject."""
    while start < end and folded[start] in _TARGET_STRIP:
        start += 1
    while end > start and folded[end - 1] in _TARGET_STRIP:
        end -= 1
    if start < end and end - start <= limit and "\n" not in folded[start:end]:
        return start, end
    return None


_Analysis = tuple[str, int, int, tuple[tuple[int, int], ...], tuple[_Segment, ...]]


def _segments(text: str, lang: _Lang) -> _Analysis:
    """Folded text, content span, all top-level groups, and the segments that name acts (outer first)."""
    folded = _fold(text, lang)
    return (folded, *_layout(folded, lang))


_Layout = tuple[int, int, tuple[tuple[int, int], ...], tuple[_Segment, ...]]


def _layout(folded: str, lang: _Lang) -> _Layout:
    """The analysis of a folded note as offsets: content span, top-level groups, segments."""
    c_start, c_end = _content(folded)
    groups = _groups(folded, c_start, c_end)
    acts = [a for a in _find_acts(folded, c_end, lang) if a.start >= c_start]
    act_groups = [g for g in groups if any(g[0] < a.start and a.end <= g[1] for a in acts)] if acts else []
    remarks = [g for g in groups if g not in act_groups]  # "(вводится в действие …)": never read
    found = [
        (m.start(), m.end(), cast(AmendmentAction, m.lastgroup))
        for m in lang.actions.finditer(folded, c_start, c_end)
        if not remarks or not _inside(m.start(), remarks)
    ]

    outer_start = c_start
    if lang.openers is not None:
        m = lang.openers.match(folded, c_start)
        if m:
            outer_start = m.end()
    segments = [_segment(folded, outer_start, c_end, False, acts, found, groups, act_groups, lang)]
    for s, e in act_groups:
        segments.append(_segment(folded, s + 1, e, True, acts, found, groups, act_groups, lang))
    return c_start, c_end, tuple(groups), tuple(segments)


def _segment(
    folded: str,
    s: int,
    e: int,
    is_group: bool,
    acts: list[_Act],
    found: list[tuple[int, int, AmendmentAction]],
    groups: list[tuple[int, int]],
    act_groups: list[tuple[int, int]],
    lang: _Lang,
) -> _Segment:
    """The segment [s, e): a parenthesised group naming acts, or the note outside them."""
    if is_group:
        seg_acts = [a for a in acts if s <= a.start < e]
        seg_found = [f for f in found if s <= f[0] < e]
    elif act_groups:
        seg_acts = [a for a in acts if not _inside(a.start, act_groups)]
        seg_found = [f for f in found if not _inside(f[0], act_groups)]
    else:
        seg_acts, seg_found = acts, found
    # both lists are in text order: the first of each is the earliest
    starts = ([seg_acts[0].start] if seg_acts else []) + ([seg_found[0][0]] if seg_found else [])
    target = None
    if starts:
        first, ts = min(starts), s
        if not is_group:  # the subject starts after the last "(" before the verb (a placeholder ends there)
            for g in groups:  # in text order: the last one that fits wins
                if s <= g[0] < first:
                    ts = max(ts, g[0] + 1)
        target = _span(folded, ts, first)
    verbs = []
    for v_start, v_end, action in seg_found:
        subject = None
        if not lang.action_after:
            # the clause starts after the last ";" outside parentheses; its subject must name no act
            semi = folded.rfind(";", s, v_start)
            while semi >= 0 and _inside(semi, groups):
                semi = folded.rfind(";", s, semi)
            if semi >= 0:
                cs = semi + 1
                if not any(cs <= a.start < v_start for a in seg_acts):
                    subject = _span(folded, cs, v_start, 80)
        verbs.append(_Verb(v_start, v_end, action, subject))
    return _Segment(s, e, is_group, target, tuple(seg_acts), tuple(verbs))


def _verb_for(act: _Act, seg: _Segment, after: bool) -> _Verb | None:
    before = [v for v in seg.verbs if v.end <= act.start]
    later = [v for v in seg.verbs if v.start >= act.end]
    first, second = (later[:1], before[-1:]) if after else (before[-1:], later[:1])
    chosen = first or second
    return chosen[0] if chosen else None

