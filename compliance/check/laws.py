"""Many laws over every core: each worker reads, parses and checks whole laws, and sends back only their
findings and metadata (`Checked`), never their trees.

Reads references to laws (files, folders of chapters, corpus ids), the input format, the rules and the
description options of the command line; produces the same `FindingsReport` as parsing every law here and
calling `check_documents`, in the same order and bytes whatever the number of processes. Parsing in the
workers is what lets it use every core: a parsed tree costs more to send back than to parse, and parsing
in this process first would leave the other cores idle for that time. Runs where that does not pay (one
process, standard input, one law larger than a core's share) parse here and check as `check_documents`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..errors import ComplianceError, raise_all
from ..models import Document, DocumentMeta, FindingsReport
from ..parallel import jobs, load_documents, ordered_map, source_bytes
from ..parse.meta import apply_options, unique_ids
from ..rules import Rule
from . import Checked, article_nums, check_prepared, checked, prepare, report_of


class Described(NamedTuple):
    """What the command line says of every law (`--country`, `--kind`, `--title`); None: the law's own."""

    country: str | None = None
    kind: str | None = None
    title: str | None = None


class Laws(NamedTuple):
    """A check of many laws: the report, and each law's metadata (the files it read, its country)."""

    report: FindingsReport
    metas: list[DocumentMeta]
    unchecked: list[str | None]  # per law, why it is not analysed (`scope.not_analysed`), for stderr
    nums: frozenset[str]  # the article numbers the laws hold


# The input format, the rules, the description options, and the ids `unique_ids` gave laws that share one.
_State = tuple[str | None, list[Rule], Described, dict[str, str]]


def _describe(doc: Document, described: Described) -> Document:
    apply_options(doc.document, described.country, described.kind, described.title)
    return doc


def _parse_and_check(state: _State, ref: str) -> Checked | ComplianceError:
    """One law, in a worker: its record, or the error its input gave (raised in this process, in order)."""
    fmt, selected, described, ids = state
    try:
        doc = _describe(load_documents([ref], fmt)[0], described)
    except ComplianceError as exc:
        return exc
    doc.document.id = ids.get(ref, doc.document.id)
    prepared = prepare(doc, selected, described.country)
    return checked(doc, prepared, *check_prepared(doc, selected, prepared))


# Below this many bytes of laws, starting workers costs more than it saves.
PARALLEL_MIN_BYTES = 300_000


def _in_workers(refs: Sequence[str], sizes: list[int], processes: int) -> bool:
    """Whether whole laws spread over the processes: with a law larger than a core's share, the other
    cores would wait for it; that run checks its laws in parts of articles instead."""
    return (processes > 1 and len(refs) > 1 and "-" not in refs and sum(sizes) >= PARALLEL_MIN_BYTES
            and max(sizes) * processes <= sum(sizes))


def check_laws(refs: Sequence[str], fmt: str | None, rules: list[Rule], conventions: Iterable[str] | None,
               described: Described) -> Laws:
    """Parse and check `refs` over `parallel.jobs()` processes with `rules` (of `conventions`, if given);
    `refs` are laws, each once, as `parallel.law_refs` gives them."""
    from . import _select, check_documents
    from .scope import not_analysed

    selected = _select(rules, conventions)
    sizes = [source_bytes(ref) for ref in refs]
    if not _in_workers(refs, sizes, jobs()):
        docs = [_describe(d, described) for d in load_documents(refs, fmt)]
        unique_ids([d.document for d in docs])
        report = check_documents(docs, selected, described.country)
        return Laws(report, [d.document for d in docs], [not_analysed(d, selected) for d in docs], article_nums(docs))
    # Each worker loads the compiled rules of the languages its laws are in, all workers at once: compiling
    # (or reading) every language here first would keep the other cores idle, mostly for languages none of
    # the laws is in.
    state: _State = (fmt, selected, described, {})
    records = _records(ordered_map(_parse_and_check, state, refs, weights=sizes))
    metas = [r.meta.model_copy() for r in records]
    unique_ids(metas)
    # laws that share an id are checked again under the ids that tell them apart (rare: two `law.md`), as
    # the findings, notes and citations of a law name its id
    renamed = {i: m.id for i, m in enumerate(metas) if m.id != records[i].meta.id}
    if renamed:
        again = [refs[i] for i in renamed]
        state = (fmt, selected, described, {refs[i]: new for i, new in renamed.items()})
        for i, record in zip(renamed, _records(ordered_map(_parse_and_check, state, again)), strict=True):
            records[i] = record
    return Laws(report_of(records, selected), [r.meta for r in records], [r.unchecked for r in records],
                frozenset().union(*(r.nums for r in records)))


def _records(done: list[Checked | ComplianceError]) -> list[Checked]:
    """The laws' records; the input errors, all of them in the laws' order, as a run in one process gives them."""
    raise_all([r for r in done if isinstance(r, ComplianceError)])
    return [r for r in done if isinstance(r, Checked)]
