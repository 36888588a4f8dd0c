"""Evaluation stage: expert-labelled cases × the checker → recall, false positives and flag density.

Reads a cases file (`tests/eval/cases.yaml`, the format of the shared development set): for each document,
its path in the shared sources (resolved to its copy in `corpora/`, so evaluation runs from a fresh clone),
its country, and article labels — `flag` (a conflict or concern is required under one of the listed
conventions), `ok` (a conflict or concern there is a false positive; an `implements` finding is welcome) and
`maybe` (neither required nor penalised). Runs the check stage on each document once and produces an
`Evaluation`: recall, false positives, conflict/concern articles per 100 articles of each document (with the
density goal for the whole Russian Labour Code), and tables per rule and per convention, as JSON or
Markdown. `Evaluation.passed` says whether the targets are met: recall 1.0 and no false positive.
The cases file itself is read by `eval_cases.py`. Tables per rule give flagged articles per 100 articles
and a precision where labels allow, overall and per law.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .corpus import CORPUS_DIR, CorpusEntry, load_entries
from .errors import CasesError, UnknownReference
from .eval_cases import DocumentCase, FlagCase, load_cases, resolve, source_slug
from .markdown import md_cell
from .models import Document, Finding
from .rules import Rule, of_conventions

# The cases file is read in `eval_cases`; its names stay importable from here.
__all__ = ["CasesError", "DocumentCase", "Evaluation", "FlagCase", "UnknownReference", "evaluate", "load_cases",
           "resolve", "run", "score", "source_slug", "to_json", "to_markdown"]

FLAG_KINDS = ("conflict", "concern")
# Density goals: conflict/concern articles per 100 articles, for whole codes (issue 4: RU Labour Code ≤ 8).
DENSITY_GOALS: dict[str, float] = {"ru/labour-code": 8.0}


# -- running ------------------------------------------------------------------------------------------------


@dataclass
class FlagResult:
    document: str
    article: str
    conventions: list[str]
    found: bool
    rules: list[str]  # rules with a conflict/concern on the article under one of the conventions
    other_rules: list[str]  # conflict/concern on the article under conventions not listed
    basis: str = ""


@dataclass
class FalsePositive:
    document: str
    article: str
    rule: str
    convention: str
    kind: str


@dataclass
class DocumentResult:
    id: str
    path: str
    country: str | None
    articles: int
    flagged_articles: int
    per_100: float
    findings: dict[str, int]  # by kind
    required: int
    found: int
    false_positives: int
    goal_per_100: float | None = None


@dataclass
class RuleRow:
    rule: str
    convention: str
    kind: str
    findings: int = 0
    true_positives: int = 0  # conflict/concern on a `flag` article listing the rule's convention
    false_positives: int = 0
    maybe: int = 0
    unlabelled: int = 0
    implements_on_ok: int = 0
    flagged_articles: int = 0  # distinct (document, article) with a conflict/concern of the rule
    per_100: float = 0.0  # flagged articles per 100 articles of the documents evaluated
    precision: float | None = None  # true / (true + false) flags among labelled articles; None without any


@dataclass
class RuleLawRow:
    """One rule on one law: its conflict/concern articles there and their density."""

    rule: str
    document: str
    articles: int
    flagged_articles: int
    per_100: float


@dataclass
class ConventionRow:
    convention: str
    required: int = 0  # flags listing this convention
    found: int = 0  # ...found under this convention
    found_any: int = 0  # ...found under any of their listed conventions
    false_positives: int = 0
    flagged_articles: int = 0


@dataclass
class Evaluation:
    cases: str
    rules: int
    conventions: list[str] | None
    recall: float
    required: int
    found: int
    false_positives: list[FalsePositive]
    flags: list[FlagResult]
    documents: list[DocumentResult]
    by_rule: list[RuleRow]
    by_convention: list[ConventionRow]
    by_rule_and_law: list[RuleLawRow] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.recall >= 1.0 and not self.false_positives

    @property
    def density(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.goal_per_100 is not None]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["passed"] = self.passed
        out["density"] = [asdict(d) for d in self.density]
        return out


@dataclass
class CaseRun:
    """One case document after the check stage: the corpus entry, the parsed document, its findings."""

    case: DocumentCase
    entry: CorpusEntry
    document: Document
    findings: list[Finding]


def run(
    cases: list[DocumentCase],
    rules: list[Rule],
    *,
    parse: Callable[[CorpusEntry], Document] | None = None,
    root: Path = CORPUS_DIR,
) -> list[CaseRun]:
    """The check stage on every case document (each corpus document parsed once, whatever the number of
    cases naming it). `requirement` findings have no article to score and are not produced here."""
    from .check import check_document
    from .parse import parse_file

    entries = load_entries(root)
    parsed: dict[str, Document] = {}
    out = []
    for case in cases:
        entry = resolve(case, entries, root)
        if entry.id not in parsed:
            parsed[entry.id] = parse(entry) if parse else parse_file(entry.file)
        doc = parsed[entry.id]
        out.append(CaseRun(case, entry, doc, check_document(doc, rules, case.country)))
    return out


def score(
    runs: list[CaseRun],
    rules: list[Rule],
    conventions: Iterable[str] | None = None,
    *,
    cases_name: str = "cases",
) -> Evaluation:
    """Recall, false positives, density and tables from checked cases. With `conventions`, only findings
    of those conventions count and only flags listing one of them are required (a rule set's own score)."""
    wanted = sorted({c.upper() for c in conventions}) if conventions else None
    selected = of_conventions(rules, wanted)
    flags: list[FlagResult] = []
    fps: list[FalsePositive] = []
    docs: list[DocumentResult] = []
    rows = {r.id: RuleRow(r.id, r.convention, r.kind) for r in selected}
    conv_rows: dict[str, ConventionRow] = {}

    def conv_row(c: str) -> ConventionRow:
        return conv_rows.setdefault(c, ConventionRow(c))

    for cr in runs:
        case, entry = cr.case, cr.entry
        findings = [f for f in cr.findings if f.rule_id in rows]
        flagged: dict[str, list[Finding]] = defaultdict(list)
        for f in findings:
            if f.kind in FLAG_KINDS and f.article:
                flagged[f.article].append(f)
        ok, maybe = set(case.ok), set(case.maybe)
        flag_arts = {fc.article: fc for fc in case.flag}
        required = found = 0
        for fc in case.flag:
            listed = set(fc.conventions)
            if wanted and not listed & set(wanted):
                continue
            hits = flagged.get(fc.article, [])
            good = sorted({f.rule_id for f in hits if f.convention in listed})
            other = sorted({f.rule_id for f in hits if f.convention not in listed})
            required += 1
            found += bool(good)
            flags.append(FlagResult(entry.id, fc.article, list(fc.conventions), bool(good), good, other, fc.basis))
            for c in sorted(listed):
                if wanted and c not in wanted:
                    continue
                conv = conv_row(c)
                conv.required += 1
                conv.found += any(f.convention == c for f in hits)
                conv.found_any += bool(good)
        doc_fps = 0
        for f in findings:
            row = rows[f.rule_id]
            row.findings += 1
            art = f.article or ""
            if f.kind in FLAG_KINDS:
                if art in ok:
                    row.false_positives += 1
                    conv_row(f.convention).false_positives += 1
                    doc_fps += 1
                    fps.append(FalsePositive(entry.id, art, f.rule_id, f.convention, f.kind))
                elif art in flag_arts and f.convention in flag_arts[art].conventions:
                    row.true_positives += 1
                elif art in maybe or art in flag_arts:
                    row.maybe += 1
                else:
                    row.unlabelled += 1
            elif f.kind == "implements" and art in ok:
                row.implements_on_ok += 1
        for c in sorted({f.convention for fs in flagged.values() for f in fs}):
            conv_row(c).flagged_articles += sum(1 for fs in flagged.values() if any(f.convention == c for f in fs))
        n_articles = sum(1 for a in cr.document.articles() if not a.repealed)
        docs.append(
            DocumentResult(
                id=entry.id,
                path=case.path,
                country=case.country,
                articles=n_articles,
                flagged_articles=len(flagged),
                per_100=round(100 * len(flagged) / n_articles, 2) if n_articles else 0.0,
                findings=dict(sorted(Counter(f.kind for f in findings).items())),
                required=required,
                found=found,
                false_positives=doc_fps,
                goal_per_100=DENSITY_GOALS.get(_base(entry.id)),
            )
        )
    by_law = _per_rule_density(runs, rows)
    total = len(flags)
    hit = sum(f.found for f in flags)
    return Evaluation(
        cases=cases_name,
        rules=len(selected),
        conventions=wanted,
        recall=round(hit / total, 4) if total else 1.0,
        required=total,
        found=hit,
        false_positives=fps,
        flags=flags,
        documents=docs,
        by_rule=sorted(rows.values(), key=lambda r: r.rule),
        by_convention=sorted(conv_rows.values(), key=lambda r: r.convention),
        by_rule_and_law=by_law,
    )


def _per_100(n: int, articles: int) -> float:
    return round(100 * n / articles, 2) if articles else 0.0


def _per_rule_density(runs: list[CaseRun], rows: dict[str, RuleRow]) -> list[RuleLawRow]:
    """Flagged articles per rule overall and per law (each document counted once, however many cases name
    it), and each rule's precision where labels allow; fills `rows`, returns the per-law rows."""
    articles: dict[str, int] = {}
    flagged: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # rule → document → articles
    for cr in runs:
        doc_id = cr.entry.id
        articles[doc_id] = sum(1 for a in cr.document.articles() if not a.repealed)
        for f in cr.findings:
            if f.rule_id in rows and f.kind in FLAG_KINDS and f.article:
                flagged[f.rule_id][doc_id].add(f.article)
    total = sum(articles.values())
    out = []
    for rule_id, row in rows.items():
        by_doc = flagged.get(rule_id, {})
        row.flagged_articles = sum(len(a) for a in by_doc.values())
        row.per_100 = _per_100(row.flagged_articles, total)
        labelled = row.true_positives + row.false_positives
        row.precision = round(row.true_positives / labelled, 3) if labelled else None
        out += [RuleLawRow(rule_id, d, articles[d], len(a), _per_100(len(a), articles[d])) for d, a in by_doc.items()]
    return sorted(out, key=lambda r: (r.rule, r.document))


def evaluate(
    cases: list[DocumentCase],
    rules: list[Rule] | None = None,
    conventions: Iterable[str] | None = None,
    *,
    cases_name: str = "cases",
    parse: Callable[[CorpusEntry], Document] | None = None,
    root: Path = CORPUS_DIR,
) -> Evaluation:
    """Run the checker on every case document and score it (`run` then `score`)."""
    from .rules import load_rules

    selected = of_conventions(rules if rules is not None else load_rules(), conventions)
    return score(run(cases, selected, parse=parse, root=root), selected, conventions, cases_name=cases_name)


def _base(doc_id: str) -> str:
    return doc_id.split("@", 1)[0]


# -- rendering ------------------------------------------------------------------------------------------------


def _table(head: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def to_markdown(ev: Evaluation) -> str:
    verdict = "PASS" if ev.passed else "FAIL"
    lines = [
        f"# Evaluation: {md_cell(ev.cases)}",
        "",
        f"**{verdict}** — "
        + (f"recall {ev.recall:.3f} ({ev.found}/{ev.required} required flags found), " if ev.required else
           "recall not measured (no required flag in these cases), ")
        + f"{len(ev.false_positives)} false positives; {ev.rules} rules"
        + (f" of {', '.join(ev.conventions)}" if ev.conventions else "")
        + ".",
        "",
    ]
    for d in ev.density:
        met = "met" if d.per_100 <= (d.goal_per_100 or 0) else "NOT met"
        lines += [
            f"Density: {d.id}: {d.flagged_articles} conflict/concern articles of {d.articles} = "
            f"{d.per_100:.2f} per 100 (goal ≤ {d.goal_per_100:g}: {met}).",
            "",
        ]
    missed = [f for f in ev.flags if not f.found]
    lines += ["## Missed flags", ""]
    lines += (
        _table(["document", "article", "conventions", "flagged under other conventions by"],
               [[f.document, f.article, ", ".join(f.conventions), ", ".join(f.other_rules) or "—"] for f in missed])
        if missed else ["None.", ""]
    )
    lines += ["## False positives", ""]
    lines += (
        _table(["document", "article", "rule", "convention", "kind"],
               [[p.document, p.article, p.rule, p.convention, p.kind] for p in ev.false_positives])
        if ev.false_positives else ["None.", ""]
    )
    lines += ["## Documents", ""]
    lines += _table(
        ["document", "articles", "conflict/concern articles", "per 100", "required", "found", "false positives", "findings"],
        [[d.id, d.articles, d.flagged_articles, f"{d.per_100:.2f}", d.required, d.found, d.false_positives,
          ", ".join(f"{k} {v}" for k, v in sorted(d.findings.items())) or "—"] for d in ev.documents],
    )
    lines += ["## By convention", ""]
    lines += _table(
        ["convention", "required", "found under it", "found (any listed)", "false positives", "conflict/concern articles"],
        [[c.convention, c.required, c.found, c.found_any, c.false_positives, c.flagged_articles] for c in ev.by_convention],
    )
    lines += ["## By rule", ""]
    lines += _table(
        ["rule", "convention", "kind", "findings", "true positives", "false positives",
         "on maybe (or flags of other conventions)", "unlabelled", "implements on ok", "flagged articles",
         "per 100 articles", "precision"],
        [[r.rule, r.convention, r.kind, r.findings, r.true_positives, r.false_positives, r.maybe, r.unlabelled,
          r.implements_on_ok, r.flagged_articles, f"{r.per_100:.2f}",
          "—" if r.precision is None else f"{r.precision:.3f}"] for r in ev.by_rule],
    )
    lines += ["## By rule and law", ""]
    lines += (
        _table(["rule", "document", "articles", "flagged articles", "per 100"],
               [[r.rule, r.document, r.articles, r.flagged_articles, f"{r.per_100:.2f}"] for r in ev.by_rule_and_law])
        if ev.by_rule_and_law else ["None.", ""]
    )
    lines += ["## Flags", ""]
    lines += _table(
        ["document", "article", "conventions", "found", "by rules"],
        [[f.document, f.article, ", ".join(f.conventions), "yes" if f.found else "NO", ", ".join(f.rules) or "—"]
         for f in ev.flags],
    )
    return "\n".join(lines).rstrip() + "\n"


def to_json(ev: Evaluation) -> str:
    return json.dumps(ev.to_dict(), ensure_ascii=False, indent=1, default=_json_default) + "\n"


def _json_default(obj: object) -> object:
    if isinstance(obj, _dt.date):
        return obj.isoformat()
    raise TypeError(type(obj).__name__)
