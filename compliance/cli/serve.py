"""`compliance serve`: the local web app, bound to this machine unless told otherwise.

Reads the host, port, job lifetime and upload limits; starts the app of `compliance.web` under uvicorn and
runs until interrupted. The app fetches nothing from the network; its job folders are deleted on exit.
"""

from __future__ import annotations

import argparse
from typing import Any

EXAMPLE = "example: compliance serve --port 8000   (then open http://127.0.0.1:8000)"


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("serve", help=summary, epilog=EXAMPLE)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--keep-minutes", type=float, default=60,
                   help="delete a job's files and results this long after it was created (default 60)")
    p.add_argument("--max-files", type=int, default=10, help="files per upload (default 10)")
    p.add_argument("--max-mb", type=int, default=20, help="megabytes per file (default 20)")
    p.add_argument("--no-pdf", action="store_true", help="do not print report.pdf even if Chromium is installed")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..errors import UsageError
    from ..web import Settings, create_app
    from ..web.uploads import Limits

    if args.max_files < 1 or args.max_mb < 1 or args.keep_minutes <= 0:
        raise UsageError("--max-files, --max-mb and --keep-minutes must be positive")
    hosts = ("127.0.0.1", "localhost", "[::1]") if args.host in ("127.0.0.1", "localhost", "::1") else ("*",)
    settings = Settings(ttl_minutes=args.keep_minutes, pdf=not args.no_pdf, hosts=hosts,
                        limits=Limits(files=args.max_files, file_mb=args.max_mb, total_mb=args.max_files * args.max_mb))
    print(f"compliance: serving on http://{args.host}:{args.port} (Ctrl+C stops)")
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning")
    return 0
