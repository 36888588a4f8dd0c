"""A law describes itself: the heading, preface, signature and notes of a text without metadata → what they
say about it.

Reads the extracted text of a parsed law, its article tree (where the preface ends, the amending acts its
notes name) and the vocabulary in `vocab/kinds.yaml`; produces a `Description`: the state (ISO code), the
kind of law (the kinds the rules' `applies_to` uses), the title, the act's number and adoption date, the
latest amending act the text names (its date is the edition), and whether the text is the whole law or an
excerpt. Nothing is guessed from the file name: a field the text does not state stays None.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from ..literals import may_hold, needles
from ..models import Node
from ..yamlsafe import load_vocabulary

_HEAD_MIN = 8_000  # characters: a preface shorter than this is read on into the first articles (an approving law)
_HEAD_MAX = 40_000  # a pravo.gov.ru preface lists a hundred amending acts; none is longer
_TAIL = 3_000  # the signature ("Москва, Кремль 8 января 1997 года № 1-ФЗ") closes the text
_TITLE_LINES = 60
_MARKUP = re.compile(r"^(?:[#>*_\s]+|title:\s*|requisite:\s*)|[*_\s]+$")
# a heading of the structure or a table of contents line, not the law's title
_STRUCTURAL = re.compile(r"^(?:статья|глава|раздел|параграф|article|chapter|\d+\s*-\s*(?:modda|бап|nj[iy]\s+madda|bob))\b",
                         re.IGNORECASE)
_QUOTED = re.compile(r"[«\"“]([^»\"”]{8,200})[»\"”]")


@dataclass
class Description:
    """What a text says about itself; None where it says nothing."""

    country: str | None = None
    kind: str | None = None
    title: str | None = None
    act_number: str | None = None
    adopted: _dt.date | None = None
    edition: _dt.date | None = None
    amended_by: str | None = None
    extent: Literal["whole", "excerpt"] | None = None
    found: list[str] = field(default_factory=list)  # names of the fields the text stated


@dataclass(frozen=True)
class _Counted:
    """Patterns, the branches of one alternation, whose matches are counted over a text's first pages.

    Each branch comes with what the text's `.lower()` holds wherever it matches (`literals.needles`). A branch
    whose strings the text lacks matches nowhere in it, so the alternation of the other branches counts the
    same matches; and most branches name another country than the text's, while a substring test costs a
    fraction of a case-insensitive scan. (A country's abbreviation, "\\bРК\\b", has no string long enough
    to test: scanned always, but alone.)"""

    branches: tuple[str, ...]
    needles: tuple[tuple[str, ...], ...]  # per branch; () when it has no strings to look for

    @classmethod
    def of(cls, patterns: list[str]) -> _Counted:
        return cls(tuple(patterns), tuple(needles(p) for p in patterns))

    def count(self, text: str, lower: str) -> int:
        """Matches in `text` (`lower`: its `.lower()`)."""
        present = tuple(p for p, found in zip(self.branches, self.needles, strict=True) if may_hold(found, lower))
        return len(_alternation(present).findall(text)) if present else 0


@cache
def _alternation(branches: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(branches), re.IGNORECASE)


@dataclass(frozen=True)
class _Vocab:
    countries: dict[str, _Counted]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    months: tuple[tuple[re.Pattern[str], ...], ...]  # per month: the stems of every language
    acts: tuple[re.Pattern[str], ...]
    adopted: tuple[re.Pattern[str], ...]
    amended_block: tuple[re.Pattern[str], ...]
    amended_dates: tuple[re.Pattern[str], ...]
    as_of: tuple[re.Pattern[str], ...]
    note_words: tuple[re.Pattern[str], ...]
    body_kinds: tuple[tuple[str, _Counted], ...]


def _compile(patterns: list[str], month: str = "") -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.replace("{month}", month), re.IGNORECASE) for p in patterns)


@cache
def _vocab() -> _Vocab:
    data: dict[str, Any] = load_vocabulary("kinds.yaml")
    per_month = list(zip(*data["months"].values(), strict=True))
    month = "(?:" + "|".join(stem for stems in per_month for stem in stems) + ")"
    return _Vocab(
        countries={cc: _Counted.of(ps) for cc, ps in data["countries"].items()},
        kinds=tuple((k["kind"], re.compile("|".join(k["patterns"]), re.IGNORECASE)) for k in data["kinds"]),
        months=tuple(tuple(re.compile(s, re.IGNORECASE) for s in stems) for stems in per_month),
        acts=_compile(data["acts"], month),
        adopted=_compile(data["adopted"], month),
        amended_block=_compile(data["amended_block"]),
        amended_dates=_compile(data["amended_dates"], month),
        as_of=_compile(data["as_of"], month),
        note_words=_compile(data["note_words"]),
        body_kinds=tuple((k["kind"], _Counted.of(k["patterns"])) for k in data["body_kinds"]),
    )


def _date(m: re.Match[str]) -> _dt.date | None:
    """The date a match's day / month or month_name / year groups spell; None for an impossible one."""
    groups = m.groupdict()
    month = int(groups["month"]) if groups.get("month") else 0
    if groups.get("month_name"):
        name = groups["month_name"]
        month = next((i + 1 for i, stems in enumerate(_vocab().months) if any(s.match(name) for s in stems)), 0)
    try:
        return _dt.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


_ENGLISH_TITLE = re.compile(r"\b(?:ACT|LAW|CODE|CONSTITUTION|ORDINANCE|DECREE)\b")
_MINOR_WORDS = frozenset({"of", "the", "and", "on", "in", "for", "to", "a", "an", "or", "with"})


def _title_case(title: str, context: str) -> str:
    """An all-capitals heading in sentence case, keeping the capital of every word the text capitalises
    elsewhere ("УГОЛОВНО-ИСПОЛНИТЕЛЬНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ" → "Уголовно-исполнительный кодекс
    Кыргызской Республики")."""
    if not title.isupper():
        return title
    words = title.lower().split()
    if title.isascii() and _ENGLISH_TITLE.search(title):
        # an English Act's title is in title case: "INDUSTRIAL RELATIONS ACT 1967" → "Industrial Relations Act 1967"
        return " ".join(w if i and w in _MINOR_WORDS else re.sub(r"[a-z]", lambda m: m.group(0).upper(), w, count=1)
                        for i, w in enumerate(words))
    out = [words[0].capitalize()]
    out += [w.capitalize() if re.search(rf"\b{re.escape(w.capitalize())}\b", context) else w for w in words[1:]]
    return _state_capitalised(" ".join(out))


def _state_capitalised(title: str) -> str:
    """The state's name in a title with its capitals ("… республики беларусь" → "… Республики Беларусь",
    "… republic of azerbaijan" → "… Republic of Azerbaijan": the short words of a name are its "of" and
    "the"), where a short preface never writes it otherwise; an abbreviation ("РК") in capitals."""
    for counted in _vocab().countries.values():
        for m in _alternation(counted.branches).finditer(title):
            found = m.group(0)
            span = found.upper() if len(found) <= 3 else " ".join(
                w[:1].upper() + w[1:] if len(w) > 3 else w for w in found.split(" "))
            title = title[: m.start()] + span + title[m.end() :]
    return title


def _title_and_kind(head: str) -> tuple[str | None, str | None]:
    """The first heading line of the preface that names a kind of law, cut before its date and number."""
    lines = [_MARKUP.sub("", line) for line in head.splitlines()]
    for line in [ln for ln in lines if ln and not _STRUCTURAL.match(ln)][:_TITLE_LINES]:
        for kind, pattern in _vocab().kinds:
            if pattern.search(line):
                # a running header names the code in quotes: «Кодекс КР от … № 17 "Уголовно-исполнительный …"»
                quoted = next((q for q in _QUOTED.findall(line) if pattern.search(q)), None)
                title = quoted or re.split(r"\s+от\s+\d|\s*\(|\s+\d{4}\s+жылғы", line)[0].strip(" .,")
                return _title_case(title, head), kind
    return None, None


def _outside_brackets(text: str, at: int) -> bool:
    """Whether `at` is outside parentheses: the acts a preface names in brackets amend or enact the law."""
    return text.count("(", 0, at) <= text.count(")", 0, at)


def _in_note(text: str, at: int) -> bool:
    """Whether the line holding `at` is an amendment note ("Сноска. … внесенными законами РК от …")."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return any(p.search(line) for p in _vocab().note_words)


def _act(head: str, tail: str) -> tuple[str | None, _dt.date | None]:
    """The act's number and date: in the preface, else in the signature at the end."""
    for text, last in ((head, False), (tail, True)):
        # the preface's first act is the law itself; at the end, the last one is the signature
        matches = [m for p in _vocab().acts for m in p.finditer(text)
                   if _outside_brackets(text, m.start()) and not _in_note(text, m.start()) and _date(m)]
        if matches:
            act = max(matches, key=lambda m: m.start()) if last else min(matches, key=lambda m: m.start())
            return act["number"], _date(act)
    for pattern in _vocab().adopted:
        found = pattern.search(head)
        if found:
            return None, _date(found)
    return None, None


def _latest_amendment(head: str, tree: Node) -> tuple[_dt.date | None, str | None]:
    """The date the text states it is current on ("по состоянию на 17.06.2026"), else the latest amending act
    the preface lists or a note names: its date and its name as printed."""
    for pattern in _vocab().as_of:
        m = pattern.search(head)
        if m and (date := _date(m)):
            return date, None
    found: list[tuple[_dt.date, str]] = []
    for block in (b for p in _vocab().amended_block for b in p.finditer(head)):
        for pattern in _vocab().amended_dates:
            for m in pattern.finditer(block.group()):
                if (date := _date(m)) is not None:
                    found.append((date, f"{m.group().strip()}"))
    for node in tree.walk():
        for note in node.notes:
            found += [(e.date, e.act or e.date.isoformat()) for e in note.events if e.date is not None]
    if not found:
        return None, None
    date, act = max(found, key=lambda pair: pair[0])
    return date, " ".join(act.split())  # a name the markup wrapped over lines, on one line


def kind_from_sanctions(text: str) -> str | None:
    """The kind of code a text's sanctions are worded for ("наказывается … лишением свободы": criminal), when
    one kind clearly dominates (`vocab/kinds.yaml`: body_kinds); None when none does."""
    lower = text.lower()
    counts = sorted(((p.count(text, lower), kind) for kind, p in _vocab().body_kinds), reverse=True)
    (best, kind), runner_up = counts[0], (counts[1][0] if len(counts) > 1 else 0)
    return kind if best >= 3 and best > 2 * runner_up else None


def country_of(text: str) -> str | None:
    """The country a text names most often as its own state (`vocab/kinds.yaml`: countries)."""
    lower = text.lower()
    counts = {cc: p.count(text, lower) for cc, p in _vocab().countries.items()}
    best = max(counts, key=lambda cc: counts[cc])
    return best if counts[best] else None


def _plain(text: str) -> str:
    """Zero-width spaces (PDF exports put them before years) removed, no-break spaces made spaces."""
    return text.replace("\u200b", "").replace("\u00a0", " ")


def extent_of(tree: Node, chapter_files: int | None = None) -> Literal["whole", "excerpt"] | None:
    """From the numbering: one chapter file, or a first article past 1, is an excerpt; article 1 first is whole."""
    if chapter_files == 1:
        return "excerpt"
    first = next((a for a in tree.articles() if a.num), None)
    if first is None or first.num is None:
        return None
    lead = re.match(r"\d+", first.num)
    if lead is None:
        return None
    return "whole" if int(lead.group()) == 1 else "excerpt"


def describe(text: str, tree: Node) -> Description:
    """What the heading, preface, signature and notes of a law say about it."""
    articles = tree.articles()
    preface_end = articles[0].start if articles else len(text)
    head = _plain(text[: min(max(preface_end, _HEAD_MIN), _HEAD_MAX)])
    out = Description()
    out.title, out.kind = _title_and_kind(_plain(text[:preface_end]))
    if out.kind is None:
        out.kind = kind_from_sanctions(text[:200_000])
    out.act_number, out.adopted = _act(head, _plain(text[-_TAIL:]))
    out.edition, out.amended_by = _latest_amendment(head, tree)
    out.country = country_of(text[:200_000])
    out.extent = extent_of(tree)
    out.found = [name for name in ("country", "kind", "title", "act_number", "adopted", "edition", "extent")
                 if getattr(out, name) is not None]
    return out
