"""Akoma Ntoso 3.0 XML → `Document`: the parse stage's reader of AKN input (`read.py`), with the element
helpers (`elements.py`) and the name mappings (node kinds, eIds, FRBR URIs: `names.py`) that the writer in
`compliance.akn` shares. Reads XML text; produces the same `Document` as the other readers.
"""

from __future__ import annotations

from .read import from_akn

__all__ = ["from_akn"]
