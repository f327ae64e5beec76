"""``check-templates``: check a templates folder (a translator's copy, or the bundled one)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import check_templates
from ._common import OK, print_json, report


def run_check_templates(args: argparse.Namespace) -> int:
    if args.folder is not None and not Path(args.folder).is_dir():
        report(f"{args.folder}: not a folder")
        return 2
    result = check_templates(args.folder)
    if args.json:
        print_json(result.to_dict())
    else:
        out = sys.stdout
        for problem in result.problems:
            out.write(f"FAIL   {problem.line()}\n")
        for problem in result.known:
            out.write(f"known  {problem.line()}\n")
        for note in result.notes:
            out.write(f"note   {note}\n")
        ids = ", ".join(f"{lang} {count}" for lang, count in result.ids.items())
        verdict = "ok" if result.ok else f"{len(result.problems)} problem(s)"
        out.write(
            f"{result.folder}: {verdict}; ids: {ids}; "
            f"{len(result.known)} known divergence(s) of the official texts\n"
        )
    if result.unreadable:
        return 2
    return OK if result.ok else 1
