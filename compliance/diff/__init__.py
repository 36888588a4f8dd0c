"""Diff stage: two editions of a law (`Document` × `Document`) → `Diff` (aligned articles, redlines, findings delta).

Reads two parsed documents and aligns their articles (`align`): same eId with the same text, then identical
text under another number, then order and similarity, moves across the law, restated articles, split and
merged ones. Each pair gets a status and each left-over article is added, removed, split, merged, or outside
the excerpt that the other edition is (`changes`). Inside a changed article it computes a word-level redline
with offsets into both articles' `Node.full_text()` (`redline`). Editorial notes are compared apart: alone they
never make an article amended. Given the findings of both editions, or the checker that produces them, it
matches the findings across the alignment: introduced, resolved, persisting (`findings`). Produces the `Diff`
model (`models`; `compliance/schemas/diff.schema.json`), rendered as JSON, self-contained HTML or Markdown
(`render`); `history` chains the diffs of every edition of a law in the corpus into a timeline per article.

Each module imports only modules before it: models, redline, align, findings, changes, history, render.
The `diff` and `history` commands are in `compliance.cli.diff`.
"""

from __future__ import annotations

from .align import covered_ranges
from .changes import diff_documents
from .findings import Checker, findings_delta
from .history import history
from .models import (
    ArticleTimeline,
    Change,
    Diff,
    FindingChange,
    FindingsDelta,
    History,
    NoteChange,
    NoteRef,
    RedlineOp,
    RuleDelta,
    Side,
    TimelineEvent,
    diff_schema,
)
from .redline import redline, redline_segments, tokenize
from .render import (
    headline,
    render_history_text,
    render_html,
    render_json,
    render_markdown,
)

__all__ = [
    "ArticleTimeline",
    "Change",
    "Checker",
    "NoteChange",
    "Diff",
    "FindingChange",
    "FindingsDelta",
    "History",
    "NoteRef",
    "RedlineOp",
    "RuleDelta",
    "Side",
    "TimelineEvent",
    "covered_ranges",
    "diff_documents",
    "diff_schema",
    "findings_delta",
    "headline",
    "history",
    "redline",
    "redline_segments",
    "render_history_text",
    "render_html",
    "render_json",
    "render_markdown",
    "tokenize",
]
