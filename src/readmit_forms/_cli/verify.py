"""``verify``: check every signature of a PDF; exit 0 only if all are intact and trusted."""

from __future__ import annotations

import argparse
import sys

from ._common import OK, print_json, quiet_libraries, read_file, report


def _yes(value: bool | None) -> str:
    return "not checked" if value is None else "yes" if value else "NO"


def run_verify(args: argparse.Namespace) -> int:
    quiet_libraries()
    from .. import load_certificates, verify  # pyHanko only for the commands that verify

    roots = [
        cert for path in args.trust for cert in load_certificates(read_file(path, "--trust"), path)
    ]
    result = verify(read_file(args.pdf, "the PDF to check"), trust=roots, source=args.pdf)
    if args.json:
        print_json({"file": args.pdf, **result.as_dict()})
    else:
        out = sys.stdout
        for number, s in enumerate(result.signatures, start=1):
            when = s.signing_time.isoformat(sep=" ") if s.signing_time else "no time given"
            stamp = f", timestamp {s.timestamp.isoformat(sep=' ')}" if s.timestamp else ""
            out.write(
                f"{number}. {s.field}: {s.signer}, signed {when}{stamp} "
                f"({s.level}, {s.algorithm})\n"
                f"   intact: {_yes(s.intact)}; covers the whole file: {_yes(s.covers_whole_file)}; "
                f"added after it: {s.added_after}; chain trusted: {_yes(s.trusted)}\n"
                f"   {'VALID' if s.ok else 'NOT VALID: ' + '; '.join(s.problems)}\n"
            )
    for problem in result.problems:
        report(f"{args.pdf}: {problem}")
    count = len(result.signatures)
    if result.ok:
        report(f"{args.pdf}: {count} signature(s), all intact and trusted")
        return OK
    bad = sum(1 for s in result.signatures if not s.ok)
    if count:
        report(f"{args.pdf}: {bad} of {count} signature(s) not intact or not trusted")
    return 1
