"""Penalties judged per part: an article's sanctions × a finding's evidence → the sanctions that punish it.

Reads the article's parts (`text.py`), its sanction phrases in penalty clauses (`match.py`) and the
back-reference vocabulary (`vocab/back_references.yaml`); produces the sanctions of the parts holding the
conduct evidence and of the later parts that take that conduct up as an aggravated form ("Те же деяния",
"Деяния, предусмотренные частью первой настоящей статьи"). A penalty of another part of the same article
(a different offence) is not the conduct's penalty. An article without numbered parts is judged whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..yamlsafe import load_vocabulary
from .match import ArticleMatches, Sanction
from .text import Span, Unit

_APOSTROPHES = re.compile(r"[ʻ‘’'`ʼ]")


@dataclass(frozen=True)
class BackReferences:
    """One language's ways of referring back to an earlier part."""

    same: tuple[re.Pattern[str], ...]
    numbered: tuple[re.Pattern[str], ...]
    ordinals: tuple[tuple[re.Pattern[str], int], ...]

    def referred(self, text: str, previous: int | None) -> set[int]:
        """The part numbers a part's text refers back to (`previous`: the number of the part before)."""
        out: set[int] = set()
        if previous is not None and any(p.search(text) for p in self.same):
            out.add(previous)
        for pattern in self.numbered:
            for m in pattern.finditer(text):
                refs = _APOSTROPHES.sub("", m.group("refs"))
                out.update(int(d) for d in re.findall(r"\d+", refs))
                out.update(n for word, n in self.ordinals if word.search(refs))
        return out


@cache
def back_references(language: str) -> BackReferences:
    vocab: dict[str, Any] = (load_vocabulary("back_references.yaml") or {}).get(language) or {}
    return BackReferences(
        tuple(re.compile(p) for p in vocab.get("same") or ()),
        tuple(re.compile(p) for p in vocab.get("numbered") or ()),
        tuple((re.compile(rf"(?i)\b{re.escape(w)}"), int(n)) for w, n in (vocab.get("ordinals") or {}).items()),
    )


def _numbered(parts: list[Unit], article: Any) -> list[tuple[int, Unit]]:
    """The article's numbered parts with their numbers (the label's number, else the position)."""
    units = [u for u in parts if u.node is not article]
    return [(int(u.node.num) if u.node.num and u.node.num.isdigit() else i + 1, u) for i, u in enumerate(units)]


def judged_parts(am: ArticleMatches, evidence: list[Span], language: str) -> list[Span] | None:
    """The stretches whose penalties judge the evidence: the parts holding it, and the later parts that
    refer back to one of those (in a chain: part 3 "the same acts" as part 2, itself of part 1). None when
    the whole article is judged: no numbered parts, or no evidence inside one (the heading)."""
    numbered = _numbered(am.text.parts, am.text.node)
    if len(numbered) < 2:
        return None
    held = {n for n, u in numbered if any(u.start <= s and e <= u.end for s, e in evidence)}
    if not held:
        return None
    refs = back_references(language)
    previous: int | None = None
    for n, u in numbered:
        if n not in held and refs.referred(am.text.text[u.start:u.end], previous) & held:
            held.add(n)
        previous = n
    return [(u.start, u.end) for n, u in numbered if n in held]


def judged_sanctions(am: ArticleMatches, evidence: list[Span], language: str) -> list[Sanction]:
    """The article's sanctions that stand in the parts judging `evidence` (every one when judged whole)."""
    parts = judged_parts(am, evidence, language)
    if parts is None:
        return list(am.sanctions)
    return [s for s in am.sanctions if any(a <= s.span[0] and s.span[1] <= b for a, b in parts)]


@dataclass(frozen=True)
class TermVocab:
    alternative: re.Pattern[str]
    same: re.Pattern[str]
    numbers: tuple[tuple[str, int], ...]  # longest stem first
    multipliers: tuple[tuple[str, int], ...]
    units: tuple[tuple[tuple[str, ...], tuple[str, str]], ...]


@cache
def term_vocab(language: str) -> TermVocab | None:
    v: dict[str, Any] | None = (load_vocabulary("sanction_terms.yaml") or {}).get(language)
    if not v:
        return None
    return TermVocab(
        re.compile(v["alternative"]), re.compile(v["same"]),
        tuple(sorted(((k, int(n)) for k, n in v["numbers"].items()), key=lambda kv: -len(kv[0]))),
        tuple((k, int(n)) for k, n in v["multipliers"].items()),
        tuple((tuple(k.split()), (u[0], u[1])) for k, u in v["units"].items()),
    )


_WORD = re.compile(r"\w+")
_TERM = re.compile(r"(?i)(?:\bот\s+(?P<low>[\w\s]+?)\s+)?\bдо\s+(?P<high>[\w\s]+)|(?:\bсроком|\bна\s+срок)\s+(?!до\b|от\b)(?P<exact>[\w\s]+)")


def _value(words: list[str], vocab: TermVocab) -> tuple[int | None, list[str]]:
    """A number written in digits or words at the start of `words`, and the words after it."""
    total, current, i = 0, 0, 0
    while i < len(words):
        w = words[i].lower()
        if w.isdigit():
            current += int(w)
        elif (mult := next((n for k, n in vocab.multipliers if w.startswith(k)), None)) is not None:
            total, current = total + (current or 1) * mult, 0
        elif (num := next((n for k, n in vocab.numbers if w.startswith(k)), None)) is not None and len(w) <= len(
                next(k for k, n in vocab.numbers if w.startswith(k))) + 3:
            current += num
        else:
            break
        i += 1
    value = total + current
    return (value or None), words[i:]


def _unit(words: list[str], vocab: TermVocab, value: int) -> str | None:
    for stems, (one, many) in sorted(vocab.units, key=lambda u: -len(u[0])):
        if len(words) >= len(stems) and all(w.lower().startswith(s) for w, s in zip(words, stems, strict=False)):
            return one if value == 1 else many
    return None


def _amount(text: str, vocab: TermVocab) -> str | None:
    m = _TERM.search(text)
    if m is None:
        return None
    if m["exact"]:
        value, rest = _value(_WORD.findall(m["exact"]), vocab)
        unit = _unit(rest, vocab, value) if value else None
        return f"{value:,} {unit}" if value and unit else None
    high, rest = _value(_WORD.findall(m["high"]), vocab)
    if not high:
        return None
    unit = _unit(rest, vocab, high)
    if unit is None:
        return None
    if m["low"]:
        low, low_rest = _value(_WORD.findall(m["low"]), vocab)
        if low and not low_rest:
            return f"{low:,}–{high:,} {unit}"
    return f"up to {high:,} {unit}"


def sanction_terms(text: str, spans: list[Span], language: str) -> list[str | None]:
    """The term or amount of each sanction (its words at `spans` in `text`, in text order): read between its
    words and the next alternative or the next sanction's words, whichever comes first ("штрафа или
    административный арест на срок до пятнадцати суток": the fine has no term); "на тот же срок" takes the
    term of the sanction before."""
    vocab = term_vocab(language)
    if vocab is None:
        return [None] * len(spans)
    out: list[str | None] = []
    for i, (_, end) in enumerate(spans):
        stop = vocab.alternative.search(text, end)
        limit = stop.start() if stop else len(text)
        if i + 1 < len(spans) and end <= spans[i + 1][0] < limit:
            limit = spans[i + 1][0]
        tail = text[end:limit]
        term = _amount(tail, vocab)
        if term is None and vocab.same.search(tail) and i:
            term = out[-1]
        out.append(term)
    return out
