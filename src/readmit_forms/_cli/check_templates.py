"""``check-templates``: check a templates folder (a translator's copy, or the bundled one)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .. import check_templates
from ._common import OK, add_json_option, print_json, report


def add(sub: Any) -> None:
    p = sub.add_parser(
        "check-templates",
        help="check that kk, ru and en templates match and are clean",
        description="Check a folder laid out like templates/ (kk/, ru/, en/): the same ids and "
        "placeholders in every language, no mixed scripts or stray foreign fragments, no empty "
        "or untranslated texts. Defects that the official texts themselves have (recorded as "
        "divergences in the agreement data) are reported as known and do not fail the check.",
    )
    p.add_argument(
        "folder",
        metavar="DIR",
        nargs="?",
        help="templates folder to check (default: the bundled templates)",
    )
    add_json_option(p)
    p.set_defaults(run=run_check_templates)


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
