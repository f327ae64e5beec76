"""``validate``: every problem of a case, one line each."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .._agreements import get_agreement
from .._case import Case
from .._category import category
from .._evidence import Concern, classify
from .._lang import LANGS, Lang, parse_lang
from .._loading import load_case
from .._templates import texts
from .._validate import validate
from ._common import OK, add_photo_option, print_json


def add(sub: Any) -> None:
    p = sub.add_parser("validate", help="check a case and list every finding")
    p.add_argument("case", metavar="CASE", help="case file (JSON or YAML)")
    p.add_argument("--form", help="check for this form only (default: every form)")
    p.add_argument(
        "--lang", help="language of the messages (default: the agreement's working language)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_photo_option(p)
    p.set_defaults(run=run_validate)


def message_lang(agreement_id: str, requested: str | None) -> Lang:
    """The language for messages: as asked, else the agreement's working language, else en."""
    if requested:
        return parse_lang(requested)
    working = get_agreement(agreement_id).languages.working
    if working.stated and working.value in LANGS:
        return Lang(working.value)
    return Lang.EN


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
                "evidence": _evidence(case),
            }
        )
    else:
        for finding in findings:
            sys.stdout.write(finding.line(lang) + "\n")
        words = texts(lang)
        scope = words.format("messages.verdict.scope", form=args.form) if args.form else ""
        verdict = "messages.verdict.invalid" if errors else "messages.verdict.valid"
        sys.stdout.write(
            words.format(
                verdict,
                case=args.case,
                scope=scope,
                errors=len(errors),
                warnings=len(findings) - len(errors),
            )
            + "\n"
        )
    return 1 if errors else OK


def _evidence(case: Case) -> list[dict[str, Any]]:
    """What each document counts as under the agreement's lists (for the person's case)."""
    agreement = get_agreement(case.agreement)
    concerns: Concern = "third-country" if category(case) == "third-country" else "nationality"
    return [
        {
            "path": c.path,
            "strength": c.strength,
            "concerns": c.concerns,
            "list": c.evidence_list.id if c.evidence_list else None,
            "source": c.evidence_list.source.model_dump() if c.evidence_list else None,
        }
        for c in classify(case, agreement, concerns=concerns)
    ]
