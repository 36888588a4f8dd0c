"""`python -m compliance.cli ARGS`: the `compliance` command without the installed entry point."""

from . import run

run()
