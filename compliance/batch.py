"""Batch: parse + check of thousands of laws on Dask distributed, findings as Parquet, resumable.

Reads a manifest (a file of paths or corpus ids, one a line, `#` comments, or the same on standard input;
or a folder, whose law files are taken in name order) and the rules; runs each document's parse and check
as one Dask task (on a local cluster, or on the scheduler of a real one) and writes into the output folder,
as each document finishes, `parts/<key>.parquet` (one row per finding: document, edition, article, rule,
convention, kind, severity, citation, …) and `done/<key>.json` (what the check knows of the law: its
metadata, country, notes and the requirement rules it implements). A run that is stopped and started again
skips the documents already done (same reference, bytes and rules). At the end, `findings.parquet` holds
every document's rows in manifest order followed by the `requirement` findings ("no implementing provision
found") worked out over all laws of each country, as `check` does, and `summary.json` the counts.
Dask, pyarrow and tqdm are the optional extra `[scale]`; nothing else in the product imports them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from .cluster import client_of
from .errors import ComplianceError, SchedulerLost, UsageError
from .models import DocumentMeta, Finding
from .output import AtomicFolder
from .parallel import named_laws, source_bytes, source_path
from .parse.meta import CHAPTER_SUFFIXES, LAW_SUFFIXES, laws_in
from .rules import Rule

COLUMNS = ("document_id", "edition", "country", "article", "eid", "rule_id", "convention", "convention_article",
           "kind", "severity", "citation", "confidence", "finding_id")
EXTRA = "pip install 'ilo-compliance-checker[scale]'"


class Done(BaseModel):
    """One document checked: enough to skip it on a resumed run and to work out the requirement findings."""

    ref: str
    sha256: str
    meta: DocumentMeta
    country: str | None
    analysed: bool
    articles: int
    findings: int
    notes: list[str]
    met: list[str]
    size: int
    unchecked: str | None  # why it is not analysed (`scope.not_analysed`), when it is not


class Summary(BaseModel):
    documents: int
    checked: int  # read and checked, analysed or not
    analysed: int  # of those checked, the ones some rule could apply to: no finding in the others says nothing
    resumed: int  # done by an earlier run, skipped
    failed: list[str]  # `file:line: reason` of each document that could not be read or checked
    findings: int
    by_kind: dict[str, int]
    by_convention: dict[str, int]
    input_mb: float
    seconds: float
    notes: list[str]
    warnings: list[str]  # what the check could not cover (laws not analysed, countries without sanction data)


_ONE_A_LINE = "a manifest lists paths or corpus ids, one a line"


class Listed(NamedTuple):
    """A document a manifest names, and where: `manifest:line` (the folder itself, for a folder's files)."""

    ref: str
    where: str


def manifest_entries(manifest: Path) -> list[Listed]:
    """The documents a manifest names: the lines of a file, or of standard input for "-" (paths relative
    to the file, or corpus ids; `#` starts a comment), or the law files under a folder. `UsageError`
    (`manifest:line: reason`) for a manifest that cannot be read or names no document."""
    if manifest.is_dir():
        found = [Listed(str(p), str(manifest)) for p in laws_in(manifest)]
        if not found:
            raise UsageError(f"{manifest}:1: holds no law files ({', '.join(LAW_SUFFIXES)})")
        return found
    label, lines = _manifest_lines(manifest)
    listed = []
    for n, line in enumerate(lines, 1):
        ref = line.split("#", 1)[0].strip()
        if ref:
            local = manifest.parent / ref
            listed.append(Listed(str(local) if ref != "-" and local.exists() else ref, f"{label}:{n}"))
    if not listed:
        raise UsageError(f"{label}:1: names no documents ({_ONE_A_LINE}; # starts a comment)")
    return listed


def _manifest_lines(manifest: Path) -> tuple[str, list[str]]:
    """The manifest's label and lines: the file's, or standard input's for "-"."""
    if str(manifest) == "-":
        label, data = "<stdin>", sys.stdin.buffer.read()
    else:
        label = str(manifest)
        # a law's file that is no text list (Word, PDF, HTML): given as the manifest, each line would fail
        if manifest.suffix.lower() in LAW_SUFFIXES and manifest.suffix.lower() not in CHAPTER_SUFFIXES:
            raise UsageError(f"{label}:1: a law, not a manifest: list it in a file ({_ONE_A_LINE}), or give "
                             "the folder it is in")
        try:
            data = manifest.read_bytes()
        except FileNotFoundError:
            raise UsageError(f"{label}:1: manifest not found") from None
        except OSError as exc:
            raise UsageError(f"{label}:1: cannot read the manifest: {exc.strerror or exc}") from None
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise UsageError(f"{label}:{line}: a binary file, not a manifest ({_ONE_A_LINE})")
    try:
        text = data.decode("utf-8-sig")  # a BOM, as Windows editors write, is no part of the first path
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UsageError(f"{label}:{line}: not UTF-8 text ({_ONE_A_LINE}, saved as UTF-8)") from None
    return label, text.splitlines()


def unlisted(ref: str) -> str | None:
    """Why a manifest's reference names no document a worker could read, if it names none."""
    if ref == "-":
        return "-: standard input cannot be a document of a batch: save it to a file and list that"
    if Path(ref).exists():
        return None
    from .corpus import resolve_reference

    try:
        resolve_reference(ref)
    except ComplianceError as exc:
        return str(exc)
    return None


def settings(rules: list[Rule], country: str | None) -> str:
    """What a check's findings depend on besides the law: the rules applied (after `--conventions`), the
    country given, and this program's code and libraries (`cache.key`)."""
    from .cache import key

    return key("batch", [*(r.model_dump_json().encode() for r in rules), (country or "").encode()])


def fingerprint(ref: str, checked_with: str) -> str:
    """The reference, its bytes (a file, or a folder of chapters) and the check's `settings`: an edited law,
    or a run with other rules, checks it again."""
    digest = hashlib.sha256(ref.encode() + b"\0" + checked_with.encode())
    path = source_path(ref)
    for part in ([path] if path is not None and path.is_file() else sorted(path.rglob("*")) if path else []):
        if part.is_file():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def _key(ref: str) -> str:
    return hashlib.sha256(ref.encode()).hexdigest()[:24]


def _rows(findings: Iterable[Finding], meta: DocumentMeta, country: str | None) -> list[dict[str, Any]]:
    edition = meta.edition.isoformat() if meta.edition else None
    return [{"document_id": f.document_id, "edition": edition, "country": country, "article": f.article,
             "eid": f.eid, "rule_id": f.rule_id, "convention": f.convention,
             "convention_article": f.convention_article, "kind": f.kind, "severity": f.severity,
             "citation": f.citation, "confidence": f.confidence, "finding_id": f.id} for f in findings]


def check_one(ref: str, sha: str, path: str, rules: list[Rule], country: str | None,
              version: str) -> tuple[Done, list[dict[str, Any]]] | str:
    """One Dask task: parse and check one document (`path`: where `ref` is, `readable_at`) with the rules
    this process loaded; its record and rows, or one line saying why not: the `file:line: reason` of input
    it could not read, a file the worker does not see, or a worker whose program or libraries (`version`,
    `cache.code_version`) are not this process's, whose findings could differ."""
    import socket

    from .cache import code_version
    from .check import check_prepared, prepare
    from .corpus import load_document

    if version != code_version():
        return (f"{ref}: not checked: the Dask worker on {socket.gethostname()} runs another version of this "
                "program, its libraries or Python: install the same on every worker")
    if path != ref and not Path(path).exists():
        return (f"{ref}: not found by the Dask worker on {socket.gethostname()} at {path}: the workers of a "
                "cluster read each law at the path this machine gives, so they need the same file system")
    try:
        doc = load_document(path)
        prepared = prepare(doc, rules, country)
        findings, met = check_prepared(doc, rules, prepared)
    except ComplianceError as exc:
        said = str(exc)  # the law named as the manifest names it, not by the absolute path the worker read
        return ref + said[len(path):] if path != ref and said.startswith(path) else said
    done = Done(ref=ref, sha256=sha, meta=doc.document, country=prepared.country, analysed=prepared.analysed,
                articles=len(doc.articles()), findings=len(findings), notes=prepared.notes, met=sorted(met),
                size=len(doc.source_text.encode()), unchecked=prepared.unchecked)
    return done, _rows(findings, doc.document, prepared.country)


def _the_rules(rules: list[Rule]) -> list[Rule]:
    """The Dask task whose result is the rules every check task is given."""
    return rules


def readable_at(ref: str) -> str:
    """Where a worker reads `ref`: a file or folder by its absolute path, as a cluster's workers each run in
    a folder of their own, where a relative path names another file or none; a corpus id as written."""
    path = Path(ref)
    return str(path.absolute()) if path.exists() else ref


class Output:
    """The output folder: a part and a record per document, written so that a stopped run leaves no
    record without its part."""

    def __init__(self, out: Path) -> None:
        self.out = out
        (out / "parts").mkdir(parents=True, exist_ok=True)
        (out / "done").mkdir(parents=True, exist_ok=True)
        self.written: dict[str, list[dict[str, Any]]] = {}  # the rows of this run's laws, not read back at the end

    def done(self, ref: str, sha: str) -> Done | None:
        """The record an earlier run left of `ref`, when it is of these bytes and whole, with its part whole
        beside it; None (the law is checked again) for anything else: a file cut short, edited or removed."""
        path = self.out / "done" / f"{_key(ref)}.json"
        if not path.is_file():
            return None  # pyarrow is not imported for a law never done: a first run imports it as workers check
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            record = Done.model_validate_json(path.read_bytes())
            rows = pq.read_metadata(self._part(ref)).num_rows
        except (OSError, ValueError, pa.ArrowException):
            return None
        return record if record.ref == ref and record.sha256 == sha and rows == record.findings else None

    def _part(self, ref: str) -> Path:
        return self.out / "parts" / f"{_key(ref)}.parquet"

    def write(self, done: Done, rows: list[dict[str, Any]]) -> None:
        key = _key(done.ref)
        _write_parquet(self._part(done.ref), rows)
        tmp = self.out / "done" / f"{key}.json.tmp"
        tmp.write_text(done.model_dump_json(), encoding="utf-8")
        tmp.replace(self.out / "done" / f"{key}.json")
        self.written[done.ref] = rows

    def rows(self, ref: str) -> list[dict[str, Any]]:
        if ref in self.written:
            return self.written[ref]
        import pyarrow.parquet as pq

        rows: list[dict[str, Any]] = pq.read_table(self._part(ref)).to_pylist()
        return rows


def _schema() -> Any:
    import pyarrow as pa

    types = {"confidence": pa.float64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), tmp)
    tmp.replace(path)


# A law whose check killed a worker on every try (Dask tries again on other workers, as a worker may die
# of what another law took): the others go on.
KILLED = "the worker process checking it died on every try (killed by the system, most often for lack of memory)"


def _run_tasks(client: Any, todo: list[tuple[str, str]], args: tuple[Any, ...]) -> Iterator[Any]:
    from distributed import KilledWorker, as_completed

    # the largest laws first: a large law started last would keep one worker busy while the others idle.
    # Submitted in that order too, as the scheduler hands out the first tasks as they arrive, before it
    # has seen the higher priorities of those submitted after them.
    sizes = {ref: source_bytes(ref) for ref, _ in todo}
    futures = {client.submit(check_one, ref, sha, readable_at(ref), *args, key=f"check-{_key(ref)}", pure=False,
                             priority=sizes[ref]): ref
               for ref, sha in sorted(todo, key=lambda t: -sizes[t[0]])}
    for future in as_completed(list(futures)):  # type: ignore[no-untyped-call]
        try:
            result = future.result()
        except KilledWorker:
            result = f"{futures[future]}: {KILLED}"
        future.release()
        yield result


def run_batch(
    manifest: Path,
    out: Path,
    *,
    scheduler: str = "local",
    workers: int = 1,
    rules_dir: Path | None = None,
    conventions: Iterable[str] | None = None,
    country: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Parse and check every document of `manifest` on Dask; write `out` (see the module's docstring)."""
    if any(importlib.util.find_spec(extra) is None for extra in ("distributed", "pyarrow")):
        raise UsageError(f"compliance batch needs Dask and pyarrow: {EXTRA}")  # imported only where used
    from .rules import load_rules, of_conventions

    start = time.monotonic()
    listed = manifest_entries(manifest)
    line_of = {ref: at for ref, at in reversed(listed)}  # where each reference is first listed
    # each law once (a folder of laws: each of them), told by the manifest line that named it
    where = {law: line_of[ref] for law, ref in named_laws([ref for ref, _ in listed]).items()}
    refs = list(where)
    # a reference that names nothing is told by where the manifest names it, without a worker's round trip
    unreadable = {ref: f"{where[ref]}: {why}" for ref in refs if (why := unlisted(ref)) is not None}
    failed = list(unreadable.values())
    rules = of_conventions(load_rules(rules_dir), conventions)  # bad rules, or conventions none checks: stop here
    # the folder locked for the run (a second run into it is refused), its summary files renamed into place
    # together at the end
    with AtomicFolder(out) as folder:
        output = Output(out)
        checked_with = settings(rules, country)
        shas = {ref: fingerprint(ref, checked_with) for ref in refs if ref not in unreadable}
        records = {ref: found for ref in shas if (found := output.done(ref, shas[ref])) is not None}
        todo = [(ref, sha) for ref, sha in shas.items() if ref not in records]
        resumed = len(records)
        if progress:
            progress(resumed + len(failed), len(refs))
        if todo:
            from distributed.client import FutureCancelledError
            from distributed.comm.core import CommClosedError

            from .cache import code_version

            with client_of(scheduler, workers) as client:
                try:
                    # The rules go to the workers as the result of a task: a worker reads no rule files of its
                    # own (on a cluster it may have none, or others), and checks with the rules the fingerprints
                    # name. A task's result that dies with its workers (a law that takes all the memory) is
                    # worked out again; data scattered to them would be lost, and every law after it with it.
                    on_workers = client.submit(_the_rules, rules, key=f"rules-{checked_with[-32:]}", pure=False)
                    args = (on_workers, country, code_version())
                    for result in _run_tasks(client, todo, args):
                        if isinstance(result, str):
                            failed.append(result)
                        else:
                            output.write(*result)
                            records[result[0].ref] = result[0]
                        if progress:
                            progress(len(records) + len(failed), len(refs))
                except (FutureCancelledError, CommClosedError) as exc:  # this program cancels nothing: it is gone
                    why = exc.reason if isinstance(exc, FutureCancelledError) else "connection closed"
                    raise SchedulerLost(scheduler, why, len(records), len(refs), out) from None
        return _finish(folder, output, refs, records, rules, failed, resumed, time.monotonic() - start)


def _finish(folder: AtomicFolder, output: Output, refs: list[str], records: dict[str, Done], rules: list[Rule],
            failed: list[str], resumed: int, seconds: float) -> Summary:
    """findings.parquet in manifest order, the requirement findings over all laws, summary.json."""
    from .check import requirement_findings
    from .check.scope import gaps

    done = [records[r] for r in refs if r in records]
    rows = [row for d in done for row in output.rows(d.ref)]
    meta_of = {d.meta.id: d for d in done}
    for f in requirement_findings(done, rules):
        rows.extend(_rows([f], meta_of[f.document_id].meta, meta_of[f.document_id].country))
    _write_parquet(folder.temp("findings.parquet"), rows)
    summary = Summary(
        documents=len(refs), checked=len(done), analysed=sum(d.analysed for d in done), resumed=resumed,
        failed=failed, findings=len(rows),
        by_kind=_count(r["kind"] for r in rows), by_convention=_count(r["convention"] for r in rows),
        input_mb=round(sum(d.size for d in done) / 1e6, 2), seconds=round(seconds, 2),
        notes=[n for d in done for n in d.notes],
        warnings=gaps([d.unchecked for d in done], [d.country for d in done]),
    )
    folder.write("summary.json", (json.dumps(summary.model_dump(), indent=1, ensure_ascii=False) + "\n").encode())
    return summary


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return dict(sorted(counts.items()))
