"""The comments a finding shows: a rule × a law's metadata × an article → `CommentLink`s.

Reads the normalised comments (`data.py`), the rule's `references[].comments` and the law's country and
act number; produces (a) the comments on this very provision: same country, same act number, the article
among the row's provisions; (b) those on the provision it replaced, where a row says so ("Section 164 … has
been replaced by section 174") and the older row is on the same kind of act in the same country; (c) the
comments the rule cites as applying the same principle elsewhere. A row not tied to an act is never (a).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import CommentLink, DocumentMeta
from .data import Comment, load_comments


def _same_number(a: str | None, b: str | None) -> bool:
    """Act numbers equal as printed, the Cyrillic "І" of some copies read as the Latin "I"."""
    return bool(a and b) and (a or "").replace("І", "I").upper() == (b or "").replace("І", "I").upper()


def on_law(comment: Comment, meta: DocumentMeta) -> bool:
    """Whether a comment is on this very law (country and act number)."""
    return comment.country == meta.country and _same_number(comment.act_number, meta.act_number)


def _predecessors(article: str, meta: DocumentMeta, comments: Iterable[Comment]) -> set[str]:
    """The sections `article` of this law replaced, as the rows on this law state it."""
    return {old for c in comments if on_law(c, meta) for old, new in c.replaced if new == article}


def _link(c: Comment, relation: str) -> CommentLink:
    return CommentLink.model_validate({
        "id": c.id, "relation": relation, "country": c.country, "act": c.law, "provisions": c.cited,
        "convention": c.convention + (f" Art. {c.convention_article}" if c.convention_article else ""),
        "body": c.body or "", "type": c.type, "year": c.year, "quote": c.quote, "url": c.url,
    })


def comments_for(meta: DocumentMeta, article: str | None, cited: Iterable[str]) -> list[CommentLink]:
    """The comments on this provision, on its predecessor, then those the rule cites (`cited` ids)."""
    comments = load_comments()
    out: list[CommentLink] = []
    seen: set[str] = set()
    if article:
        old = _predecessors(article, meta, comments)
        for c in comments:
            if on_law(c, meta) and article in c.articles():
                out.append(_link(c, "provision"))
            elif (old & c.articles() and c.country == meta.country and not on_law(c, meta)
                  and any(on_law(n, meta) and n.act_title == c.act_title for n in comments)):
                out.append(_link(c, "predecessor"))
            else:
                continue
            seen.add(c.id)
    by_id = {c.id: c for c in comments}
    out += [_link(by_id[i], "principle") for i in dict.fromkeys(cited) if i in by_id and i not in seen]
    return out


def matching_articles(comment: Comment, meta: DocumentMeta, articles: Iterable[str]) -> list[str]:
    """The articles of a corpus law a comment is on (`compliance comments`)."""
    return [a for a in articles if on_law(comment, meta) and a in comment.articles()]
