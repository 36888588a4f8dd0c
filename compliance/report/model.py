"""What a report shows, computed once for every format: documents + findings + rules → `Report`.

Reads the parsed `Document`s, the `FindingsReport` the check stage produced for them, and the rules that
were applied; adds the convention text (`conventions.py`), the country's ratification status
(`ratifications.py`), the coverage matrix (convention article × law) and the annotated law view (each
article as lines cut into plain and highlighted segments at the findings' exact spans). The renderers
(`html.py`, `render.py`) only lay this out. Everything here is ordered deterministically: same input,
same report.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..check.scope import not_analysed
from ..check.text import article_text
from ..coverage import Coverage
from ..errors import ParseError
from ..models import Document, Finding, FindingsReport, Node, Note
from ..numbers import number_key
from ..parse.meta import sha256_of_files
from ..rules import Rule
from . import ratifications as _ratifications
from . import russian as _russian
from .cells import CELL_STATES, KIND_CELL, fold
from .conventions import ConventionInfo, ConventionQuote, convention_info, normalize_number, quote
from .current import Supersession
from .highlight import Segment, lines, segments
from .russian import RuleTexts

__all__ = ["CELL_STATES", "KINDS", "SEVERITIES", "Report", "build", "slug"]

SEVERITIES = ("high", "medium", "low", "info")
KINDS = ("conflict", "concern", "requirement", "implements")  # also the order of findings within a convention


def slug(text: str) -> str:
    """An HTML id / file-name safe form of a document id.

    >>> slug("kz/criminal-code-art174@2020-06-26"), slug("<My Law>.txt")
    ('kz-criminal-code-art174-2020-06-26', 'my-law-txt')
    """
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out or "law"


# -- views ----------------------------------------------------------------------------------------------


@dataclass
class LawUnit:
    """One line of the annotated law view: an article heading, its text, a paragraph, a point…"""

    anchor: str | None  # "<law-slug>--<eid>" (None for a second line of the same node)
    plain_anchor: str | None  # "<eid>", on the first occurrence of that eId in the whole report
    depth: int
    segments: list[list[Segment]]  # lines of segments
    notes: list[Note]
    heading: bool = False


@dataclass
class LawBlock:
    """A block of the law view: a structural heading (chapter…), preface text, or an article."""

    type: str  # "container" | "article" | "text"
    level: int
    anchor: str | None = None
    plain_anchor: str | None = None
    title: str = ""
    text: str = ""
    notes: list[Note] = field(default_factory=list)
    repealed: bool = False
    units: list[LawUnit] = field(default_factory=list)
    findings: list[FindingView] = field(default_factory=list)
    highlight_mismatch: bool = False


@dataclass
class LawView:
    key: str  # "L1"
    slug: str
    doc: Document
    label: str  # "Criminal Code, art. 174"
    scope: str | None
    sha256: str | None
    sha256_verified: bool | None  # True: the file's bytes match the metadata; None: not checkable
    articles: int
    repealed: int
    findings: list[FindingView] = field(default_factory=list)
    blocks: list[LawBlock] = field(default_factory=list)
    not_analysed: str | None = None  # why no rule could be tried on the law: shown instead of "0 findings"

    @property
    def meta(self):  # type: ignore[no-untyped-def]
        return self.doc.document


@dataclass
class FindingView:
    f: Finding
    anchor: str
    law: LawView | None
    rule: Rule | None
    quote_lines: list[list[Segment]]
    evidence: list[str]
    convention_quote: ConventionQuote | None
    law_anchor: str | None  # where the article is in the law view
    law_keys: list[str] = field(default_factory=list)  # the laws it concerns (a requirement: several)
    # an earlier card quotes the same convention article / states the same rule's principle (print shows once)
    repeat_convention: bool = False
    repeat_rule: bool = False

    def texts(self, lang: str) -> RuleTexts | None:
        """The rule's title, principle and recommendation in the report's language."""
        return _russian.rule_texts(self.rule, lang) if self.rule else None

    def explanation(self, lang: str) -> str:
        return _russian.explanation(self.f, self.rule, lang)

    def paste(self, lang: str) -> str:
        """The paste-ready block of `compliance cite` for this finding (the card's copy button)."""
        from .paste import Block, block, render_one

        if self.rule is None or self.f.article is None:
            return self.f.citation
        b: Block = block(self.f, self.rule, "ru" if lang == "ru" else "en")
        return "\n".join(render_one(b, "ru" if lang == "ru" else "en", md=False)).strip() + "\n"


@dataclass
class Cell:
    state: str  # one of CELL_STATES
    href: str | None = None
    count: int = 0


@dataclass
class ArticleGroup:
    convention: str
    article: str
    anchor: str
    quote: ConventionQuote | None
    rules: list[Rule]
    findings: list[FindingView] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)  # one per law, in law order


@dataclass
class ConventionRow:
    number: str
    info: ConventionInfo | None
    ratification: _ratifications.Ratification | None
    rules: int
    findings: int
    by_severity: dict[str, int]
    by_kind: dict[str, int] = field(default_factory=dict)
    views: list[FindingView] = field(default_factory=list)  # its findings: conflicts, concerns, gaps, implemented
    analysed: bool = True  # some rule of the convention was tried on some law
    anchor: str = ""


@dataclass
class Superseded:
    """A text left out because newer editions of the same work hold all its articles."""

    doc: Document
    newer: list[str]  # ids of the texts that speak for its articles


@dataclass
class Report:
    title_country: str | None
    country: str | None
    laws: list[LawView]
    conventions: list[ConventionRow]
    groups: list[ArticleGroup]  # convention articles of the rules that applied (matrix rows, findings)
    findings: list[FindingView]
    findings_report: FindingsReport
    ratifications_recorded: bool
    notes: list[str]
    by_severity: dict[str, int]
    by_kind: dict[str, int]
    stamp: str | None = None  # UTC timestamp, only when asked for
    superseded: list[Superseded] = field(default_factory=list)
    all_editions: bool = False  # superseded editions reported in full
    with_law_text: bool = True  # the annotated law texts are part of the report
    progress_html: str | None = None  # the section "Progress since <year>" (`progress.render_progress_section`)


# -- building -------------------------------------------------------------------------------------------


def _scope(doc: Document) -> str | None:
    nums = [a.num for a in doc.articles() if a.num]
    if not nums:
        return None
    return f"art. {nums[0]}" if len(nums) == 1 else f"arts. {nums[0]}–{nums[-1]}"


def _label(doc: Document) -> str:
    m = doc.document
    return m.short_title or m.title_en or m.title or m.id


def _verified(doc: Document) -> bool | None:
    """Whether the files the parse stage read hash to the checksum metadata states; None when it states none
    (the checksum was computed from those files) or they are gone. Never the file metadata's `path` names:
    that one may not be the file that was read."""
    m = doc.document
    if not m.sha256 or not m.sha256_stated or not m.read_files:
        return None
    try:
        return sha256_of_files([Path(f) for f in m.read_files]) == m.sha256
    except (OSError, ParseError):
        return None


def _law_blocks(law: LawView, by_eid: dict[str, list[FindingView]], seen: set[str],
                supersession: Supersession) -> list[LawBlock]:
    """The law as blocks in document order, articles cut into lines with the findings' spans marked; an
    article a newer edition of the same work holds is left out (that edition shows it)."""
    blocks: list[LawBlock] = []

    def anchors(node: Node) -> tuple[str, str | None]:
        plain = None
        if node.eid not in seen:
            seen.add(node.eid)
            plain = node.eid
        return f"{law.slug}--{node.eid}", plain

    def visit(node: Node, level: int) -> None:
        if node.kind == "article":
            if supersession.newer(law.doc.document.id, node.num):
                return
            blocks.append(_article_block(node, level, anchors, by_eid.get(node.eid, [])))
            return
        if node.kind != "document":
            anchor, plain = anchors(node)
            title = " ".join(p for p in (node.label, node.heading) if p)
            blocks.append(LawBlock("container" if node.kind != "preface" else "text", level, anchor, plain,
                                   title=title, text=node.text, notes=node.notes, repealed=node.repealed))
        for child in node.children:
            visit(child, level + (node.kind != "document"))

    visit(law.doc.tree, 0)
    if law.doc.tree.notes:
        blocks.append(LawBlock("text", 0, notes=law.doc.tree.notes))
    return blocks


def _article_block(node: Node, level: int, anchors, found: list[FindingView]) -> LawBlock:  # type: ignore[no-untyped-def]
    at = article_text(node)
    spans: list[tuple[int, int]] = []
    classes: dict[tuple[int, int], tuple[str, str | None]] = {}
    mismatch = False
    for fv in found:
        if fv.f.quote != at.text:  # the finding was made on another text: do not guess where its spans are
            mismatch = True
            continue
        spans.extend(fv.f.spans)
        classes.update(sanction_classes(fv.f))
    depth_of: dict[int, int] = {}

    def depths(n: Node, d: int) -> None:
        depth_of[id(n)] = d
        for c in n.children:
            depths(c, d + 1)

    depths(node, 0)
    anchor, plain = anchors(node)
    units: list[LawUnit] = []
    shown: set[int] = set()
    for i, (s, e, owner) in enumerate(at.owners):
        segs = lines(segments(at.text[s:e], spans, offset=s, classes=classes))
        first = id(owner) not in shown
        shown.add(id(owner))
        if owner is node:
            u_anchor, u_plain = None, None
        elif first:
            u_anchor, u_plain = anchors(owner)
        else:
            u_anchor, u_plain = None, None
        is_heading = i == 0 and owner is node and bool(node.label or node.heading)
        units.append(LawUnit(u_anchor, u_plain, depth_of.get(id(owner), 1), segs,
                             owner.notes if (first and owner is not node) else [], heading=is_heading))
    # notes of the article and of units that have no line of their own
    notes = list(node.notes) + [n for x in node.walk() if x is not node and id(x) not in shown for n in x.notes]
    return LawBlock("article", level, anchor, plain, notes=notes, repealed=node.repealed, units=units,
                    findings=found, highlight_mismatch=mismatch)


def sanction_classes(f: Finding) -> dict[tuple[int, int], tuple[str, str | None]]:
    """Highlight class of each sanction span: `sanction-cl` when it involves compulsory labour in the country."""
    out: dict[tuple[int, int], tuple[str, str | None]] = {}
    for s in f.sanctions:
        cl = {True: "involves compulsory labour", False: "no compulsory labour"}.get(s.compulsory_labour,  # type: ignore[arg-type]
                                                                                    "compulsory labour unknown")
        out[(s.span[0], s.span[1])] = ("sanction-cl" if s.compulsory_labour else "sanction", f"{s.type}: {cl}")
    return out


def _anchor(finding_id: str, used: set[str]) -> str:
    base = "finding-" + hashlib.sha1(finding_id.encode("utf-8")).hexdigest()[:12]
    anchor, n = base, 1
    while anchor in used:
        n += 1
        anchor = f"{base}-{n}"
    used.add(anchor)
    return anchor


def _ratification_wanted(conventions: list[str]) -> list[str]:
    return sorted(dict.fromkeys(normalize_number(c) for c in conventions))


def build(
    docs: list[Document],
    findings: FindingsReport,
    rules: list[Rule],
    *,
    country: str | None = None,
    conventions: list[str] | None = None,
    stamp: _dt.datetime | None = None,
    ratifications_path: Path | None = None,
    supersession: Supersession | None = None,
    superseded: list[Superseded] | None = None,
    with_law_text: bool = True,
    progress_html: str | None = None,
) -> Report:
    """The report's content. `rules` are the rules that were applied (after any --conventions filter);
    `conventions` the conventions asked for (default: those of the rules)."""
    rules_by_id = {r.id: r for r in rules}
    used_slugs: set[str] = set()
    laws: list[LawView] = []
    for i, doc in enumerate(docs, 1):
        s = slug(doc.document.id)
        base, n = s, 1
        while s in used_slugs:
            n += 1
            s = f"{base}-{n}"
        used_slugs.add(s)
        arts = doc.articles()
        laws.append(LawView(
            key=f"L{i}", slug=s, doc=doc, label=_label(doc), scope=_scope(doc), sha256=doc.document.sha256,
            sha256_verified=_verified(doc), articles=len(arts), repealed=sum(1 for a in arts if a.repealed),
            not_analysed=not_analysed(doc, rules),
        ))
    law_by_id: dict[str, LawView] = {}
    for law in laws:
        law_by_id.setdefault(law.doc.document.id, law)
    law_index = {law.key: i for i, law in enumerate(laws)}
    coverage = Coverage(rules, [d.document for d in docs], [findings])

    # findings, each with its trail
    used: set[str] = set()
    views: list[FindingView] = []
    for f in findings.findings:
        owner = law_by_id.get(f.document_id)
        qlines = lines(segments(f.quote, f.spans, classes=sanction_classes(f))) if f.quote else []
        views.append(FindingView(
            f=f, anchor=_anchor(f.id, used), law=owner, rule=rules_by_id.get(f.rule_id), quote_lines=qlines,
            evidence=[f.quote[s:e] for s, e in f.spans], convention_quote=quote(f.convention, f.convention_article),
            law_anchor=f"{owner.slug}--{f.eid}" if owner and f.eid else None,
        ))
    severity_rank = {s: i for i, s in enumerate(SEVERITIES)}
    # sorting is stable: within a severity and a law, findings stay in the check's (document) order
    kind_rank = {k: i for i, k in enumerate(KINDS)}
    views.sort(key=lambda v: (v.f.convention, kind_rank.get(v.f.kind, 9), severity_rank.get(v.f.severity, 9),
                              law_index[v.law.key] if v.law else len(laws)))
    quoted: set[tuple[str, str]] = set()
    stated: set[str] = set()
    for v in views:
        v.repeat_convention = (v.f.convention, v.f.convention_article) in quoted
        v.repeat_rule = v.f.rule_id in stated
        quoted.add((v.f.convention, v.f.convention_article))
        stated.add(v.f.rule_id)
        if v.law:
            v.law.findings.append(v)
        v.law_keys = [law.key for law in laws if any(f is v.f for f in coverage.cell(v.f.rule_id, law.doc.document.id).findings)]

    # convention articles: those of the rules that applied to at least one law, and those with findings
    keys: dict[tuple[str, str], list[Rule]] = {}
    for r in rules:
        if coverage.analysed_laws(r.id):
            keys.setdefault((r.convention, r.article), []).append(r)
    for v in views:
        keys.setdefault((v.f.convention, v.f.convention_article), [])
    groups = []
    for conv, art in sorted(keys, key=lambda k: (k[0], number_key(k[1]))):
        groups.append(ArticleGroup(conv, art, f"{conv}-art-{slug(art)}", quote(conv, art), keys[(conv, art)]))
    group_of = {(g.convention, g.article): g for g in groups}
    for v in views:
        group_of[(v.f.convention, v.f.convention_article)].findings.append(v)

    # coverage matrix: the rules × laws matrix folded by convention article (findings in report order)
    for g in groups:
        rule_ids = dict.fromkeys([r.id for r in g.rules] + [v.f.rule_id for v in g.findings])
        for law in laws:
            state = fold(coverage.cell(rule_id, law.doc.document.id) for rule_id in rule_ids)
            concerned = {id(f) for f in state.findings}
            hits = [v for v in g.findings if id(v.f) in concerned]
            best = min(hits, key=lambda v: CELL_STATES.index(KIND_CELL[v.f.kind])) if hits else None
            g.cells.append(Cell(state.state, f"#{best.anchor}" if best else None, len(hits)))

    # law view (after findings are attached, so marks can link back)
    seen: set[str] = set()
    for law in laws if with_law_text else []:
        by_eid: dict[str, list[FindingView]] = {}
        for v in law.findings:
            if v.f.eid:
                by_eid.setdefault(v.f.eid, []).append(v)
        law.blocks = _law_blocks(law, by_eid, seen, supersession or Supersession())

    # conventions considered, with the ratification status where recorded of the country the report is on:
    # the one given, else the one all its laws are of (a user's Turkmen file: Turkmenistan's, not "not recorded")
    countries = sorted({d.document.country for d in docs if d.document.country} |
                       {d.country for d in findings.documents if d.country})
    shown_country = country or (countries[0] if len(countries) == 1 else None)
    wanted = _ratification_wanted(conventions or [r.convention for r in rules])
    recorded = _ratifications.load(shown_country, ratifications_path) if shown_country else None
    conv_rows = []
    for number in sorted(set(wanted) | {v.f.convention for v in views}):
        fs = [v for v in views if v.f.convention == number]
        conv_rows.append(ConventionRow(
            number=number, info=convention_info(number),
            ratification=(recorded or {}).get(number), rules=sum(1 for r in rules if r.convention == number),
            findings=len(fs), by_severity={s: sum(1 for v in fs if v.f.severity == s) for s in SEVERITIES},
            by_kind={k: sum(1 for v in fs if v.f.kind == k) for k in KINDS}, views=fs,
            analysed=bool(fs) or any(coverage.analysed_laws(r.id) for r in rules if r.convention == number),
            anchor=f"conv-{slug(number)}",
        ))
    sev = Counter[str](v.f.severity for v in views)
    kinds = Counter[str](v.f.kind for v in views)
    return Report(
        title_country=shown_country,
        country=country,
        laws=laws,
        conventions=conv_rows,
        groups=groups,
        findings=views,
        findings_report=findings,
        ratifications_recorded=recorded is not None,
        notes=list(findings.notes),
        by_severity={s: sev[s] for s in SEVERITIES},
        by_kind={k: kinds[k] for k in KINDS},
        stamp=stamp.astimezone(_dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if stamp else None,
        superseded=list(superseded or []),
        all_editions=supersession is None,
        with_law_text=with_law_text,
        progress_html=progress_html,
    )
