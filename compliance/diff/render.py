"""Rendering: a `Diff` → JSON, a self-contained HTML page or Markdown, with a one-line headline; a `History` → text.

Reads the models of `models`; produces the text of `compliance diff --format json|html|md` (HTML from the
template `compliance/templates/diff.html.j2`, which escapes the law's text) and of `compliance history`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..jinja import environment
from ..markdown import md_escape
from ..models import AmendmentEvent
from .models import ArticleFinding, ArticleTimeline, Change, Diff, FindingChange, History, NoteChange, RedlineOp, Side
from .redline import Segment, redline_segments

__all__ = ["headline", "render_history_text", "render_html", "render_json", "render_markdown"]


def render_json(diff: Diff) -> str:
    return diff.model_dump_json(indent=1) + "\n"


def headline(diff: Diff) -> str:
    """ "2 conflicts resolved, 1 introduced" (findings of kind conflict), then the other kinds if any."""
    d = diff.findings_delta
    if not d.available:
        return f"No checker findings available ({d.reason}); the changes below are textual only."

    def count(items: list[FindingChange], *kinds: str) -> int:
        return sum(1 for f in items if (f.kind or "conflict") in kinds)

    text = f"{_plural(count(d.resolved, 'conflict'), 'conflict')} resolved, {count(d.introduced, 'conflict')} introduced"
    extra = []
    for kind, word in (("concern", "concern"), ("requirement", "unmet requirement")):
        r, i = count(d.resolved, kind), count(d.introduced, kind)
        if r or i:
            extra.append(f"{_plural(r, word)} resolved, {i} introduced")
    if d.severity_changed:
        extra.append(f"{_plural(len(d.severity_changed), 'finding')} with another severity")
    if d.protection_added or d.protection_removed:
        extra.append(f"{_plural(len(d.protection_added), 'protection')} added, {len(d.protection_removed)} removed")
    extra.append(f"{_plural(len(d.persisting), 'finding')} persisting")
    if d.outside_extent:
        extra.append(f"{len(d.outside_extent)} outside the extent of one edition")
    return text + "; " + "; ".join(extra)


# the lists of a FindingsDelta as the Markdown and HTML list them, one line per finding
FINDING_LISTS = ("introduced", "resolved", "severity_changed", "protection_added", "protection_removed", "persisting",
                 "outside_extent")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _title(side: Side) -> str:
    name = side.short_title or side.title or side.id
    return f"{name} ({side.edition.isoformat()})" if side.edition else name


def _cite(num: str | None, heading: str | None = None) -> str:
    if num is None:
        return "—"
    return f"Art. {num}" + (f" {heading}" if heading else "")


@dataclass(frozen=True)
class _ChangeView:
    """One change as printed: its title, its redline pieces and the anchor that findings link to."""

    c: Change
    title: str
    segments: list[Segment]
    anchor: str | None
    notes: list[tuple[NoteChange, list[Segment]]]  # rewritten notes with their word redline


@dataclass(frozen=True)
class _View:
    """What the HTML template and the Markdown need, law text kept as plain strings (they escape it)."""

    diff: Diff
    headline: str
    old_title: str
    new_title: str
    changes: list[_ChangeView]
    unchanged: list[str | None]  # numbers of the articles with neither text nor notes changed
    summary: list[tuple[str, int]]  # the statuses that occur, with their counts
    finding_lists: list[tuple[str, list[FindingChange]]]  # the delta's lists the page names finding by finding

    def context(self) -> dict[str, Any]:
        """The template's variables (not `dataclasses.asdict`, which would copy the whole diff)."""
        return dict(self.__dict__)


def _change_view(c: Change) -> _ChangeView:
    segments = redline_segments(c.old_text or "", c.new_text or "", c.ops) if c.text_changed else []
    if c.status == "renumbered" or c.status == "moved" or c.old_num != c.new_num:
        title = f"{_cite(c.old_num)} → {_cite(c.new_num, c.new_heading)}"
    else:
        title = _cite(c.new_num or c.old_num, c.new_heading or c.old_heading)
    notes = [(n, redline_segments(n.old.text, n.new.text, n.ops)) for n in c.notes_amended]
    return _ChangeView(c, title, segments, c.new_eid or c.old_eid, notes)


def _shown(c: Change) -> bool:
    return not (c.status == "unchanged" and not c.notes_changed)


def _view(diff: Diff) -> _View:
    return _View(
        diff=diff,
        headline=headline(diff),
        old_title=_title(diff.old),
        new_title=_title(diff.new),
        changes=[_change_view(c) for c in diff.changes if _shown(c)],
        unchanged=[c.new_num for c in diff.changes if not _shown(c)],
        summary=[(k, v) for k, v in diff.summary.items() if v],
        finding_lists=[(name.replace("_", " "), getattr(diff.findings_delta, name)) for name in FINDING_LISTS
                       if name != "persisting"],
    )


def render_html(diff: Diff) -> str:
    """A self-contained page (inline CSS, no scripts): headline, summary, then each change with its redline."""
    return environment().get_template("diff.html.j2").render(**_view(diff).context())


def render_markdown(diff: Diff) -> str:
    view = _view(diff)
    out = [f"# {md_escape(view.old_title)} → {md_escape(view.new_title)}", "", f"**{md_escape(view.headline)}**", ""]
    out.append(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in view.summary) or "no articles")
    out.append("")
    d = diff.findings_delta
    if d.available:
        for name in FINDING_LISTS:
            for fc in getattr(d, name):
                where = fc.new_article or fc.old_article or "document"
                out.append(f"- {name.replace('_', ' ')}: {md_escape(fc.rule_id)} ({md_escape(fc.convention or '')} {md_escape(fc.convention_article or '')}) in {md_escape(where)}")
        out.append("")
    for item in view.changes:
        out += _markdown_change(item)
    if view.unchanged:
        out.append(f"Unchanged: {md_escape(', '.join(str(n) for n in view.unchanged))}")
    return "\n".join(out).rstrip() + "\n"


def _markdown_change(item: _ChangeView) -> list[str]:
    c = item.c
    sim = f", similarity {c.similarity}" if c.similarity is not None else ""
    out = [f"## {md_escape(item.title)} — {c.status}{sim}"]
    flags = [f for f in ("text_changed", "renumbered", "moved") if getattr(c, f) and f != c.status]
    if c.moved:
        flags.append(f"from {c.old_container} to {c.new_container}")
    if c.repealed:
        flags.append(c.repealed)
    if flags:
        out += ["", "(" + "; ".join(md_escape(f.replace("_", " ")) for f in flags) + ")"]
    if item.segments:
        out += ["", _markdown_redline(item.segments)]
    for label, notes in (("note added", c.notes_added), ("note removed", c.notes_removed)):
        for note in notes:
            out += ["", f"> {label}: {md_escape(note.text)}"]
    for _, segments in item.notes:
        out += ["", f"> note changed: {_markdown_redline(segments)}"]
    out.append("")
    return out


def _markdown_redline(segments: Sequence[Segment]) -> str:
    """~~deleted~~ and **inserted** words; the marks hug the words, since Markdown ignores them around spaces."""
    parts: list[str] = []
    for kind, text in segments:
        t = "  \n".join(md_escape(line) for line in text.split("\n"))
        core = t.strip()
        lead, trail = t[: len(t) - len(t.lstrip())], t[len(t.rstrip()) :]
        if kind == "ins" and parts and parts[-1].endswith("~~"):
            lead = lead or " "  # a replacement reads "~~old~~ **new**"
        mark = "~~" if kind == "del" else "**" if kind == "ins" else ""
        parts.append(f"{lead}{mark}{core}{mark}{trail}" if core else t)
    return "".join(parts).rstrip()


def _acts_text(events: Sequence[AmendmentEvent]) -> str:
    """ "349-VI of 2020-06-26 (amended: Заголовок статьи 174; Статья 174)", one entry per act."""
    acts: dict[tuple[str, str], list[AmendmentEvent]] = {}
    for e in events:
        acts.setdefault((e.date.isoformat() if e.date else "", e.act_number or e.act or "act"), []).append(e)
    out = []
    for (date, number), evs in sorted(acts.items()):
        actions = ", ".join(dict.fromkeys(e.action for e in evs))
        out.append(f"{number}" + (f" of {date}" if date else "") + f" ({actions})")
    return "; ".join(out)


def _inline_redline(old: str, new: str, ops: Sequence[RedlineOp]) -> str:
    """A redline as plain text, "[-deleted-]{+inserted+}" as `git diff --word-diff` writes it."""
    marks = {"del": "[-{}-]", "ins": "{{+{}+}}", "equal": "{}"}
    return "".join(marks[kind].format(text) for kind, text in redline_segments(old, new, ops))


def _changed_lines(marked: str) -> list[str]:
    """The lines of a marked-up text that carry a change, indented; "…" where unchanged lines are left out."""
    out: list[str] = []
    for line in marked.split("\n"):
        if "[-" in line or "{+" in line:
            out.append("    " + line)
        elif not out or out[-1] != "    …":
            out.append("    …")
    return out


def _findings_text(findings: Sequence[ArticleFinding]) -> str:
    """ "conflict C105-A1a-social-discord (C105 1(a)); concern …", or "none"."""
    items = [f"{f.kind} {f.rule_id} ({f.convention or ''} {f.convention_article or ''})".replace(" )", ")")
             for f in findings]
    return "; ".join(dict.fromkeys(items)) or "none"


def _history_article(a: ArticleTimeline, detailed: bool, unchecked: set[str]) -> list[str]:
    lines = [f"Art. {a.num} {a.heading or ''} [{a.eid}]".rstrip()]
    if detailed:
        for ed in a.editions:
            by = f", made by {ed.amended_by}" if ed.amended_by else ""
            lines.append(f"  {ed.edition}  text of {ed.id}{by}")
            if ed.id in unchecked:
                lines.append("    findings: not analysed (no rule could be tried on this text)")
            elif ed.findings is not None:
                lines.append(f"    findings: {_findings_text(ed.findings)}")
    texts = {str(ed.edition): ed.text for ed in a.editions}
    previous = ""
    for e in a.events:
        text = f"  {e.edition}  {e.event.replace('_', ' ')}"
        if e.detail:
            text += f" ({e.detail})"
        if e.acts:
            text += " — by " + _acts_text(e.acts)
        elif e.amended_by and e.event != "in_force":
            text += f" — edition made by {e.amended_by}"
        lines.append(text)
        current = texts.get(str(e.edition), "")
        if detailed and e.ops:
            lines += _changed_lines(_inline_redline(previous, current, e.ops))
        for n in e.notes_amended if detailed else []:
            lines.append("    note: " + _inline_redline(n.old.text, n.new.text, n.ops))
        previous = current or previous
    if a.amendments:
        lines.append("  acts named in the notes: " + _acts_text(a.amendments))
    if not detailed and any(ed.findings for ed in a.editions):
        last = next(ed for ed in reversed(a.editions) if ed.findings is not None)
        lines.append(f"  findings in the {last.edition} text: {_findings_text(last.findings or [])}")
    return lines


def render_history_text(h: History) -> str:
    """The timeline of each article; with one article, every edition's text source, findings and redline."""
    dates = ", ".join(str(d.edition) for d in h.editions)
    lines = [f"History of {h.law}: {len(h.editions)} edition(s) in the corpus ({dates})"]
    lines += list(h.not_analysed.values())  # "…: not analysed. Turkmen: no rules for this language; …"
    if h.gaps:
        lines.append(f"No edition in the corpus for {', '.join(str(y) for y in h.gaps)}: changes in those years are "
                     "not seen, and a change is dated by the first edition that shows it.")
    lines.append("")
    detailed = len(h.articles) == 1
    for a in h.articles:
        lines += _history_article(a, detailed, set(h.not_analysed))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
