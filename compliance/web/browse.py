"""The bundled corpus as the web app browses it: countries → laws → editions → articles with their findings.

Reads the corpus index through ONE adapter, `corpus_index` (the only function here that knows how the
corpus API groups texts into laws and editions: swap it when the corpus grows works), and the check stage
for one edition at a time. Produces plain view records for the templates: `CountryView`, `LawView`,
`EditionView`, and `ArticleView` (an article's number, heading, text and the findings on it).
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field

from ..models import Finding


@dataclass(frozen=True)
class EditionView:
    id: str  # the corpus id, the only handle the pages pass back
    date: _dt.date | None
    language: str | None
    title: str


@dataclass(frozen=True)
class LawView:
    slug: str
    title: str
    kind: str | None
    editions: tuple[EditionView, ...]


@dataclass(frozen=True)
class CountryView:
    code: str
    laws: tuple[LawView, ...]


@dataclass
class ArticleView:
    eid: str
    num: str | None
    heading: str | None
    text: str
    findings: list[Finding] = field(default_factory=list)


@functools.cache
def corpus_index() -> tuple[CountryView, ...]:
    """Countries of the bundled corpus, each with its laws (by slug) and their editions, oldest first.

    The one adapter over the corpus API (`corpus.load_entries`, `CorpusEntry.base`, `second_language`).
    """
    from ..corpus import load_entries

    laws: dict[str, dict[str, list[EditionView]]] = {}
    kinds: dict[str, str | None] = {}
    for entry in load_entries():
        meta = entry.meta
        if meta.number or not meta.country:  # ILO instruments are not a country's laws
            continue
        cc, slug = entry.base.split("/", 1)
        title = meta.title_en or meta.title or meta.short_title or slug
        laws.setdefault(cc.upper(), {}).setdefault(slug, []).append(
            EditionView(entry.id, meta.edition, entry.second_language or meta.language, title))
        kinds[entry.base] = meta.kind
    out = []
    for cc in sorted(laws):
        views = []
        for slug, eds in sorted(laws[cc].items()):
            eds.sort(key=lambda e: (e.date or _dt.date.min, e.id))
            views.append(LawView(slug, eds[-1].title, kinds.get(f"{cc.lower()}/{slug}"), tuple(eds)))
        out.append(CountryView(cc, tuple(views)))
    return tuple(out)


def country(code: str) -> CountryView | None:
    return next((c for c in corpus_index() if c.code == code.upper()), None)


def law(code: str, slug: str) -> LawView | None:
    found = country(code)
    return next((w for w in found.laws if w.slug == slug), None) if found else None


def edition(code: str, slug: str, edition_id: str) -> EditionView | None:
    """An edition of the law by its corpus id, only if the index lists it (the id never reaches a path)."""
    found = law(code, slug)
    return next((e for e in found.editions if e.id == edition_id), None) if found else None


@functools.lru_cache(maxsize=8)
def articles(edition_id: str) -> tuple[tuple[ArticleView, ...], tuple[str, ...]]:
    """The articles of one corpus edition with the findings on each, and the check's notes."""
    from ..check import check_documents
    from ..check.scope import not_analysed
    from ..check.text import article_text
    from ..corpus import find
    from ..parse import parse_file
    from ..rules import load_rules

    doc = parse_file(find(edition_id).file)
    rules = load_rules()
    report = check_documents([doc], rules)
    notes = list(report.notes)
    if (gap := not_analysed(doc, rules)) and gap not in notes:
        notes.append(gap)
    views = {a.eid: ArticleView(a.eid, a.num, a.heading, article_text(a).text) for a in doc.articles()}
    for f in report.findings:
        key = f.eid or ""
        while key not in views and "__" in key:  # a finding on a part or point belongs to its article
            key = key.rsplit("__", 1)[0]
        if key in views:
            views[key].findings.append(f)
    return tuple(views.values()), tuple(notes)
