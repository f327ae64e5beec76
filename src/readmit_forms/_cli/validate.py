"""``validate``: every problem of a case, one line each, and the verdict."""

from __future__ import annotations

import argparse
import sys

from .. import Lang, describe_findings, evidence_report, get_agreement, load_case, validate
from ._common import OK, print_json


def message_lang(agreement_id: str, requested: str | None) -> Lang:
    """The language for messages: as asked, else the agreement's working language, else en."""
    if requested:
        return Lang.parse(requested)
    return get_agreement(agreement_id).default_lang()


def run_validate(args: argparse.Namespace) -> int:
    case = load_case(args.case, allow_photo_outside=args.allow_photo_outside)
    lang = message_lang(case.agreement, args.lang)
    findings = validate(case, args.form)
    errors = [f for f in findings if f.is_error]
    if args.json:
        print_json(
            {
                "case": args.case,
                "agreement": case.agreement,
                "form": args.form,
                "valid": not errors,
                "findings": [f.to_dict() for f in findings],
                "evidence": [entry.to_dict() for entry in evidence_report(case)],
            }
        )
    else:
        lines = describe_findings(findings, lang, case=args.case, form=args.form)
        sys.stdout.write("".join(line + "\n" for line in lines))
    return 1 if errors else OK
