"""``proof``: the translators' proof of a form — kk, ru and en side by side, flagged."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import check_format, formats, load_case, render_proof
from ._common import OK, add_case_argument, output_path, report, write_atomic, write_stdout


def add(sub: Any) -> None:
    p = sub.add_parser(
        "proof",
        help="the form in kk, ru and en side by side, for translators",
        description="Render FORM of CASE in Kazakh, Russian and English side by side, item by "
        "item, flagging missing items, untranslated free text, values that differ between "
        "languages, and the recorded divergences between the official language versions "
        "(with the version that prevails).",
    )
    add_case_argument(p)
    p.add_argument("--form", required=True, help="form id, e.g. readmission-request")
    p.add_argument(
        "--format", default="pdf", help=f"output format ({', '.join(sorted(formats()))})"
    )
    p.add_argument("-o", "--output", help="output file, or - for standard output")
    p.add_argument(
        "--lang", default="en", help="language of the proof's own headings and notes (default: en)"
    )
    p.add_argument(
        "--templates",
        metavar="DIR",
        help="proof a copy of the templates folder (kk/, ru/, en/) instead of the bundled one",
    )
    p.set_defaults(run=run_proof)


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
