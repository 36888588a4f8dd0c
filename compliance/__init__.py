"""ILO Compliance Checker: reads national legislation, checks it against ILO conventions, reports the gaps.

Stages, one module each: `parse` (source → article tree), `akn` (Akoma Ntoso export/import),
`corpus` (the bundled laws and conventions). The public API is re-exported here.
"""

from .models import AmendmentEvent, Document, DocumentMeta, Node, Note
from .parse import ParseError, parse_file, parse_text

__all__ = ["AmendmentEvent", "Document", "DocumentMeta", "Node", "Note", "ParseError", "parse_file", "parse_text"]
__version__ = "0.1.0"
