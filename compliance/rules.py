"""Rule files: YAML in `rules/` → validated `Rule` models, with errors that name file, line and field.

Rules are data written by lawyers and researchers. Each rule cites a convention article that must exist in
`corpora/conventions`, says what the supervisory bodies hold (principle), and gives per-language patterns:
lemma phrases (`phrase`), spaCy Matcher token patterns (`tokens`), fuzzy phrases (`fuzzy`), regular
expressions (`regex`), composed with `all` / `any` / `none` inside a scope (sentence, part, article) and
with exceptions (`unless`). `rules/schema.json` (for editors) is generated from these models.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from . import yamlsafe
from .bundled import bundled
from .citations import instrument_exists, resolve
from .errors import RuleError, UsageError
from .models import DocumentMeta, FindingKind, Severity
from .parse.meta import extent_of_meta
from .regexes import FUZZY_MAX, compile_rule_regex
from .supervisory.data import SUPERVISORY_DIR, comment_ids

RULES_DIR = bundled("rules")
COMMENTS = SUPERVISORY_DIR / "comments.jsonl"
CONVENTIONS = bundled("corpora") / "conventions"  # the instruments rules cite (citations.py reads them)
LANGUAGES = ("ru", "kk", "uz-Latn", "en")
Scope = Literal["sentence", "part", "article"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Kinds of law whose rules still run on a text of unknown kind: their patterns name the conduct and
# penalty, or the employment relation, themselves.
SELF_CONTAINED_KINDS = frozenset({"criminal code", "administrative offences code", "labour code"})


def law_extent(meta: DocumentMeta) -> str | None:
    """Whether a document is the whole law or an excerpt: its `extent`; when not given, an excerpt if its
    provenance says so, else whole when its kind is known (a corpus law or a user's file with metadata),
    else not known."""
    return extent_of_meta(meta) or ("whole" if meta.kind else None)


class Condition(_Model):
    """One pattern, or a composition of patterns. Exactly one of the pattern keys is given."""

    phrase: str | None = Field(
        default=None,
        description="Lemma phrase: words in dictionary form, alternatives with '|': 'разжигание|возбуждение "
        "социальный рознь'. Matches every inflected form; up to `gap` tokens may stand between words.",
    )
    tokens: list[dict[str, Any]] | None = Field(
        default=None, description="spaCy Matcher token pattern (LEMMA, LOWER, SHAPE, IS_DIGIT, OP, …)."
    )
    fuzzy: str | None = Field(default=None, max_length=FUZZY_MAX, description="Fuzzy phrase (rapidfuzz partial ratio).")
    threshold: int = Field(default=88, ge=50, le=100, description="Fuzzy: minimal similarity 0-100.")
    regex: str | None = Field(default=None, description="Regular expression, case-insensitive.")
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    none: list[Condition] | None = None
    scope: Scope = Field(default="article", description="Where a composition must hold: sentence, part, article.")
    unless: list[Condition] | None = Field(
        default=None, description="Exceptions: an exception removes the clause (list item, ';'-stretch) it holds in."
    )
    unless_in: Literal["clause", "scope"] = Field(
        default="clause",
        description="Where an exception reaches: its own clause (default), or the whole scope (e.g. a condition "
        "on the alternative that another part of the article states: 'в случаях, предусмотренных').",
    )
    gap: int = Field(default=12, ge=0, le=40, description="Phrase: tokens allowed between its words.")
    stem: bool | None = Field(
        default=None, description="Phrase words are stems (prefix match); default for uz-Latn and kk."
    )

    @model_validator(mode="after")
    def _one_key(self) -> Condition:
        keys = [k for k in ("phrase", "tokens", "fuzzy", "regex", "all", "any", "none") if getattr(self, k) is not None]
        if len(keys) != 1:
            raise ValueError(f"give exactly one of phrase, tokens, fuzzy, regex, all, any, none (got {keys or 'none'})")
        if self.regex is not None:
            compile_rule_regex(self.regex)  # ValueError: bad, or can backtrack catastrophically
        return self

    def leaves(self) -> Iterable[Condition]:
        for child in (self.all or []) + (self.any or []) + (self.none or []) + (self.unless or []):
            yield from child.leaves()
        if self.phrase is not None or self.tokens is not None or self.fuzzy is not None or self.regex is not None:
            yield self


class Reference(_Model):
    """A verifiable reference: a convention article in the corpus, or an ILO document by official identifier."""

    convention: str | None = None
    article: str | None = None
    document: str | None = Field(default=None, description="Official identifier or title of an ILO document.")
    comments: list[Annotated[str, Field(pattern=r"^GT\d{3}$")]] = Field(
        default_factory=list,
        description="Ids of ILO supervisory findings in corpora/supervisory/comments.jsonl (\"GT001\"); the loader "
        "checks that each exists.",
    )
    note: str | None = None


class SanctionRequirement(_Model):
    """The rule needs the article to provide a sanction (C105 Art. 1: penalties involving compulsory labour)."""

    compulsory_labour: bool = Field(default=True, description="Only sanctions involving compulsory labour count.")
    types: list[str] | None = Field(default=None, description="Only these sanction types count.")


class Rule(_Model):
    id: str = Field(pattern=r"^[A-Z]\d{3}-[A-Za-z0-9]+(?:-[a-z0-9]+)+$", description="e.g. C087-A3-strike-ban-sectors")
    convention: str = Field(pattern=r"^[CP]\d{3}$")
    article: str = Field(pattern=r"^\d+(?:\(\d+\))?(?:\([a-z]+\))?$", description='"3", "1(a)", "2(2)(c)"')
    title: str
    principle: str
    kind: FindingKind
    severity: Severity
    applies_to: list[str] = Field(min_length=1, description="Kinds of law: criminal code, labour code, …")
    recommendation: str
    references: list[Reference] = Field(default_factory=list)
    sanctions: SanctionRequirement | None = None
    patterns: dict[str, Condition] = Field(description="Per language (ru, kk, uz-Latn, en).")
    examples: dict[str, list[str]] | None = Field(default=None, description="Not used by the engine; for readers.")

    def applies_to_law(self, kind: str | None, language: str | None, extent: str | None = "whole") -> bool:
        """The rule is tried on a law of this kind, language and extent: it has patterns in the language (a
        law of unknown language: Russian) and lists the kind. A `requirement` rule ("no implementing
        provision found") needs a whole law of a listed kind: an excerpt or a text of unknown kind cannot
        show that a provision is missing. On a law of unknown kind (a user's pasted text) only the rules for
        criminal, offences and labour codes are tried: their patterns carry their own context."""
        if (language or "ru") not in self.patterns:
            return False
        if self.kind == "requirement":
            return kind in self.applies_to and extent == "whole"
        if kind is None:
            return not SELF_CONTAINED_KINDS.isdisjoint(self.applies_to)
        return kind in self.applies_to

    def applies_to_document(self, meta: DocumentMeta) -> bool:
        """`applies_to_law` for a document's metadata (its extent as `law_extent` reads it)."""
        return self.applies_to_law(meta.kind, meta.language, law_extent(meta))

    @model_validator(mode="after")
    def _languages(self) -> Rule:
        unknown = set(self.patterns) - set(LANGUAGES)
        if unknown:
            raise ValueError(f"patterns: unknown language {sorted(unknown)}; use {list(LANGUAGES)}")
        return self


class RuleFile(_Model):
    rules: list[Rule]


# -- loading with line numbers --------------------------------------------------------------------------


def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """Line of the YAML node at a pydantic error location, as deep as the location can be followed."""
    if node is None:
        return 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
    return node.start_mark.line + 1


def _compose(path: Path, text: str) -> yaml.Node | None:
    """The pure-Python node tree of a rule file (with line marks), for error messages only."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise _yaml_error(path, exc) from None


def _yaml_error(path: Path, exc: yaml.YAMLError) -> RuleError:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark else 1
    return RuleError(f"{path}:{line}: not valid YAML: {getattr(exc, 'problem', exc)}")


def load_file(path: Path) -> list[Rule]:
    """Rules of one YAML file; `RuleError` names file, line and field for anything wrong."""
    text = yamlsafe.read_text(path)
    try:
        data = yamlsafe.load(text)
    except yaml.YAMLError as exc:
        _compose(path, text)  # a syntax error: the message of the loader that finds lines
        raise _yaml_error(path, exc) from None
    if data is None and _compose(path, text) is None:
        raise RuleError(f"{path}:1: empty rule file")
    try:
        rules = RuleFile.model_validate(data).rules
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in ("function-after[_one_key()]",)))
        field = ".".join(str(p) for p in loc if not str(p).startswith("function-"))
        line = _line_of(_compose(path, text), tuple(p for p in loc if not str(p).startswith("function-")))
        raise RuleError(f"{path}:{line}: {field or 'rules'}: {err['msg']}") from None
    for i, rule in enumerate(rules):
        for where, problem in _citation_problems(i, rule):
            line = _line_of(_compose(path, text), where)
            raise RuleError(f"{path}:{line}: {'.'.join(map(str, where))}: {problem}")
    return rules


def _citation_problems(i: int, rule: Rule) -> Iterable[tuple[tuple[Any, ...], str]]:
    """(YAML location, problem) of each convention article or comment id the rule cites that does not exist."""
    for conv, art, where in [(rule.convention, rule.article, ("rules", i, "article"))] + [
        (r.convention, r.article, ("rules", i, "references", j))
        for j, r in enumerate(rule.references)
        if r.convention and r.article
    ]:
        if not instrument_exists(conv):
            yield where, f"convention {conv} is not in corpora/conventions"
        elif resolve(conv, art) is None:
            yield where, f"{conv} has no article {art} in corpora/conventions"
    for j, ref in enumerate(rule.references):
        for k, cid in enumerate(ref.comments):
            if cid not in comment_ids():
                yield ("rules", i, "references", j, "comments", k), f"unknown comment id {cid}"


def load_rules(directory: Path | None = None) -> list[Rule]:
    """Every rule in every `*.yaml` under `directory` (default `rules/`), ids unique. Validated once per
    content: the on-disk cache (`cache.py`) holds the rules of files already read, keyed by their bytes and
    by the ILO texts and supervisory comments they cite."""
    from .cache import cached, key

    directory = directory or RULES_DIR
    if not directory.is_dir():
        raise RuleError(f"{directory}:1: rules folder not found")
    paths = [p for p in sorted(directory.rglob("*.yaml")) if "countries" not in p.parts]
    cited = sorted(p for p in CONVENTIONS.glob("*") if p.is_file()) + ([COMMENTS] if COMMENTS.is_file() else [])
    parts = [str(p).encode() + b"\0" + p.read_bytes() for p in paths + cited]
    rules = cached(key("rules", parts), lambda: _load_paths(paths))
    if not rules:  # checking against nothing would report every law clean
        raise RuleError(f"{directory}:1: no rules in this folder (*.yaml files with a `rules:` list)")
    return rules


def of_conventions(rules: Iterable[Rule], conventions: Iterable[str] | None) -> list[Rule]:
    """The rules of `conventions` ("C087"; every rule when none is given). A convention none of the rules
    checks is a `UsageError`: filtered on it, a check would try nothing and find nothing."""
    rules = list(rules)
    if not conventions:
        return rules
    wanted = {c.upper() for c in conventions}
    have = {r.convention for r in rules}
    if missing := sorted(wanted - have):
        raise UsageError(f"--conventions: no rule checks {', '.join(missing)}, so nothing would be checked "
                         f"(the rules check {', '.join(sorted(have))})")
    return [r for r in rules if r.convention in wanted]


def _load_paths(paths: list[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in paths:
        for rule in load_file(path):
            if rule.id in seen:
                raise RuleError(f"{path}:1: rules: id {rule.id} already defined in {seen[rule.id]}")
            seen[rule.id] = path
            rules.append(rule)
    return rules


def rules_schema() -> dict[str, Any]:
    schema = RuleFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "rules/schema.json"
    schema["title"] = "ILO Compliance Checker rule file"
    return schema
