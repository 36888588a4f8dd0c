"""Markdown escaping: untrusted text (a law's words, titles, file names) → Markdown that renders as the text.

Every Markdown writer of the project escapes here: the report (`report.md`, `check --format md`), the
comparison, the diff and the evaluation. `md_escape` makes any text inert (links, emphasis, HTML, tables);
`md_line` also keeps a line start from opening a list or heading; `code_span` quotes identifiers;
`md_cell` is for table cells of the project's own words (ids, numbers, counts), where only the cell
separator and line breaks could break the table.
"""

from __future__ import annotations

import re

_MD_MINIMAL = re.compile(r"([\\`*_{}\[\]#|<>!~&])")


def md_escape(text: str) -> str:
    """Text that renders as itself in Markdown (no links, emphasis, HTML or tables from a law's words).

    >>> md_escape("<script>*x*</script>")
    '\\\\<script\\\\>\\\\*x\\\\*\\\\</script\\\\>'
    >>> md_escape("[x](javascript:alert(1))")
    '\\\\[x\\\\](javascript:alert(1))'
    """
    return _MD_MINIMAL.sub(r"\\\1", text).replace("\r", " ").replace("\n", " ")


def md_line(text: str) -> str:
    """`md_escape`, and a line start that cannot open a list, quote, heading or code block.

    >>> md_line("1. Умышленные действия"), md_line("- item"), md_line("    code")
    ('1\\\\. Умышленные действия', '\\\\- item', 'code')
    """
    return safe_line_start(md_escape(text))


def safe_line_start(escaped: str) -> str:
    """Escaped text whose start cannot open a list, quote, heading or code block."""
    out = escaped.lstrip(" \t")
    out = re.sub(r"^(\d+)([.)])", r"\1\\\2", out)
    return re.sub(r"^([-+=])", r"\\\1", out)


def code_span(text: str) -> str:
    """A Markdown code span holding `text` literally, whatever backticks it contains.

    >>> code_span("a`b")
    '``a`b``'
    """
    text = text.replace("\r", " ").replace("\n", " ")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_cell(text: object) -> str:
    """A table cell of the project's own words: `|` escaped, line breaks as spaces.

    >>> print(md_cell("a|b\\nc"))
    a\\|b c
    """
    return str(text).replace("|", "\\|").replace("\n", " ")
