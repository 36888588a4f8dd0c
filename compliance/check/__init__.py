"""Check stage: parsed documents × rules (`rules/*.yaml`) → findings (`FindingsReport`, the JSON contract).

Reads `Document`s from the parse stage and the rules; writes findings that carry their whole trail: rule,
convention article, document edition, eId, a standard citation, the quoted article with the exact spans of
the evidence, the sanctions the article provides (and whether each involves compulsory labour in that
country, with the legal basis from `rules/countries/<CC>.yaml`), a confidence and an explanation.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Iterable
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple, Protocol

from .. import yamlsafe
from ..cache import cached
from ..cache import key as cache_key
from ..citations import Citation, Provision, cite, last_amendment, locate
from ..models import (
    CheckedDocument,
    Document,
    DocumentMeta,
    Finding,
    FindingsReport,
    Node,
    Sanction,
    Warning_,
)
from ..parallel import jobs, ordered_map
from ..parse.describe import country_of
from ..rules import RULES_DIR, Rule, load_rules, of_conventions
from ..supervisory.links import comments_for
from .compile import TOKENIZER_CACHE, Compiled, broader_sanction, compile_rules, import_spacy
from .evaluation import candidate_rules, evaluate
from .match import ArticleMatches, match_articles
from .match import Sanction as MatchSanction
from .penalties import judged_sanctions, sanction_terms
from .scope import not_analysed
from .text import article_text

__all__ = ["check_document", "check_documents", "check_prepared", "compiled_rules", "country_data", "infer_country", "load_rules",
           "citation", "prepare", "requirement_findings"]

def _sanction_table(path: Path) -> dict[str, tuple[bool | None, str]]:
    if not path.is_file():
        return {}
    data = yamlsafe.load(yamlsafe.read_text(path)) or {}
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


def citation(doc: Document, article: Node | None, provision: Provision | None = None) -> Citation:
    """The English and Russian citations of a provision, with the amending act its notes name
    (`compliance.citations`)."""
    return cite(doc.document, provision, last_amendment(doc, article))


def _sanctions(am: ArticleMatches, found: Iterable[MatchSanction], country: str | None) -> list[Sanction]:
    data = country_data(country)
    found = sorted(found, key=lambda f: f.span)
    terms = sanction_terms(am.text.text, [f.span for f in found], am.compiled.language)
    out = []
    for (kind, (s, e)), term in zip(found, terms, strict=True):
        involves, basis = data.get(kind, (None, ""))
        out.append(Sanction(type=kind, text=am.text.text[s:e], span=(s, e), compulsory_labour=involves,
                            basis=basis or None, term=term))
    return out


def _counts(types: list[str] | None, kind: str) -> bool:
    """Whether a sanction of `kind` counts for a rule naming `types` (a type takes its narrower ones:
    `arrest` covers `administrative_arrest`)."""
    return not types or kind in types or broader_sanction(kind) in types


def relevant_sanctions(rule: Rule, sanctions: Iterable[Sanction]) -> list[Sanction]:
    """The sanctions a rule's `sanctions` clause is about (all of them when it names no types)."""
    types = rule.sanctions.types if rule.sanctions else None
    return [s for s in sanctions if _counts(types, s.type)]


def compulsory_labour_status(relevant: list[Sanction]) -> Literal["involved", "unknown"] | None:
    """Whether the relevant penalties involve compulsory labour in the country: "involved" if one does,
    "unknown" if none does but one is not established, None if none does."""
    if any(s.compulsory_labour for s in relevant):
        return "involved"
    return "unknown" if any(s.compulsory_labour is None for s in relevant) else None


def evidence_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The words an explanation quotes as evidence: the first spans' texts, each once."""
    return "; ".join(dict.fromkeys(text[s:e] for s, e in spans[:6]))


def _penalties_label(rule: Rule) -> str:
    return "The article's penalties" if rule.sanctions is None else "The penalties of the conduct's parts"


def _decisive(am: ArticleMatches, conduct: list[tuple[int, int]], relevant: list[Sanction]) -> list[tuple[int, int]]:
    """The words a citation points at: the conduct's evidence in the parts that punish it with a sanction the
    rule is about (the penalty and its conduct together), else all of the conduct's evidence."""
    parts = [(u.start, u.end) for u in am.text.parts if any(u.start <= s.span[0] < u.end for s in relevant)]
    held = [sp for sp in conduct if any(a <= sp[0] < b for a, b in parts)]
    return held or conduct


def _rule_finding(
    rule: Rule, doc: Document, am: ArticleMatches, spans: list[tuple[int, int]], score: float, country: str | None
) -> Finding | None:
    kind = rule.kind
    confidence = score
    notes = []
    conduct, relevant = list(spans), []
    if rule.sanctions is None:
        sanctions = _sanctions(am, am.sanctions, country)
    else:
        sanctions = _sanctions(am, judged_sanctions(am, spans, am.compiled.language), country)
        relevant = relevant_sanctions(rule, sanctions)
        if rule.sanctions.compulsory_labour:
            status = compulsory_labour_status(relevant)
            if status == "involved":
                notes.append("its penalties involve compulsory labour in this country")
            elif status == "unknown":
                kind, confidence = "concern", confidence * 0.6
                notes.append("whether its penalties involve compulsory labour is not established for "
                             f"{country or 'an unknown country'}")
            else:
                return None
        elif not relevant:
            return None
        spans = sorted(set(spans) | {s.span for s in relevant})
    art = am.text.node
    provision = locate(art, am.text.owners, _decisive(am, conduct, relevant), am.text.text)
    cited = citation(doc, art, provision)
    evidence = evidence_text(am.text.text, spans)
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
        citation=cited.english,
        citation_ru=cited.russian,
        provision=provision.english,
        amended_by=f"{cited.amendment.number} of {cited.amendment.date.isoformat()}" if cited.amendment else None,
        comments=comments_for(doc.document, art.num, (c for r in rule.references for c in r.comments)),
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


def compiled_rules(rules: list[Rule], language: str) -> Compiled:
    """Rules compile once per rule set (equal rules, equal set) and language, and are kept on disk
    (`cache.py`) for the next run."""
    key = (tuple(r.model_dump_json() for r in rules), language)
    found = _COMPILED.get(key)
    if found is None:
        on_disk = cache_key(f"compiled-{language}", [language.encode(), *(r.encode() for r in key[0])])
        import_spacy()  # before the cache's pickle imports it whole
        found = _COMPILED[key] = cached(on_disk, lambda: compile_rules(rules, language))
        found.nlp.tokenizer.max_cache_size = TOKENIZER_CACHE  # not kept by spaCy's pickle
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
    selected = _select(rules, conventions)
    return _check_all([doc], selected, [country or doc.document.country or infer_country(doc)])[0][0]


def _checked_articles(doc: Document) -> list[Node]:
    return [a for a in doc.articles() if not a.repealed]


# Below this much article text a check runs in this process: starting workers would cost more.
PARALLEL_MIN_CHARS = 300_000
# Each part is 1/(this × processes) of the text left: parts shrink as the run goes on, so the last ones are
# small and no core waits long for another to finish. Two workers on the same articles can differ by a fifth
# in speed on a virtual machine; with equal parts, one then ran alone for most of a part at the end.
_SHARE_OF_WHAT_IS_LEFT = 2


def _parts(articles: list[list[Node]], processes: int) -> list[tuple[int, slice]]:
    """The pieces of work over documents' checked `articles`: each document whole, or, when it is large for
    the run, cut into runs of consecutive articles (a law's findings are the findings of its articles in
    order). Each run is 1/(2 × processes) of the text not yet in a run, and no smaller than half of
    `PARALLEL_MIN_CHARS` unless a document ends it."""
    sizes = [[len(a.text) for a in arts] for arts in articles]
    left = sum(map(sum, sizes))
    parts: list[tuple[int, slice]] = []
    for i, lengths in enumerate(sizes):
        start, size = 0, 0
        for j, n in enumerate(lengths):
            size += n
            if size >= max(PARALLEL_MIN_CHARS // 2, left // (processes * _SHARE_OF_WHAT_IS_LEFT)) \
                    and j + 1 < len(lengths):
                parts.append((i, slice(start, j + 1)))
                left -= size
                start, size = j + 1, 0
        parts.append((i, slice(start, len(lengths))))
        left -= size
    return parts


# The documents, the rules, the documents' countries and their checked articles (listed once here: a walk
# of a large law's tree per part would cost each worker as much again).
_State = tuple[list[Document], list[Rule], list[str | None], list[list[Node]]]


def _check_part(state: _State, part: tuple[int, slice]) -> tuple[list[Finding], set[str]]:
    docs, selected, countries, articles = state
    i, run = part
    return _check(docs[i], selected, countries[i], articles[i][run])


def _check_all(docs: list[Document], selected: list[Rule],
               countries: list[str | None]) -> list[tuple[list[Finding], set[str]]]:
    """`_check` of each document, over `parallel.jobs()` processes when the laws are large enough; the
    same findings in the same order whatever the number of processes."""
    processes = jobs()
    articles = [_checked_articles(d) for d in docs]
    chars = sum(len(a.text) for arts in articles for a in arts)
    if processes <= 1 or chars < PARALLEL_MIN_CHARS:
        return [_check(d, selected, c, arts) for d, c, arts in zip(docs, countries, articles, strict=True)]
    for language in {d.document.language or "ru" for d in docs}:
        compiled_rules(selected, language)  # compiled once here; forked workers inherit it
    parts = _parts(articles, processes)
    done = ordered_map(_check_part, (docs, selected, countries, articles), parts, processes)
    out: list[tuple[list[Finding], set[str]]] = [([], set()) for _ in docs]
    for (i, _), (findings, met) in zip(parts, done, strict=True):
        out[i][0].extend(findings)
        out[i][1].update(met)
    return out


def _check(doc: Document, selected: list[Rule], country: str | None,
           articles: list[Node] | None = None) -> tuple[list[Finding], set[str]]:
    """One pass over the document (or over `articles`, a run of its checked articles): findings, and the
    `requirement` rules some article of it implements."""
    language = doc.document.language or "ru"
    country = country or doc.document.country or infer_country(doc)
    compiled = compiled_rules(selected, language)
    texts = (article_text(a) for a in (_checked_articles(doc) if articles is None else articles))
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
        am.release()
    return findings, met


def _select(rules: Iterable[Rule] | None, conventions: Iterable[str] | None) -> list[Rule]:
    return of_conventions(rules if rules is not None else load_rules(), conventions)


class LawChecked(Protocol):
    """What the `requirement` rules need of a law checked (`Checked` here, `batch.Done` in a batch)."""

    @property
    def meta(self) -> DocumentMeta: ...
    @property
    def country(self) -> str | None: ...
    @property
    def analysed(self) -> bool: ...
    @property
    def met(self) -> Collection[str]: ...  # the requirement rules some article of the law implements


def requirement_findings(laws: Iterable[LawChecked], rules: list[Rule]) -> list[Finding]:
    """`requirement` rules: an obligation for which no article of a country's analysed laws is an
    implementation. One finding per country and rule, over the whole laws of a kind the rule lists. Laws not
    analysed are left out: of a law no rule could be tried on, nothing says a provision is missing."""
    analysed = [law for law in laws if law.analysed]
    met: dict[str | None, set[str]] = {}
    for law in analysed:
        met.setdefault(law.country, set()).update(law.met)
    countries = {law.meta.id: law.country for law in analysed}
    metas = [law.meta for law in analysed]
    out = []
    for cc in dict.fromkeys(countries[m.id] for m in metas):
        of_country = [m for m in metas if countries[m.id] == cc]
        for rule in (r for r in rules if r.kind == "requirement" and r.id not in met.get(cc, set())):
            relevant = [m for m in of_country if rule.applies_to_document(m)]
            if relevant:
                out.append(_requirement_finding(rule, relevant))
    return out


def _requirement_finding(rule: Rule, relevant: list[DocumentMeta]) -> Finding:
    names = "; ".join(sorted({m.title_en or m.title or m.id for m in relevant}))
    return Finding(
        id=f"{rule.id}@{'+'.join(m.id for m in relevant)}",
        rule_id=rule.id,
        kind="requirement",
        severity=rule.severity,
        convention=rule.convention,
        convention_article=rule.article,
        document_id=relevant[0].id,
        eid=None,
        article=None,
        citation=f"No implementing provision found in: {names}",
        quote="",
        spans=[],
        confidence=0.7,
        explanation=f"{rule.title}. {rule.principle} No article of the laws analysed matched. "
        f"Recommendation: {rule.recommendation}",
    )


class Prepared(NamedTuple):
    """What a check knows of a law before matching: its country, the notes said of it, whether it can be
    checked at all."""

    country: str | None
    notes: list[str]
    analysed: bool
    unchecked: str | None = None  # why it is not analysed (`scope.not_analysed`), when it is not


def prepare(doc: Document, selected: list[Rule], country: str | None = None) -> Prepared:
    """The law's country (the one given, its metadata's, else inferred from its text) and the notes on
    what a check of it cannot say."""
    notes = []
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
    if doc.warnings:  # the text read may not be the law's: said beside the findings, never dropped
        first = doc.warnings[0]
        notes.append(f"{doc.document.id}: {len(doc.warnings)} warning(s) while reading the text "
                     f"(first, line {first.line}: {first.message})")
    unchecked = not_analysed(doc, selected)
    if unchecked:  # said in every output: an empty list of findings must not read as "compliant"
        notes.append(unchecked)
    return Prepared(cc, notes, not unchecked, unchecked)


def check_prepared(doc: Document, selected: list[Rule], prepared: Prepared) -> tuple[list[Finding], set[str]]:
    """One law's findings (no `requirement` ones) and the requirement rules it implements, in this process."""
    return _check(doc, selected, prepared.country) if prepared.analysed else ([], set())


class Checked(NamedTuple):
    """One law checked, without its tree: what a report says of it and what the `requirement` rules need
    (what a worker that parsed and checked the law sends back)."""

    meta: DocumentMeta
    country: str | None
    articles: int
    warnings: list[Warning_]
    notes: list[str]
    analysed: bool
    findings: list[Finding]
    met: set[str]
    unchecked: str | None
    nums: frozenset[str]  # the law's article numbers, for a command that asks about one (`check --article`)


def checked(doc: Document, prepared: Prepared, findings: list[Finding], met: set[str]) -> Checked:
    return Checked(doc.document, prepared.country, len(doc.articles()), list(doc.warnings), prepared.notes,
                   prepared.analysed, findings, met, prepared.unchecked, article_nums([doc]))


def article_nums(docs: Iterable[Document]) -> frozenset[str]:
    """The article numbers the laws hold."""
    return frozenset(a.num for doc in docs for a in doc.articles() if a.num)


def check_documents(
    docs: list[Document],
    rules: Iterable[Rule] | None = None,
    country: str | None = None,
    conventions: Iterable[str] | None = None,
) -> FindingsReport:
    selected = _select(rules, conventions)
    prepared = [prepare(doc, selected, country) for doc in docs]
    analysed = [(d, p) for d, p in zip(docs, prepared, strict=True) if p.analysed]
    results = iter(_check_all([d for d, _ in analysed], selected, [p.country for _, p in analysed]))
    records = [checked(d, p, *(next(results) if p.analysed else ([], set())))
               for d, p in zip(docs, prepared, strict=True)]
    return report_of(records, selected)


def report_of(records: list[Checked], selected: list[Rule]) -> FindingsReport:
    """The report of laws checked: their notes, their findings in order, then the `requirement` findings
    worked out over all of them."""
    findings = [f for r in records for f in r.findings]
    findings.extend(requirement_findings(records, selected))
    documents = [
        CheckedDocument(id=r.meta.id, title=r.meta.title, country=r.country, language=r.meta.language,
                        edition=r.meta.edition, path=r.meta.path, articles=r.articles, warnings=r.warnings)
        for r in records
    ]
    return FindingsReport(documents=documents, findings=findings, notes=[n for r in records for n in r.notes])
