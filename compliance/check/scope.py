"""What a check could not cover: laws no rule can be tried on, and countries without sanction data.

Reads a parsed `Document` (its language, kind and article count), the rules selected for the check and the
country data folder (`rules/countries/<CC>.yaml`); produces one plain sentence per gap, for the notes of
every output and the warnings on stderr. A law no rule can be tried on is reported as not analysed, so that
"no findings" is never read as "compliant".
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..models import Document
from ..parse.language import language_name
from ..rules import RULES_DIR, Rule


def not_analysed(doc: Document, rules: Iterable[Rule]) -> str | None:
    """Why no rule can be tried on `doc` ("… Turkmen: no rules for this language; 0 of 410 articles checked";
    a text in which no article was found), or None when some rule can."""
    rules = list(rules)
    meta = doc.document
    language = meta.language or "ru"
    articles = doc.articles()
    n = len([a for a in articles if not a.repealed])
    if not any(language in r.patterns for r in rules):
        why = f"{language_name(language)}: no rules for this language"
    elif meta.kind is not None and not any(meta.kind in r.applies_to for r in rules):
        why = f"{meta.kind}: no rules for this kind of law"
    elif not articles:  # the whole text in the document node: the rules are tried on articles only
        why = "no article found in the text, and the rules are tried on articles (see the warnings on reading it)"
    elif not n:
        why = "every article of the text is repealed"
    else:
        return None
    return f"{meta.id}: not analysed. {why}; 0 of {n} articles checked"


def sanction_gap(country: str | None, root: Path = RULES_DIR) -> str | None:
    """What missing country data limits, for a country without `rules/countries/<CC>.yaml`; None otherwise."""
    if not country or (root / "countries" / f"{country.upper()}.yaml").is_file():
        return None
    return (f"{country.upper()}: no sanction data (rules/countries/{country.upper()}.yaml): whether deprivation or "
            "restriction of liberty and arrest involve compulsory labour there is not established, so findings "
            "under C029 and C105 that rest on them stay concerns (correctional labour and community work are "
            "work in every country)")


def warnings(docs: Iterable[Document], rules: Iterable[Rule], countries: Iterable[str | None]) -> list[str]:
    """Every gap of a check, once each, in document order: for stderr."""
    rules = list(rules)
    return gaps([not_analysed(d, rules) for d in docs], countries)


def gaps(unchecked: Iterable[str | None], countries: Iterable[str | None]) -> list[str]:
    """`warnings` from what `not_analysed` said of each law (None: analysed) and the laws' countries."""
    return [w for w in unchecked if w] + [w for cc in dict.fromkeys(countries) if (w := sanction_gap(cc))]
