"""What the ILO supervisory bodies said: `corpora/supervisory/comments.jsonl` → normalised comments
(`data.py`), and the comments a finding shows (`links.py`: on this provision, its predecessor, or the same
principle elsewhere).

Reads the verbatim rows (never reworded) and `vocab/supervisory.yaml`; produces `Comment` models.
"""

from __future__ import annotations

from .data import Comment, comment_ids, load_comments

__all__ = ["Comment", "comment_ids", "load_comments"]
