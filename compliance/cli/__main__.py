"""`python -m compliance.cli ARGS`: the `compliance` command without the installed entry point."""

import sys

from . import main

sys.exit(main())
