"""Where the bundled data lives: the rules (`rules/`) and the corpus (`corpora/`) shipped with the package.

An installed package carries both folders inside it (`compliance/_bundled/`, copied there by the build
hook in `setup.py`); a source checkout has them at its top level. Produces the folder's path, whichever
way the package was installed.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def bundled(name: str) -> Path:
    """The folder `name` ("rules", "corpora") of the installed package, else of the source checkout."""
    shipped = resources.files("compliance") / "_bundled" / name
    if shipped.is_dir():
        return Path(str(shipped))
    return CHECKOUT / name
