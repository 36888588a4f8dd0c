"""The bundled corpus as the web app browses it: countries → works → editions → articles with their findings,
and one article's history across the editions of its work.

Reads the corpus's works through ONE adapter, `corpus_index` (the only function here that knows how the
corpus groups stored texts into works, expressions and portions: `compliance.corpus.corpus_works`), the
check stage for one edition at a time, and the history stage (`compliance.diff.history`) for one article.
Produces plain view records for the templates: `CountryView`, `WorkView`, `EditionView`, `ArticleView` (an
article's number, heading, text and the findings on it, each with its ILO comments) and `HistoryView` (per
edition of an article: its text change as redline segments, the amending acts and the findings).
"""

from __future__ import annotations

import datetime as _dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..models import Finding

if TYPE_CHECKING:  # the corpus, the parser and the diff stage load when a page first needs them
    from ..corpus import Expression
    from ..diff.models import ArticleEdition, TimelineEvent
    from ..diff.redline import Segment


@dataclass(frozen=True)
class EditionView:
    id: str  # the expression's id ("kz/criminal-code@2015-11-13"), the only handle the pages pass back
    date: _dt.date | None
    language: str | None  # a second language ("kk"); None for the main text
    title: str
    texts: tuple[str, ...]  # the stored portions (corpus ids) this edition is read from
    amended_by: str | None


@dataclass(frozen=True)
class WorkView:
    id: str  # "kz/criminal-code"
    slug: str  # "criminal-code": the address names a work by country and slug
    title: str
    kind: str | None
    editions: tuple[EditionView, ...]  # oldest first, the main language before translations of a date


@dataclass(frozen=True)
class CountryView:
    code: str
    works: tuple[WorkView, ...]


@dataclass
class ArticleView:
    eid: str
    num: str | None
    heading: str | None
    text: str
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryEdition:
    """One edition of an article as its page shows it: what changed since the text before, and the findings."""

    edition: ArticleEdition
    events: tuple[TimelineEvent, ...]
    segments: tuple[Segment, ...]  # the word redline from the previous text that holds the article


@dataclass(frozen=True)
class HistoryView:
    work: str
    editions: tuple[HistoryEdition, ...]
    gaps: tuple[int, ...]
    unchecked: dict[str, str]  # edition id → why no rule could be tried on its text


@functools.cache
def _index() -> tuple[tuple[CountryView, ...], dict[str, Expression]]:
    """The one adapter over the corpus API (`corpus_works`, `Work.expressions`, `Work.translations`)."""
    from ..corpus import corpus_works

    by_country: dict[str, list[WorkView]] = {}
    expressions: dict[str, Expression] = {}
    for w in corpus_works():
        meta = w.meta
        if not meta.country:
            continue
        eds = []
        for x in sorted((*w.expressions, *w.translations), key=lambda x: (x.date or _dt.date.min, x.language or "")):
            first = x.portions[0].meta
            eds.append(EditionView(x.id, x.date, x.language, first.title_en or first.title or w.id,
                                   tuple(p.id for p in x.portions), x.amended_by))
            expressions[x.id] = x
        title = meta.title_en or meta.title or meta.short_title or w.id
        by_country.setdefault(meta.country.upper(), []).append(
            WorkView(w.id, w.id.split("/", 1)[1], title, meta.kind, tuple(eds)))
    countries = tuple(CountryView(cc, tuple(sorted(ws, key=lambda v: v.id))) for cc, ws in sorted(by_country.items()))
    return countries, expressions


def corpus_index() -> tuple[CountryView, ...]:
    """Countries of the bundled corpus, each with its works and their editions, oldest first."""
    return _index()[0]


def country(code: str) -> CountryView | None:
    return next((c for c in corpus_index() if c.code == code.upper()), None)


def work(code: str, slug: str) -> WorkView | None:
    found = country(code)
    return next((w for w in found.works if w.slug == slug), None) if found else None


def work_of_text(code: str, slug: str) -> WorkView | None:
    """The work a stored text's slug belongs to ("criminal-code-art174" → kz/criminal-code), for old addresses."""
    found = country(code)
    base = f"{code.lower()}/{slug}"
    if found is None:
        return None
    return next((w for w in found.works for e in w.editions if any(t.split("@")[0] == base for t in e.texts)), None)


def edition(found: WorkView, edition_id: str) -> EditionView | None:
    """An edition of the work by its expression id, only if the index lists it (the id never reaches a path)."""
    return next((e for e in found.editions if e.id == edition_id), None)


def newest(found: WorkView) -> EditionView:
    """The newest edition in the main language (a translation only when the work has nothing else)."""
    main = [e for e in found.editions if e.language is None]
    return (main or list(found.editions))[-1]


class Articles(NamedTuple):
    views: tuple[ArticleView, ...]
    notes: tuple[str, ...]
    unchecked: str | None  # why no rule could be tried on the edition (`check.scope.not_analysed`), if none could


@functools.lru_cache(maxsize=8)
def articles(edition_id: str) -> Articles:
    """The articles of one edition (its portions read as one text) with the findings on each, and the notes."""
    from ..check import check_documents
    from ..check.scope import not_analysed
    from ..check.text import article_text
    from ..corpus import expression_document
    from ..rules import load_rules

    doc = expression_document(_index()[1][edition_id])
    rules = load_rules()
    report = check_documents([doc], rules)
    notes = list(report.notes)
    gap = not_analysed(doc, rules)
    if gap and gap not in notes:
        notes.append(gap)
    views = {a.eid: ArticleView(a.eid, a.num, a.heading, article_text(a).text) for a in doc.articles()}
    for f in report.findings:
        key = f.eid or ""
        while key not in views and "__" in key:  # a finding on a part or point belongs to its article
            key = key.rsplit("__", 1)[0]
        if key in views:
            views[key].findings.append(f)
    return Articles(tuple(views.values()), tuple(notes), gap)


def article(edition_id: str, eid: str) -> ArticleView | None:
    """An article of an edition by its eId, only if the edition holds it."""
    return next((a for a in articles(edition_id).views if a.eid == eid), None)


@functools.lru_cache(maxsize=16)
def article_history(work_id: str, num: str, language: str | None = None) -> HistoryView | None:
    """The article numbered `num` in every edition of the work that holds it, each checked; None if unnumbered."""
    from ..check import check_document
    from ..check.scope import not_analysed
    from ..diff import history
    from ..diff.redline import redline_segments
    from ..rules import load_rules

    law = work_id + (f":{language}" if language else "")
    rules = load_rules()  # one rule set, for the check and for what it cannot be tried on
    try:
        found = history(law, article=num, checker=lambda doc: check_document(doc, rules),
                        unchecked=lambda doc: not_analysed(doc, rules))
    except ValueError:
        return None
    if not found.articles:
        return None
    timeline = found.articles[0]
    out: list[HistoryEdition] = []
    previous: ArticleEdition | None = None
    for ed in timeline.editions:
        events = tuple(e for e in timeline.events if e.edition_id == ed.id)
        amended = next((e for e in events if e.event == "amended" and e.ops), None)
        segments = (tuple(redline_segments(previous.text, ed.text, amended.ops))
                    if amended is not None and previous is not None else ())
        out.append(HistoryEdition(ed, events, segments))
        previous = ed
    return HistoryView(found.law, tuple(out), tuple(found.gaps), found.not_analysed)
