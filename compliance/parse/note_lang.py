"""Note vocabulary of one language, compiled: the words of `vocab/notes.yaml` (note openers, action verbs,
act, date and label shapes, month names) → one `_Lang` of regular expressions, built once per language.

Reads `vocab/notes.yaml`; produces `_Lang` (`_lang`), the folded copy of a text that matching runs on
(`_fold`: same length, so offsets carry over), and the dates these notes use (`parse_date`).
`without_names` is shared with the structure stage, which embeds patterns several times in one regex.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from ..literals import digit_blind, required_literals
from ..models import AmendmentAction
from ..yamlsafe import load_vocabulary
from .language import script_fallback

_ACTIONS: tuple[AmendmentAction, ...] = ("amended", "restated", "inserted", "repealed", "suspended", "other")
_FLAGS = re.IGNORECASE


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


@cache
def _data() -> dict[str, Any]:
    return cast(dict[str, Any], load_vocabulary("notes.yaml"))


def _language_key(language: str) -> str:
    keys = list(_data()["languages"])
    wanted = (language or "").strip().replace("_", "-").lower()
    for k in keys:
        if k.lower() == wanted:
            return str(k)
    primary = wanted.split("-")[0]
    for k in keys:
        if k.split("-")[0].lower() == primary:
            return str(k)
    # Kyrgyz and Tajik texts are read (their notes in the words of their script's main language) and
    # reported as not analysed, never refused.
    fallback = script_fallback(language or "")
    if fallback is not None and fallback.lower() != wanted:
        return _language_key(fallback)
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
