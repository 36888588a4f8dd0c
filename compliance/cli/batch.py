"""`compliance batch`: a manifest of laws → findings as Parquet and a JSON summary, on Dask distributed.

Reads the manifest (file of paths or corpus ids, or a folder), the rules and the scheduler to use; runs
`compliance.batch` and prints the summary's counts. Input a document could not give is one
`file:line: reason` line on stderr each, exit 2 once the rest is written; a run again resumes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .common import conventions_option
from .options import processes, warn

EXAMPLE = ("example: compliance batch laws.txt --out results/ --scheduler tcp://10.0.0.5:8786\n"
           "needs the optional extra: pip install 'ilo-compliance-checker[scale]'")


def add_parser(sub: Any, summary: str) -> None:
    p = sub.add_parser("batch", help=summary,
                       epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("manifest", help="file of paths (from the current folder) or corpus ids, one a line (- reads "
                                    "it from standard input), or a folder of laws")
    p.add_argument("--out", required=True, help="output folder: findings.parquet, summary.json, parts/, done/")
    p.add_argument("--scheduler", default="local",
                   help="local (default: a cluster of worker processes here; alias processes), threads "
                        "(workers as threads of this process), or a scheduler's address tcp://host:8786")
    p.add_argument("--workers", type=processes, default=None, metavar="N",
                   help="worker processes of the local cluster (default: every core)")
    p.add_argument("--rules", help="rules folder (default: rules/)")
    p.add_argument("--conventions", help="only these conventions, e.g. C087,C105")
    p.add_argument("--country", help="ISO 3166 alpha-2 of every law (default: each law's metadata, else its text)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..batch import run_batch
    from ..parallel import cores
    from .options import checked_country

    if args.workers is not None and "://" in args.scheduler:  # a cluster's workers are started with it, not here
        warn([f"--workers {args.workers} is not used: the cluster at {args.scheduler} has its own workers"])
    bar = None if args.quiet or not sys.stderr.isatty() else _bar()

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()

    summary = run_batch(
        Path(args.manifest), Path(args.out), scheduler=args.scheduler, workers=args.workers or cores(),
        rules_dir=Path(args.rules) if args.rules else None, conventions=conventions_option(args.conventions),
        country=checked_country(args.country), progress=progress,
    )
    if bar is not None:
        bar.close()
    for line in summary.failed:
        print(f"compliance: {line}", file=sys.stderr)
    warn(summary.warnings)  # a law not analysed has no findings: that must not read as "compliant"
    print(f"{summary.findings} findings in {summary.checked} of {summary.documents} documents "
          f"({summary.checked - summary.analysed} of them not analysed; {summary.resumed} done before, "
          f"{len(summary.failed)} not read or not checked), {summary.input_mb} MB in {summary.seconds} s; "
          f"written: {Path(args.out) / 'findings.parquet'}, {Path(args.out) / 'summary.json'}")
    return 2 if summary.failed else 0


def _bar() -> Any:
    from tqdm import tqdm

    return tqdm(total=0, unit="law", file=sys.stderr)
