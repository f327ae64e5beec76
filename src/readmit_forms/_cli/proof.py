"""``proof``: the translators' proof of a form — kk, ru and en side by side, flagged."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import check_format, load_case, render_proof
from ._common import OK, output_path, report, write_atomic, write_stdout


def run_proof(args: argparse.Namespace) -> int:
    check_format(args.format)  # unknown format: usage error before any work
    if args.templates is not None and not Path(args.templates).is_dir():
        report(f"{args.templates}: not a folder")
        return 2
    case = load_case(args.case, allow_photo_outside=args.allow_photo_outside)
    data = render_proof(
        case, form=args.form, format=args.format, lang=args.lang, templates=args.templates
    )
    target = output_path(
        args.output, f"{Path(args.case).stem}.{args.form}.proof.{args.format}", many=False
    )
    if target is None:
        write_stdout(data)
        return OK
    write_atomic(target, data)
    report(f"wrote {target}")
    return OK
