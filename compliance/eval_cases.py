"""Cases files: an expert-labelled cases file (`tests/eval/cases.yaml`) → validated `DocumentCase`s, each
resolved to its copy in `corpora/`.

Reads the cases file (for each document: its path in the shared sources, its country, and article labels
`flag` / `ok` / `maybe`) and the corpus metadata; produces the cases and, for each, the corpus entry that is
a copy of its source, so that evaluation (`compliance.evaluate`) runs from a fresh clone.

>>> source_slug("national_laws/kz/trade-unions-law.kk.2021-07-01.md")
('kz', 'trade-unions-law', 'kk', '2021-07-01')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from . import yamlsafe
from .corpus import CORPUS_DIR, CorpusEntry
from .errors import CasesError, UnknownReference

_SOURCE_NAME = re.compile(
    r"^(?P<slug>.+?)\.(?P<lang>[a-z]{2}(?:-[A-Za-z]{4})?)\.(?:[a-z]+-)?(?P<date>\d{4}-\d{2}-\d{2})(?:\.[A-Za-z0-9]+)?$"
)
_COPIED_FROM = re.compile(r"shared/sources/(\S+)")


# -- the cases file ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagCase:
    article: str
    conventions: tuple[str, ...]
    basis: str = ""


@dataclass(frozen=True)
class DocumentCase:
    path: str  # as written in the cases file, relative to the shared sources
    country: str | None
    flag: tuple[FlagCase, ...]
    maybe: tuple[str, ...]
    ok: tuple[str, ...]
    corpus_id: str | None = None  # optional `id:` key: the corpus id, overriding path resolution


def load_cases(path: Path) -> list[DocumentCase]:
    """The documents of a cases file, validated; `CasesError` names the file and what is wrong."""
    try:
        data = yamlsafe.load(yamlsafe.read_text(Path(path)))
    except OSError as exc:
        raise CasesError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CasesError(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise CasesError(f"{path}: expected a mapping with a `documents` list")
    out = []
    for i, item in enumerate(data["documents"]):
        where = f"{path}: documents[{i}]"
        if not isinstance(item, dict) or not item.get("path"):
            raise CasesError(f"{where}: each document needs a `path`")
        for key in ("flag", "maybe", "ok"):
            if not isinstance(item.get(key) or [], list):
                raise CasesError(f"{where}: `{key}` must be a list")
        flags = []
        for f in item.get("flag") or []:
            if not isinstance(f, dict) or "article" not in f or not isinstance(f.get("conventions"), list) or not f["conventions"]:
                raise CasesError(f"{where}: each flag needs `article` and `conventions`")
            flags.append(FlagCase(str(f["article"]), tuple(str(c).upper() for c in f["conventions"]), str(f.get("basis") or "")))
        out.append(
            DocumentCase(
                path=str(item["path"]),
                country=str(item["country"]).upper() if item.get("country") else None,
                flag=tuple(flags),
                maybe=tuple(str(a) for a in item.get("maybe") or []),
                ok=tuple(str(a) for a in item.get("ok") or []),
                corpus_id=str(item["id"]) if item.get("id") else None,
            )
        )
    return out


# -- shared source path → corpus document -------------------------------------------------------------------


def source_slug(path: str) -> tuple[str, str, str, str] | None:
    """(country, slug, language, edition) from a shared source path `national_laws/<cc>/<slug>.<lang>.<date>[.<ext>]`;
    the corpus helper named each corpus id after it: `<cc>/<slug>@<date>`, `:<lang>` for a second language."""
    parts = Path(path).parts
    if len(parts) < 2:
        return None
    m = _SOURCE_NAME.match(parts[-1])
    if not m:
        return None
    return parts[-2].lower(), m["slug"], m["lang"], m["date"]


@cache
def _copied_from(root: Path) -> dict[str, str]:
    """{shared source path: corpus id} from the provenance line every corpus meta file opens with
    ("# Text copied byte for byte from shared/sources/<path>")."""
    out: dict[str, str] = {}
    for meta in sorted(root.rglob("*.meta.yaml")):
        text = meta.read_text("utf-8")
        comments = "\n".join(line for line in text.splitlines()[:5] if line.lstrip().startswith("#"))
        m = _COPIED_FROM.search(comments)
        ident = re.search(r"(?m)^id:\s*(\S+)", text)
        if m and ident:
            out[m[1].rstrip(".,;")] = ident[1]
    return out


def resolve(case: DocumentCase, entries: Iterable[CorpusEntry], root: Path = CORPUS_DIR) -> CorpusEntry:
    """The corpus copy of a case's document: by explicit `id`, by the meta files' provenance line, or by
    the naming convention of corpus ids (slug and edition from the source file name)."""
    by_id = {e.id: e for e in entries}
    if case.corpus_id:
        if case.corpus_id in by_id:
            return by_id[case.corpus_id]
        raise UnknownReference(f"{case.path}: corpus id {case.corpus_id!r} not found")
    norm = case.path.strip("/")
    for source, ident in _copied_from(Path(root).resolve()).items():
        if (source == norm or source.startswith(norm + "/")) and ident in by_id:
            return by_id[ident]
    parsed = source_slug(norm)
    if parsed:
        cc, slug, lang, date = parsed
        for ident in (f"{cc}/{slug}@{date}", f"{cc}/{slug}@{date}:{lang}"):
            entry = by_id.get(ident)
            if entry and (entry.meta.language or "").lower() == lang.lower():
                return entry
    raise UnknownReference(f"{case.path}: no corpus document is a copy of this source (see: compliance corpus list)")
