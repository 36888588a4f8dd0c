"""Language of a law: the extracted text (never its markup) → a BCP-47 tag, from the vocabulary in
`vocab/languages.yaml`.

Reads the letters and frequent words of Russian, Kazakh, Kyrgyz, Tajik, Uzbek (Cyrillic and Latin), Turkmen,
Azerbaijani, Georgian, Belarusian, Ukrainian and English from the vocabulary; produces the tag of the language
a text is most likely in (`detect`) and the English name of a tag (`language_name`) for notes that say what was
not checked.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..yamlsafe import load_vocabulary

_SAMPLE = 20_000  # characters, about ten pages: a law's first pages decide its language; the rest only costs time
_APOSTROPHES = re.compile(r"[‘’`'ʼ]")  # the ways lex.uz and others write the Uzbek ʻ of oʻ, gʻ
_WORD = re.compile(r"[^\W\d_]+(?:ʻ[^\W\d_]+)*")


@dataclass(frozen=True)
class _Language:
    tag: str
    name: str
    script: str
    letters: frozenset[str]
    words: frozenset[str]
    needs_letters: bool


@dataclass(frozen=True)
class _Vocab:
    scripts: dict[str, frozenset[str]]
    fallback: dict[str, str]
    languages: tuple[_Language, ...]
    letter_weight: float
    min_letter_share: float


@cache
def _vocab() -> _Vocab:
    data = load_vocabulary("languages.yaml")
    languages = tuple(
        _Language(tag, str(v["name"]), str(v["script"]), frozenset(v.get("letters") or ""),
                  frozenset(_APOSTROPHES.sub("ʻ", str(w)).lower() for w in v.get("words") or []),
                  bool(v.get("needs_letters")))
        for tag, v in data["languages"].items()
    )
    scripts = {name: frozenset(v["letters"] + v["letters"].upper()) for name, v in data["scripts"].items()}
    fallback = {name: str(v["fallback"]) for name, v in data["scripts"].items()}
    return _Vocab(scripts, fallback, languages, float(data["letter_weight"]), float(data["min_letter_share"]))


def language_name(tag: str | None) -> str:
    """English name of a language tag ("tk" → "Turkmen"); the tag itself when the vocabulary lacks it."""
    return next((lang.name for lang in _vocab().languages if lang.tag == tag), tag or "unknown language")


def script_fallback(tag: str) -> str | None:
    """The tag that stands for the languages of `tag`'s script ("ky", "tg" → "ru"), for vocabularies that
    lack `tag` itself; None for a tag the vocabulary does not know.

    >>> script_fallback("tg"), script_fallback("tk"), script_fallback("xx")
    ('ru', 'en', None)
    """
    vocab = _vocab()
    script = next((lang.script for lang in vocab.languages if lang.tag.lower() == tag.lower()), None)
    return vocab.fallback.get(script) if script else None


def detect(text: str) -> str:
    """BCP-47 tag of the language `text` is in, from its letters and frequent words.

    >>> detect("Статья 1. Цели"), detect("1-modda. Ushbu Kodeks"), detect("Article 1")
    ('ru', 'uz-Latn', 'en')
    """
    vocab = _vocab()
    sample = _APOSTROPHES.sub("ʻ", text[:_SAMPLE])
    letters = Counter(sample.lower())  # every character (counted in C); only letters are looked up below
    per_script = {name: sum(n for ch, n in letters.items() if ch in chars) for name, chars in vocab.scripts.items()}
    script = max(per_script, key=lambda s: per_script[s])
    total_letters = per_script[script]
    if total_letters == 0:
        return vocab.fallback["Latn"]
    words = Counter(w.lower() for w in _WORD.findall(sample))
    total_words = sum(words.values()) or 1
    best, best_score = vocab.fallback[script], 0.0
    for lang in (lang for lang in vocab.languages if lang.script == script):
        letter_share = sum(letters[ch] for ch in lang.letters) / total_letters
        if lang.needs_letters and letter_share < vocab.min_letter_share:
            continue
        score = sum(words[w] for w in lang.words) / total_words + vocab.letter_weight * letter_share
        if score > best_score:
            best, best_score = lang.tag, score
    return best
