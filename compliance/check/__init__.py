"""Check stage: parsed documents × rules (`rules/*.yaml`) → findings (`FindingsReport`, the JSON contract).

Reads `Document`s from the parse stage and the rules; writes findings that carry their whole trail: rule,
convention article, document edition, eId, a standard citation, the quoted article with the exact spans of
the evidence, the sanctions the article provides (and whether each involves compulsory labour in that
country, with the legal basis from `rules/countries/<CC>.yaml`), a confidence and an explanation.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml

from ..models import (
    CheckedDocument,
    Document,
    Finding,
    FindingsReport,
    Sanction,
    english_date,
)
from ..parse.describe import country_of
from ..rules import RULES_DIR, Rule, load_rules
from .compile import Compiled, broader_sanction, compile_rules
from .evaluation import candidate_rules, evaluate
from .match import ArticleMatches, match_articles
from .match import Sanction as MatchSanction
from .penalties import judged_sanctions
from .scope import not_analysed
from .text import article_text

__all__ = ["check_document", "check_documents", "country_data", "infer_country", "load_rules", "citation"]

def _sanction_table(path: Path) -> dict[str, tuple[bool | None, str]]:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return {k: (v.get("involves"), str(v.get("basis") or "")) for k, v in (data.get("sanctions") or {}).items()}


@cache
def country_data(country: str | None, root: Path = RULES_DIR) -> dict[str, tuple[bool | None, str]]:
    """{sanction type: (involves compulsory labour?, basis)} for a country: its file over the defaults that
    hold everywhere (`countries/_default.yaml`: correctional labour and public works involve labour, fines
    and disqualification never; liberty and arrest "not established" until the country file says)."""
    table = _sanction_table(root / "countries" / "_default.yaml")
    if country:
        table.update(_sanction_table(root / "countries" / f"{country.upper()}.yaml"))
    return table


def infer_country(doc: Document) -> str | None:
    """The country a text names most often as its own state, when no metadata says it."""
    return country_of(doc.source_text[:200_000])


def citation(doc: Document, num: str | None, part: str | None = None) -> str:
    """ "Criminal Code of the Republic of Kazakhstan of 3 July 2014 No. 226-V, art. 174(1), as amended on
    26 June 2020" — built only from what the metadata says."""
    meta = doc.document
    name = meta.title_en or meta.title or meta.id
    if meta.adopted:
        name += f" of {english_date(meta.adopted)}"
    if meta.act_number:
        name += f" No. {meta.act_number}"
    where = f"art. {num}" if num else ""
    if where and part:
        where += f"({part})"
    out = f"{name}, {where}" if where else name
    if meta.edition:
        out += f", as amended on {english_date(meta.edition)}" if meta.country else ""
    return out


def _sanctions(am: ArticleMatches, found: Iterable[MatchSanction], country: str | None) -> list[Sanction]:
    data = country_data(country)
    out = []
    for kind, (s, e) in found:
        involves, basis = data.get(kind, (None, ""))
        out.append(Sanction(type=kind, text=am.text.text[s:e], span=(s, e), compulsory_labour=involves, basis=basis or None))
    return out


def _counts(types: list[str] | None, kind: str) -> bool:
    """Whether a sanction of `kind` counts for a rule naming `types` (a type takes its narrower ones:
    `arrest` covers `administrative_arrest`)."""
    return not types or kind in types or broader_sanction(kind) in types


def _penalties_label(rule: Rule) -> str:
    return "The article's penalties" if rule.sanctions is None else "The penalties of the conduct's parts"


def _part_num(am: ArticleMatches, spans: list[tuple[int, int]]) -> str | None:
    """The numbered part holding the first evidence outside the heading ("174(1)"), if any."""
    for first, _ in spans:
        for s, e, node in am.text.parts:
            if s <= first <= e and node is not am.text.node:
                return node.num if node.kind == "paragraph" and node.num else None
    return None


def _rule_finding(
    rule: Rule, doc: Document, am: ArticleMatches, spans: list[tuple[int, int]], score: float, country: str | None
) -> Finding | None:
    kind = rule.kind
    confidence = score
    notes = []
    if rule.sanctions is None:
        sanctions = _sanctions(am, am.sanctions, country)
    else:
        sanctions = _sanctions(am, judged_sanctions(am, spans, am.compiled.language), country)
        relevant = [s for s in sanctions if _counts(rule.sanctions.types, s.type)]
        if rule.sanctions.compulsory_labour:
            if any(s.compulsory_labour for s in relevant):
                notes.append("its penalties involve compulsory labour in this country")
            elif any(s.compulsory_labour is None for s in relevant):
                kind, confidence = "concern", confidence * 0.6
                notes.append("whether its penalties involve compulsory labour is not established for "
                             f"{country or 'an unknown country'}")
            else:
                return None
        elif not relevant:
            return None
        spans = sorted(set(spans) | {s.span for s in relevant})
    art = am.text.node
    evidence = "; ".join(dict.fromkeys(am.text.text[s:e] for s, e in spans[:6]))
    explanation = (
        f"{rule.title}. Evidence: “{evidence}”. Under {rule.convention} Art. {rule.article}: {rule.principle}"
        + (f" {_penalties_label(rule)}: {', '.join(f'{s.text} ({s.type})' for s in sanctions)}." if sanctions else "")
        + (f" Note: {'; '.join(notes)}." if notes else "")
    )
    return Finding(
        id=f"{rule.id}@{doc.document.id}#{art.eid}",
        rule_id=rule.id,
        kind=kind,
        severity=rule.severity if kind == rule.kind else "medium",
        convention=rule.convention,
        convention_article=rule.article,
        document_id=doc.document.id,
        eid=art.eid,
        article=art.num,
        citation=citation(doc, art.num, _part_num(am, spans)),
        quote=am.text.text,
        spans=spans,
        confidence=round(confidence, 3),
        explanation=explanation,
        sanctions=sanctions,
    )


def _applies(rule: Rule, doc: Document) -> bool:
    return rule.applies_to_document(doc.document)


# Compiled rule sets by content and language; a run uses a few (its rules × the languages of its laws), so
# the least recently used go once there are more than that.
_COMPILED: OrderedDict[tuple[tuple[str, ...], str], Compiled] = OrderedDict()
_COMPILED_KEPT = 16


def _compiled(rules: list[Rule], language: str) -> Compiled:
    """Rules compile once per rule set (equal rules, equal set) and language."""
    key = (tuple(r.model_dump_json() for r in rules), language)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = compile_rules(rules, language)
        if len(_COMPILED) > _COMPILED_KEPT:
            _COMPILED.popitem(last=False)
    else:
        _COMPILED.move_to_end(key)
    return found


def check_document(
    doc: Document,
    rules: Iterable[Rule] | None = None,
    country: str | None = None,
    conventions: Iterable[str] | None = None,
) -> list[Finding]:
    """Findings of `conflict`, `concern` and `implements` rules on one document, in document order."""
    return _check(doc, _select(rules, conventions), country)[0]


def _check(doc: Document, selected: list[Rule], country: str | None) -> tuple[list[Finding], set[str]]:
    """One pass over the document: findings, and the `requirement` rules some article of it implements."""
    language = doc.document.language or "ru"
    country = country or doc.document.country or infer_country(doc)
    compiled = _compiled(selected, language)
    texts = (article_text(a) for a in doc.articles() if not a.repealed)
    applicable = {r.id for r in compiled.rules if _applies(r, doc)}
    findings: list[Finding] = []
    met: set[str] = set()
    for am in match_articles(compiled, texts):
        for rule in candidate_rules(compiled, am):
            if rule.id not in applicable or rule.id in met:
                continue
            hit = evaluate(compiled, rule, am)
            if hit is None:
                continue
            if rule.kind == "requirement":
                met.add(rule.id)
                continue
            finding = _rule_finding(rule, doc, am, hit[0], hit[1], country)
            if finding is not None:
                findings.append(finding)
        am.doc = None
    return findings, met


def _select(rules: Iterable[Rule] | None, conventions: Iterable[str] | None) -> list[Rule]:
    selected = list(rules) if rules is not None else load_rules()
    if conventions:
        wanted = {c.upper() for c in conventions}
        selected = [r for r in selected if r.convention in wanted]
    return selected


def _requirements(docs: list[Document], rules: list[Rule], met: dict[str | None, set[str]],
                  countries: dict[str, str | None]) -> list[Finding]:
    """`requirement` rules: an obligation for which no article of a country's analysed laws is an
    implementation. One finding per country and rule, over the whole laws of a kind the rule lists."""
    out = []
    for cc in dict.fromkeys(countries[d.document.id] for d in docs):
        of_country = [d for d in docs if countries[d.document.id] == cc]
        for rule in (r for r in rules if r.kind == "requirement" and r.id not in met.get(cc, set())):
            relevant = [d for d in of_country if _applies(rule, d)]
            if relevant:
                out.append(_requirement_finding(rule, relevant))
    return out


def _requirement_finding(rule: Rule, relevant: list[Document]) -> Finding:
    names = "; ".join(sorted({d.document.title_en or d.document.title or d.document.id for d in relevant}))
    return Finding(
        id=f"{rule.id}@{'+'.join(d.document.id for d in relevant)}",
        rule_id=rule.id,
        kind="requirement",
        severity=rule.severity,
        convention=rule.convention,
        convention_article=rule.article,
        document_id=relevant[0].document.id,
        eid=None,
        article=None,
        citation=f"No implementing provision found in: {names}",
        quote="",
        spans=[],
        confidence=0.7,
        explanation=f"{rule.title}. {rule.principle} No article of the laws analysed matched. "
        f"Recommendation: {rule.recommendation}",
    )


def check_documents(
    docs: list[Document],
    rules: Iterable[Rule] | None = None,
    country: str | None = None,
    conventions: Iterable[str] | None = None,
) -> FindingsReport:
    selected = _select(rules, conventions)
    findings: list[Finding] = []
    notes: list[str] = []
    met: dict[str | None, set[str]] = {}
    countries: dict[str, str | None] = {}
    for doc in docs:
        cc = country or doc.document.country
        if cc is None:
            cc = infer_country(doc)
            notes.append(
                f"{doc.document.id}: country not given; inferred {cc} from the text" if cc
                else f"{doc.document.id}: country not given and not inferable; sanctions' link to compulsory labour unknown"
            )
        if doc.document.kind is None:
            notes.append(f"{doc.document.id}: kind of law unknown; only the rules for criminal, administrative "
                         "offences and labour codes were applied, and no 'no implementing provision found' rule")
        countries[doc.document.id] = cc
        if doc.warnings:  # the text read may not be the law's: said beside the findings, never dropped
            first = doc.warnings[0]
            notes.append(f"{doc.document.id}: {len(doc.warnings)} warning(s) while reading the text "
                         f"(first, line {first.line}: {first.message})")
        unchecked = not_analysed(doc, selected)
        if unchecked:  # said in every output: an empty list of findings must not read as "compliant"
            notes.append(unchecked)
            continue
        found, implemented = _check(doc, selected, cc)
        findings.extend(found)
        met.setdefault(cc, set()).update(implemented)
    findings.extend(_requirements(docs, selected, met, countries))
    documents = [
        CheckedDocument(
            id=d.document.id,
            title=d.document.title,
            country=countries[d.document.id],
            language=d.document.language,
            edition=d.document.edition,
            path=d.document.path,
            articles=len(d.articles()),
            warnings=list(d.warnings),
        )
        for d in docs
    ]
    return FindingsReport(documents=documents, findings=findings, notes=notes)
