"""Notes: editorial and amendment notes of national laws → structured `AmendmentEvent`s.

Reads one note as the structure stage cut it out of the source — a Kazakh "Сноска. …" / "Ескерту. …"
footnote, a pravo.gov.ru mark "(В редакции Федерального закона от … № …-ФЗ)", a lex.uz line "(… OʻRQ-963-sonli
Qonuni tahririda — …)" — and says what kind of note it is (`note_kind`), which amending acts it names and
what each did to the provision (`parse_events`), and whether a provision's own text says it is repealed
(`is_repealed`). `parse_date` reads the dates these notes use. The words (note openers, action verbs, act,
date and label shapes, month names) are data in `vocab/notes.yaml`, keyed by language and compiled once.

Matching runs on a folded copy of the text of the same length (apostrophe variants, Latin/Cyrillic і,
no-break spaces, dashes), so every span found maps back to the input: acts, act numbers and targets are
reported verbatim, homoglyphs included ("334-VІ" keeps its Cyrillic І). Nothing is guessed: a field the note
does not state stays None. Dates inside parenthesised entry-into-force remarks ("(вводится в действие с
01.07.2023)") are never taken for acts: an act needs its number (or, in Russian, a law noun before "от").
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple, cast

import yaml

from ..literals import digit_blind, required_literals
from ..models import AmendmentAction, AmendmentEvent, NoteKind

__all__ = ["NoteReader", "is_repealed", "note_kind", "parse_date", "parse_events", "without_names"]

_ACTIONS: tuple[AmendmentAction, ...] = ("amended", "restated", "inserted", "repealed", "suspended", "other")
_FLAGS = re.IGNORECASE
_LEAD = " \t\r\n\f\v>*_"  # Markdown quote / emphasis markers before a note (after folding)
_TRAIL = " \t\r\n\f\v*_"  # emphasis markers after it
_TARGET_STRIP = " \t\r\n-:;,(*_>"
_MAX_NOTE = 20_000  # characters: the longest note in the corpus has 3,724
_HEAD = 400  # characters enough to see a note's opener, label and first parenthesis
_MAX_TARGET = 120  # a longer "subject" is law text, not the short designation a note starts with


@dataclass(frozen=True)
class _Lang:
    """One language's vocabulary, compiled."""

    key: str
    pairs: tuple[tuple[str, str], ...]  # the `fold` table of notes.yaml: (character, replacement)
    openers: re.Pattern[str] | None
    editorial: re.Pattern[str] | None
    metadata: re.Pattern[str] | None
    actions: re.Pattern[str]  # one named group per action: (?P<amended>…)|(?P<restated>…)|…
    repeal: re.Pattern[str]
    repeal_strings: tuple[tuple[str, ...], ...]  # every repeal phrase holds one string of each (lower case)
    action_after: bool
    acts: tuple[tuple[re.Pattern[str], bool, bool], ...]  # pattern, has a date group, has a number group
    dates: tuple[re.Pattern[str], ...]
    months: tuple[re.Pattern[str], ...]
    label: re.Pattern[str]
    maybe_note: re.Pattern[str]  # matches where a metadata, editorial, opener or bracket note can start
    digit_blind: bool  # the patterns a note's layout comes from treat all digits alike (see NoteReader.segments)


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


@cache
def _data() -> dict[str, Any]:
    text = resources.files("compliance").joinpath("vocab/notes.yaml").read_text("utf-8")
    return cast(dict[str, Any], yaml.safe_load(text))


def _language_key(language: str) -> str:
    keys = list(_data()["languages"])
    wanted = (language or "").strip().replace("_", "-").lower()
    for k in keys:
        if k.lower() == wanted:
            return k
    primary = wanted.split("-")[0]
    for k in keys:
        if k.split("-")[0].lower() == primary:
            return k
    raise ValueError(f"no note vocabulary for language {language!r} (have: {', '.join(keys)})")


def _alternation(patterns: list[str], fold: dict[int, str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("(?:" + "|".join(f"(?:{p.translate(fold)})" for p in patterns) + ")", _FLAGS)


def without_names(pattern: str) -> str:
    """The pattern with its named groups made non-capturing (to embed it several times in one regex)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@cache
def _lang(language: str) -> _Lang:
    key = _language_key(language)
    common = _data().get("common", {})
    d = _data()["languages"][key]
    fold_map = {**(common.get("fold") or {}), **(d.get("fold") or {})}
    # Patterns get only the non-ASCII folding: ASCII keys (Latin i, ', `) are regex syntax too.
    pfold = str.maketrans({str(k): str(v) for k, v in fold_map.items() if not str(k).isascii()})

    months_src = [str(m).translate(pfold) for m in d["months"]]
    month_alt = "|".join(f"(?:{m})" for m in months_src)
    date_src = [str(p).translate(pfold).replace("{month}", f"(?:{month_alt})") for p in d["dates"]]
    any_date = "|".join(f"(?:{without_names(p)})" for p in date_src)
    acts = tuple(
        (c, "date" in c.groupindex, "number" in c.groupindex)
        for c in (re.compile(str(p).translate(pfold).replace("{date}", any_date), _FLAGS) for p in d["act"])
    )

    groups, repeal = [], []
    for action, pats in (d.get("actions") or {}).items():
        if action not in _ACTIONS:
            raise ValueError(f"notes.yaml: unknown action {action!r} for {key}")
        if pats:
            alt = "|".join(f"(?:{str(p).translate(pfold)})" for p in pats)
            groups.append(f"(?P<{action}>{alt})")
            if action == "repealed":
                repeal.append(alt)
    actions = re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", _FLAGS)
    repeal_src = r"(?:" + "|".join(repeal) + r")(?!\w)"
    openers = _alternation(d.get("openers") or [], pfold)
    layout_patterns = [actions, *(p for p, _, _ in acts), *([openers] if openers else [])]
    return _Lang(
        key=key,
        pairs=tuple((str(k), str(v)) for k, v in fold_map.items()),
        openers=openers,
        editorial=_alternation(d.get("editorial") or [], pfold),
        metadata=_alternation(d.get("metadata") or [], pfold),
        actions=actions,
        repeal=re.compile(repeal_src, _FLAGS),
        repeal_strings=required_literals(repeal_src),
        action_after=d.get("action_position", "before") == "after",
        acts=acts,
        dates=tuple(re.compile(p, _FLAGS) for p in date_src),
        months=tuple(re.compile(m, _FLAGS) for m in months_src),
        label=re.compile(str(d["label"]).translate(pfold) + r"[\s.;:,-]*", _FLAGS),
        maybe_note=re.compile(
            "|".join(
                [f"(?:{p.translate(pfold)})" for k in ("metadata", "editorial", "openers") for p in d.get(k) or []]
                + [f"(?:{str(d['label']).translate(pfold)}[\\s.;:,-]*)?\\("]
            ),
            _FLAGS,
        ),
        digit_blind=all(digit_blind(p.pattern, p.flags) for p in layout_patterns),
    )


def _zeros(text: str) -> str:
    """`text` with every ASCII digit made "0": its shape, for notes that differ only in dates and numbers."""
    for digit in "123456789":
        if digit in text:
            text = text.replace(digit, "0")
    return text


def _fold(text: str, lang: _Lang) -> str:
    """`text` with the language's folding applied (same length, so offsets carry over)."""
    # One str.replace per character of the table that occurs: each is a C scan, where str.translate looks
    # every character up in a dict (~45 µs on a long Russian paragraph) and a regex substitution calls back
    # into Python for each dash of a Russian text.
    for ch, to in lang.pairs:
        if ch in text:
            text = text.replace(ch, to)
    return text


# -- dates ----------------------------------------------------------------------------------------------


def _date_from(m: re.Match[str], lang: _Lang) -> _dt.date | None:
    g = m.groupdict()
    try:
        if g.get("month_name"):
            month = next(i + 1 for i, p in enumerate(lang.months) if p.fullmatch(g["month_name"]))
        else:
            month = int(g["month"])
        return _dt.date(int(g["year"]), month, int(g["day"]))
    except (StopIteration, ValueError, TypeError):
        return None


def parse_date(text: str, language: str) -> _dt.date | None:
    """The first date written in `text` ("26.06.2020", "8 июля 2005 г.", "2024-yil 20-sentabrdagi"), or None.

    >>> parse_date("от 8 июля 2005 г. № 67", "ru"), parse_date("2024-yil 20-sentabrdagi", "uz-Latn")
    (datetime.date(2005, 7, 8), datetime.date(2024, 9, 20))
    """
    lang = _lang(language)
    folded = _fold(text, lang)
    found = [m for p in lang.dates for m in [p.search(folded)] if m]
    for m in sorted(found, key=lambda m: m.start()):
        date = _date_from(m, lang)
        if date is not None:
            return date
    return None


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


def _events(text: str, folded: str, lang: _Lang, seg: _Segment) -> list[AmendmentEvent]:
    out = []
    for act in seg.acts:
        verb = _verb_for(act, seg, lang.action_after)
        where = verb.subject if verb is not None and verb.subject else seg.target
        date = None
        if act.date:
            m = next((m for p in lang.dates for m in [p.fullmatch(folded, *act.date)] if m), None)
            date = _date_from(m, lang) if m else None
        out.append(
            AmendmentEvent(
                action=verb.action if verb is not None else "other",
                act=text[act.start : act.end].rstrip() or None,
                act_number=text[act.number[0] : act.number[1]] if act.number else None,
                date=date,
                target=text[where[0] : where[1]] if where else None,
            )
        )
    return out


# -- public API -----------------------------------------------------------------------------------------


class NoteReader:
    """The note analyses of one language, each worked out once per distinct text.

    A code repeats the same few hundred notes over and over (1,177 notes, 338 distinct texts in the RU
    Labour Code), and the kind of a note, its events and whether it repeals its provision all rest on the
    same segmentation: one reader per parsed document keeps them, and nothing outlives the parse."""

    def __init__(self, language: str) -> None:
        self.lang = _lang(language)
        self._segments: dict[str, _Analysis] = {}
        self._layouts: dict[str, _Layout] = {}
        self._kinds: dict[str, NoteKind | None] = {}
        self._events: dict[str, list[AmendmentEvent]] = {}
        self._repealed: dict[str, bool] = {}

    def segments(self, text: str) -> _Analysis:
        found = self._segments.get(text)
        if found is None:
            folded = _fold(text, self.lang)
            if self.lang.digit_blind:
                # Notes that differ only in their digits (dates, act numbers) have the same layout: 338
                # distinct notes of the RU Labour Code have 91 shapes. Sound because the patterns treat every
                # digit alike (`digit_blind`), and so does the code reading the layout.
                shape = _zeros(folded)
                layout = self._layouts.get(shape)
                if layout is None:
                    layout = self._layouts[shape] = _layout(folded, self.lang)
            else:
                layout = _layout(folded, self.lang)
            found = self._segments[text] = (folded, *layout)
        return found

    def kind(self, text: str) -> NoteKind | None:
        found = self._kinds.get(text)
        if found is None:
            found = _note_kind(text, self)
            if found is not None:  # only notes repeat: law lines kept here would be another copy of the law
                self._kinds[text] = found
        return found

    def events(self, text: str) -> list[AmendmentEvent]:
        if text not in self._events:
            self._events[text] = _parse_events(text, self)
        return self._events[text]

    def repealed(self, text: str) -> bool:
        if text not in self._repealed:
            self._repealed[text] = _is_repealed(text, self)
        return self._repealed[text]


def parse_events(text: str, language: str) -> list[AmendmentEvent]:
    """Every amending act `text` (one note) names, in order, with what it did and to which part.

    One event per act; in a mixed note each act takes the verb of its own clause; dates in entry-into-force
    remarks are not acts; fields the note does not state stay None.

    >>> [(e.action, e.act_number, str(e.date), e.target) for e in parse_events(
    ...     "> *Сноска. Статья 461 в редакции Закона РК от 20.04.2023 № 227-VII (вводится в действие с "
    ...     "01.07.2023); с изменениями, внесенными Законом РК от 15.04.2024 № 73-VIII (вводится в действие "
    ...     "по истечении шестидесяти календарных дней после дня его первого официального опубликования).*",
    ...     "ru")]
    [('restated', '227-VII', '2023-04-20', 'Статья 461'), ('amended', '73-VIII', '2024-04-15', 'Статья 461')]
    """
    return _parse_events(text, NoteReader(language))


def _parse_events(text: str, reader: NoteReader) -> list[AmendmentEvent]:
    lang = reader.lang
    folded, _, _, _, segments = reader.segments(text)
    events = [(a.start, e) for seg in segments for a, e in zip(seg.acts, _events(text, folded, lang, seg), strict=True)]
    return [e for _, e in sorted(events, key=lambda x: x[0])]


def _label_only(folded: str, start: int, end: int, lang: _Lang) -> bool:
    """Whether folded[start:end] is empty or a bare designation ("Часть.", "2.", "12-modda") with punctuation."""
    rest = folded[start:end].strip(_TARGET_STRIP + ".")
    return not rest or lang.label.fullmatch(rest) is not None or lang.label.fullmatch(rest + ".") is not None


def _bracket_note(text: str, reader: NoteReader) -> tuple[str, tuple[_Segment, ...]] | None:
    """Folded text and segments if `text` is a note in parentheses, else None.

    Such a note is one or more groups naming acts, each with a verb and at most a short subject, and outside
    the groups nothing but a placeholder label ("Часть.", "абзац;").
    """
    lang = reader.lang
    folded = _fold(text, lang)
    c_start, c_end = _content(folded)
    m = lang.label.match(folded, c_start, c_end)
    pos = m.end() if m else c_start
    if pos >= c_end or folded[pos] != "(":  # cheap exit for law text
        return None
    folded, c_start, c_end, groups, segments = reader.segments(text)
    outer, inner = segments[0], segments[1:]
    if not inner or outer.acts:
        return None
    if not all(s.verbs and (s.target is None or s.target[1] - s.target[0] <= 80) for s in inner):
        return None
    pos, outside = c_start, []
    for s, e in groups:
        outside.append(folded[pos:s])
        pos = e
    outside.append(folded[pos:c_end])
    rest = " ".join(outside)
    return (folded, segments) if _label_only(rest, 0, len(rest), lang) else None


def note_kind(text: str, language: str) -> NoteKind | None:
    """What kind of editorial note a standalone line or segment is, or None when it is law text.

    "amendment": a note naming amending acts (KZ "Сноска."/"Ескерту." with an act, pravo.gov.ru "(В редакции
    Федерального закона …)", lex.uz "(… Qonuni tahririda — …)"); "footnote": a "Сноска." without an act;
    "editorial": other remarks of the publisher ("Oldingi tahrirga qarang.", "Примечание!", a Constitutional
    Court notice); "metadata": lex.uz's closing list of publications. Markdown markers around are ignored.

    >>> note_kind("(В редакции Федерального закона от 02.07.2013 № 185-ФЗ)", "ru"), note_kind(
    ...     "2. Статья 1 в редакции Закона о порядке принятия законов применяется к ним.", "ru")
    ('amendment', None)
    """
    return _note_kind(text, NoteReader(language))


def _note_kind(text: str, reader: NoteReader) -> NoteKind | None:
    if len(text) > _MAX_NOTE:  # an editorial note is a line or two; a longer block is law text
        return None
    lang = reader.lang
    # Most lines are law text: decide from the opening characters before folding the whole line.
    folded = _fold(text[:_HEAD], lang)
    c_start, c_end = _content(folded)
    if c_start >= c_end or lang.maybe_note.match(folded, c_start, c_end) is None:
        return None
    if lang.metadata is not None and lang.metadata.match(folded, c_start):
        return "metadata"
    if lang.editorial is not None and lang.editorial.match(folded, c_start):
        return "editorial"
    if lang.openers is not None and lang.openers.match(folded, c_start):
        return "amendment" if any(s.acts for s in reader.segments(text)[4]) else "footnote"
    m = lang.label.match(folded, c_start, c_end)
    pos = m.end() if m else c_start
    if pos >= c_end or folded[pos] != "(":
        return None
    return "amendment" if _bracket_note(text, reader) is not None else None


def is_repealed(text: str, language: str) -> bool:
    """Whether the provision text itself says the provision is repealed.

    True for "Исключен Законом РК от …", "Статья 459 исключена Законом …" (also inside a "Сноска."),
    "4. Алып тасталды - ҚР …", "(Утратила силу - Федеральный закон от …)", "Kuchini yoʻqotgan"; False for a
    note that only repeals a part of the provision ("…; пункт 3 исключен …") or amends it.

    >>> is_repealed("*2. Исключен Законом РК от 04.05.2020 № 321-VІ.*", "ru"), is_repealed(
    ...     "> *Сноска. Статья 174 с изменениями, внесенными Законом РК от 26.06.2020 № 349-VI.*", "ru")
    (True, False)
    """
    return _is_repealed(text, NoteReader(language))


def _is_repealed(text: str, reader: NoteReader) -> bool:
    lang = reader.lang
    folded = _fold(text, lang)
    # Both ways below need a repeal phrase (the second as the verb of the note's last group), and every
    # article heading is asked: most hold none of the strings such a phrase must hold.
    if lang.repeal_strings:
        lower = folded.lower()
        if not all(any(s in lower for s in strings) for strings in lang.repeal_strings):
            return False
    c_start, c_end = _content(folded)
    pos = c_start
    if lang.openers is not None:
        m = lang.openers.match(folded, pos)
        if m:
            pos = m.end()
    while pos < c_end and folded[pos].isspace():
        pos += 1
    m = lang.label.match(folded, pos, c_end)
    if m:
        pos = m.end()
    while pos < c_end and folded[pos] in " -:;,.":
        pos += 1
    if lang.repeal.match(folded, pos, c_end):
        return True
    # A note in parentheses standing for the provision: its last clause repeals it as a whole.
    note = _bracket_note(text, reader)
    if note is None:
        return False
    folded, segments = note
    last = max(segments[1:], key=lambda s: s.start)
    if last.target is not None and not _label_only(folded, last.target[0], last.target[1], lang):
        return False
    verb = _verb_for(last.acts[-1], last, lang.action_after)
    return verb is not None and verb.action == "repealed"
