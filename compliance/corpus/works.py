"""Works, expressions and portions (after FRBR and Akoma Ntoso): corpus entries → `Work`s.

Reads the corpus entries (`entries`); groups them by work (`CorpusEntry.work`: the meta.yaml's `work:`,
else the id without edition and language), each work's texts by edition date into `Expression`s, and keeps
each stored file as a portion of its expression with its extent (whole, or which articles, chapters or
sections; `extent_label`). Produces the works of the corpus (`works`), the texts a reference names
(`portions_named`: a file id, a work, or `work@date`), the years a work's editions leave uncovered (`gaps`)
and, for an expression stored as several portions, one `Document` holding them all (`merge_portions`).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Document, DocumentMeta, Node, Warning_
from ..numbers import number_key
from .entries import CorpusEntry, law_id

__all__ = ["Expression", "Work", "extent_label", "format_works", "merge_portions", "portions_named", "works"]


@dataclass(frozen=True)
class Expression:
    """One edition of a work in one language: the portions (stored texts) of that date."""

    work: str
    date: _dt.date | None
    language: str | None  # the second-language suffix ("kk"), None for the main text
    portions: tuple[CorpusEntry, ...]

    @property
    def id(self) -> str:
        date = f"@{self.date.isoformat()}" if self.date else ""
        return f"{self.work}{date}" + (f":{self.language}" if self.language else "")

    @property
    def extent(self) -> str:
        """"whole" when one portion is the whole law, else "excerpt"."""
        return "whole" if any(p.extent == "whole" for p in self.portions) else "excerpt"

    @property
    def amended_by(self) -> str | None:
        """The amending act that made this edition, as the metadata of a portion names it; None when unknown."""
        return next((p.meta.amended_by for p in self.portions if p.meta.amended_by), None)


@dataclass(frozen=True)
class Work:
    """A law as a whole: its expressions in the main language (oldest first) and in other languages."""

    id: str
    expressions: tuple[Expression, ...]
    translations: tuple[Expression, ...]

    @property
    def meta(self) -> DocumentMeta:
        """The metadata of the newest portion (title, country, kind, act number)."""
        return self.expressions[-1].portions[0].meta if self.expressions else self.translations[-1].portions[0].meta

    def at(self, date: _dt.date, language: str | None = None) -> Expression | None:
        pool = self.expressions if language is None else [e for e in self.translations if e.language == language]
        return next((e for e in pool if e.date == date), None)

    def gaps(self) -> list[int]:
        """Years between the first and the last edition in which the corpus holds no edition of the work."""
        years = sorted({e.date.year for e in self.expressions if e.date})
        return [y for y in range(years[0], years[-1] + 1) if y not in years] if years else []


def _portion_order(e: CorpusEntry) -> tuple[int, str]:
    """The whole text first, then by id (the larger excerpt before one of its parts, "sec003" before "arts167")."""
    return (0 if e.extent == "whole" else 1, e.id)


def works(entries: Sequence[CorpusEntry]) -> list[Work]:
    """The national laws of the corpus grouped by work, sorted by work id (ILO instruments are not works here)."""
    groups: dict[str, dict[tuple[_dt.date | None, str | None], list[CorpusEntry]]] = {}
    for e in entries:
        if e.meta.country is None:
            continue
        groups.setdefault(e.work, {}).setdefault((e.meta.edition, e.second_language), []).append(e)
    out = []
    for work_id in sorted(groups):
        exprs = [
            Expression(work_id, date, lang, tuple(sorted(items, key=_portion_order)))
            for (date, lang), items in groups[work_id].items()
        ]
        exprs.sort(key=lambda x: (x.date or _dt.date.min, x.language or ""))
        out.append(Work(work_id, tuple(x for x in exprs if x.language is None),
                        tuple(x for x in exprs if x.language is not None)))
    return out


def portions_named(ref: str, entries: Sequence[CorpusEntry]) -> list[CorpusEntry]:
    """The texts a law reference names: a file-level id ("kz/criminal-code-art174[@date]") or a work
    ("kz/criminal-code", newest expression) or `work@date`; several when that expression is stored in parts."""
    law = law_id(ref)
    if law is None:
        return []
    base, m = law
    lang, edition = m["lang"], m["edition"]
    by_file = sorted((e for e in entries if e.base == base and e.second_language == lang),
                     key=lambda e: e.meta.edition or _dt.date.min)
    if by_file and not edition:
        return [by_file[-1]]
    work = next((w for w in works(entries) if w.id == base), None)
    if work is None:
        return []
    if edition:
        found = work.at(_dt.date.fromisoformat(edition), lang)
        return list(found.portions) if found else []
    pool = work.expressions if lang is None else tuple(e for e in work.translations if e.language == lang)
    return list(pool[-1].portions) if pool else []


_LABEL_END = re.compile(r"\s*(?:\(|,|;|\.$)")


def extent_label(entry: CorpusEntry) -> str:
    """What a portion holds, as its provenance says it: "whole", "art. 174 only", "chapters 4–5", "Section 1"."""
    if entry.extent == "whole":
        return "whole"
    text = re.sub(r"^\s*excerpt:\s*", "", entry.meta.provenance or "", flags=re.IGNORECASE)
    m = _LABEL_END.search(text)
    label = (text[: m.start()] if m else text).strip()
    return label or (entry.extent or "extent not stated")


def format_works(all_works: Sequence[Work]) -> str:
    """`corpus list`: one heading line per work, then one line per stored text (date, id, extent)."""
    lines: list[str] = []
    for w in all_works:
        m = w.meta
        lines.append(f"{w.id}  {m.title_en or m.title or '-'} ({m.country}, {m.kind or '-'})")
        rows = [(x, p) for x in (*w.expressions, *w.translations) for p in x.portions]
        width = max(len(p.id) for _, p in rows)
        for x, p in rows:
            date = x.date.isoformat() if x.date else "-"
            act = f"  by {x.amended_by}" if x.amended_by and p is x.portions[0] else ""
            lines.append(f"  {date}  {p.id.ljust(width)}  {p.meta.language or '-':6} {extent_label(p)}{act}".rstrip())
        if w.gaps():
            lines.append(f"  no edition in the corpus for {_years(w.gaps())}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _years(years: Sequence[int]) -> str:
    """[2016, 2017, 2018, 2021] → "2016–2018, 2021"."""
    runs: list[list[int]] = []
    for y in years:
        if runs and runs[-1][-1] == y - 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


# -- one document from several portions ------------------------------------------------------------------


def _shifted(node: Node, chars: int, lines: int) -> Node:
    """A copy of `node` whose offsets point `chars` further (and lines `lines` further) into a longer text."""
    notes = [n.model_copy(update={"start": n.start + chars, "end": n.end + chars}) for n in node.notes]
    kids = [_shifted(c, chars, lines) for c in node.children]
    return node.model_copy(update={
        "start": node.start + chars, "end": node.end + chars, "line": node.line + lines if node.line else 0,
        "notes": notes, "children": kids,
    })


def _first_number(doc: Document) -> tuple[tuple[int, str], ...]:
    first = next((a.num for a in doc.articles() if a.num), None)
    return number_key(first) if first else ()


def merge_portions(docs: Sequence[Document], meta: DocumentMeta) -> Document:
    """One document holding the articles of every portion of an expression, in the order given.

    The portions go in the order of their first article; their source texts are joined by a blank line and
    every offset moves with its text, so that a quote's offsets still point at its words. A portion whose
    articles a larger one already holds (an excerpt of an excerpt of the same edition) adds nothing; a later
    portion's preface (the code's title again) is left out so that eIds stay unique.
    """
    kept: list[Document] = []
    seen: set[str] = set()
    for doc in sorted(docs, key=lambda d: -len(d.articles())):  # the larger text first: its parts add nothing
        eids = {a.eid for a in doc.articles()}
        if not (eids and eids <= seen):
            kept.append(doc)
            seen |= eids
    kept.sort(key=_first_number)
    texts: list[str] = []
    children: list[Node] = []
    warnings: list[Warning_] = []
    chars = lines = 0
    for doc in kept:
        for child in doc.tree.children:
            if child.kind == "preface" and children:
                continue
            children.append(_shifted(child, chars, lines))
        warnings += [w.model_copy(update={"line": w.line + lines}) for w in doc.warnings]
        texts.append(doc.source_text)
        chars += len(doc.source_text) + 2
        lines += doc.source_text.count("\n") + 2
    text = "\n\n".join(texts)
    tree = docs[0].tree.model_copy(update={"start": 0, "end": len(text), "children": children, "notes": []})
    return Document(document=meta, tree=tree, warnings=warnings, source_text=text)
