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

The vocabulary lives in `note_lang`, the offsets of acts, verbs and groups in `note_layout`; this module
turns them into events, note kinds and repeal answers, and `NoteReader` keeps them per distinct text.
"""

from __future__ import annotations

from ..models import AmendmentEvent, NoteKind
from .note_lang import _date_from, _fold, _Lang, _lang, _zeros, parse_date, without_names
from .note_layout import _TARGET_STRIP, _Analysis, _content, _Layout, _layout, _Segment, _verb_for

__all__ = ["NoteReader", "is_repealed", "note_kind", "parse_date", "parse_events", "without_names"]

_MAX_NOTE = 20_000  # characters: the longest note in the corpus has 3,724
_HEAD = 400  # characters enough to see a note's opener, label and first parenthesis


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
