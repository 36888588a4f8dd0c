"""Citations: of an ILO instrument's units (`instruments.py`) and of a national provision (`provision.py`:
the part and point holding the decisive words; `history.py`: the amending act the text names; `style.py`:
the English and Russian citation strings).

Reads the instrument texts of the corpus, article nodes with their notes and the citation vocabulary
(`vocab/citation.yaml`); produces citations a lawyer can file.
"""

from __future__ import annotations

from .history import Amendment, last_amendment
from .instruments import UNITS, article_path, instrument_exists, numbered_children, resolve
from .provision import Provision, locate
from .style import Citation, cite

__all__ = ["UNITS", "Amendment", "Citation", "Provision", "article_path", "cite", "instrument_exists",
           "last_amendment", "locate", "numbered_children", "resolve"]
