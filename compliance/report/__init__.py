"""Report stage: parsed laws + findings (`FindingsReport`) → the report folder a lawyer files.

`model.py` computes what the report shows (summary, coverage matrix convention article × law, findings
grouped by convention article with the convention text beside the law text, the annotated law view);
`html.py` renders the self-contained `index.html`, `render.py` the Markdown and CSV, `pdf.py` prints a PDF
when Chromium is installed; `command.py` checks the laws and writes the folder (`write_report`). Inputs are
untrusted text: every output escapes it for its format. Same input, same bytes.
"""

from .command import write_report

__all__ = ["write_report"]
