"""``bundle`` and ``extract``: the case bundle (PDF/A-3b) and the case back out of it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .. import Lang
from ._common import OK, read_file, report, write_atomic, write_stdout


def add(sub: Any) -> None:
    p = sub.add_parser(
        "bundle",
        help="one PDF/A-3b file with every form of a case",
        description="A cover page (case reference; each document with its form, language, "
        "language status and SHA-256), then each form in each language, with bookmarks; the "
        "case data (JSON) and each document attached. Same input, same bytes.",
    )
    p.add_argument("case", metavar="CASE", help="case file, JSON or YAML")
    p.add_argument(
        "--forms",
        default="applicable",
        help="'applicable' (the forms the case is sent with; default), 'all', or form ids "
        "separated by commas",
    )
    p.add_argument(
        "--lang",
        action="append",
        help="kk, ru or en (repeat for several; default: the agreement's working language)",
    )
    p.add_argument("-o", "--output", required=True, metavar="BUNDLE.pdf")
    p.set_defaults(run=run_bundle)

    e = sub.add_parser(
        "extract",
        help="the case data out of a bundle, after checking its documents",
        description="Check every document of BUNDLE.pdf and the case data against the "
        "SHA-256 the bundle lists, then give back the attached case, byte for byte.",
    )
    e.add_argument("pdf", metavar="BUNDLE.pdf")
    e.add_argument("-o", "--output", metavar="CASE.json", help="file to write (default: stdout)")
    e.set_defaults(run=run_extract)


def _langs(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return [lang.value for lang in Lang] if "all" in parts else parts


def run_bundle(args: argparse.Namespace) -> int:
    from .. import bundle  # pikepdf only for the commands that use it

    data = bundle(args.case, forms=args.forms, langs=_langs(args.lang))
    write_atomic(Path(args.output), data)
    report(f"wrote {args.output} ({len(data)} bytes)")
    return OK


def run_extract(args: argparse.Namespace) -> int:
    from .. import extract

    contents = extract(read_file(args.pdf, "the bundle"), source=args.pdf)
    if args.output in (None, "-"):
        write_stdout(contents.case_json)
    else:
        write_atomic(Path(args.output), contents.case_json)
        report(f"wrote {args.output}")
    report(
        f"{args.pdf}: {len(contents.documents)} document(s) and the case data "
        f"(case schema version {contents.schema_version}) match their SHA-256"
    )
    return OK
