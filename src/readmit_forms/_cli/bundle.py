"""``bundle`` and ``extract``: the case bundle (PDF/A-3b) and the case back out of it."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import Lang
from ._common import OK, read_file, report, write_atomic, write_stdout


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


def _give(output: str | None, case_json: bytes) -> None:
    """The case to standard output, or into the file ``output``."""
    if output in (None, "-"):
        write_stdout(case_json)
    else:
        write_atomic(Path(str(output)), case_json)
        report(f"wrote {output}")


def run_extract(args: argparse.Namespace) -> int:
    from .. import extract, extract_filled, is_fillable

    data = read_file(args.pdf, "the PDF")
    if is_fillable(data):
        filled = extract_filled(data, source=args.pdf)
        _give(args.output, filled.case_json)
        report(
            f"{args.pdf}: {len(filled.read)} filled field(s) read into the case "
            f"({filled.form}, {filled.lang}); it matches the case schema"
        )
        for name in filled.not_read:
            report(f"{args.pdf}: note: {name} is filled but shows no single case field: not read")
        return OK
    contents = extract(data, source=args.pdf)
    _give(args.output, contents.case_json)
    report(
        f"{args.pdf}: {len(contents.documents)} document(s) and the case data "
        f"(case schema version {contents.schema_version}) match their SHA-256"
    )
    return OK
