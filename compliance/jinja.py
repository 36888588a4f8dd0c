"""The Jinja environment of every HTML page the project writes (the report, the diff), from one factory.

Reads templates from a folder of the package and produces an `Environment` that escapes every value
(law text, titles and file names are untrusted), fails on an undefined name instead of printing nothing,
and keeps a template's final newline, so every page is built with the same safety settings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

PACKAGE = Path(__file__).resolve().parent


@cache
def environment(folder: Path = PACKAGE / "templates") -> Environment:
    """The environment over `folder` (default `compliance/templates/`), made once per folder."""
    return Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
