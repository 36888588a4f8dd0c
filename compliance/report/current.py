"""Current law: of several editions or excerpts of one work, which text speaks for each article.

Reads the metadata and article numbers of the documents of a report (or a comparison) and the check's
`FindingsReport`. Produces, per document, the articles a newer edition of the same work also holds
(`superseded`), and the findings report with the findings on those articles left out (`current_findings`),
so that no article is reported twice from two editions. Which texts are "the same work" is decided by
`work_of` alone, which asks the corpus's work layer first.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from ..corpus.entries import law_id
from ..models import Document, DocumentMeta, FindingsReport


def work_of(meta: DocumentMeta) -> tuple[str, ...]:
    """The work a text is an edition or excerpt of: the corpus's work (its `work:` field, else its id without
    the edition, as `corpus.entries` reads it); a text from outside the corpus: country and act number (else
    title). A text without an edition date is a work of its own, since nothing says which of two is newer."""
    if meta.edition is None:
        return ("", meta.id)
    if meta.work:
        return ("work", meta.work)
    base = law_id(meta.id)
    if base:
        return ("work", base[0])
    if not (meta.act_number or meta.title):
        return ("", meta.id)
    return ((meta.country or "").upper(), (meta.act_number or meta.title or "").strip().lower())


@dataclass
class Supersession:
    """Per document id: article number → the id of the newer text that holds the same article."""

    by_doc: dict[str, dict[str, str]] = field(default_factory=dict)

    def newer(self, doc_id: str, article: str | None) -> str | None:
        return self.by_doc.get(doc_id, {}).get(article) if article else None

    def wholly(self, doc: Document) -> bool:
        """Every numbered article of `doc` is held by a newer text."""
        nums = {a.num for a in doc.articles() if a.num}
        return bool(nums) and nums <= set(self.by_doc.get(doc.document.id, {}))


def superseded(docs: list[Document]) -> Supersession:
    """For each article number of each work, the newest edition holding it speaks; of two texts of the same
    edition, the longer (the fuller context), then the first given."""
    holders: dict[tuple[tuple[str, ...], str], list[tuple[_dt.date, int, int, str]]] = {}
    for order, doc in enumerate(docs):
        meta = doc.document
        nums = [a.num for a in doc.articles() if a.num]
        for num in dict.fromkeys(nums):
            rank = (meta.edition or _dt.date.min, len(nums), -order, meta.id)
            holders.setdefault((work_of(meta), num), []).append(rank)
    out = Supersession()
    for (_, num), ranks in holders.items():
        best = max(ranks)
        for rank in ranks:
            if rank is not best and rank[3] != best[3]:
                out.by_doc.setdefault(rank[3], {})[num] = best[3]
    return out


def current_findings(findings: FindingsReport, supersession: Supersession) -> tuple[FindingsReport, int]:
    """The findings on articles no newer edition holds, and how many were left out."""
    kept = [f for f in findings.findings if supersession.newer(f.document_id, f.article) is None]
    return findings.model_copy(update={"findings": kept}), len(findings.findings) - len(kept)
