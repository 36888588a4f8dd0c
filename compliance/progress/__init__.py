"""Progress stage: a country's works in the corpus × the checker → `Progress` (compliance over time).

Reads the corpus works of one country and the caller's checker (`build`); produces, per work, the open
conflicts and concerns at each edition, the provisions whose status changed between editions and by which
amending act, the years without an edition (gaps, not "no change"), the editions no rule could be tried on
("not analysed", never "0 open"), and per convention and rule the open findings at each edition date
(`model`); writes them as JSON, CSV, Markdown or HTML with an SVG timeline, and as the HTML section
"Progress since <year>" a country report can include (`render`).
"""

from __future__ import annotations

from .build import build_progress
from .model import ConventionRow, EditionPoint, OpenFinding, Progress, StatusChange, Transition, WorkProgress
from .render import render_csv, render_html, render_json, render_markdown, render_progress_section, timeline_svg

__all__ = ["ConventionRow", "EditionPoint", "OpenFinding", "Progress", "StatusChange", "Transition", "WorkProgress",
           "build_progress", "render_csv", "render_html", "render_json", "render_markdown", "render_progress_section",
           "timeline_svg"]
