"""``check-agreement``: check an agreement pack as it would load, and its templates."""

from __future__ import annotations

import argparse
import sys

from .. import check_pack
from ._common import OK, print_json, report


def run_check_agreement(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        report(f"{args.folder}: not a folder")
        return 2
    result = check_pack(args.folder, replace=args.replace_agreements)
    templates = result.templates
    for problem in result.problems:
        report(str(problem))  # one line each on standard error, as when the pack loads
    if args.json:
        print_json(result.to_dict())
    else:
        out = sys.stdout
        if templates is not None:
            for template_problem in templates.problems:
                out.write(f"FAIL   {template_problem.line()}\n")
            for note in templates.notes:
                out.write(f"note   {note}\n")
        verdict = "ok" if result.ok else "problems found"
        out.write(f"{result.folder}: {verdict}; agreements: {', '.join(result.agreements)}\n")
    if result.problems or (templates is not None and templates.unreadable):
        return 2
    return OK if result.ok else 1
