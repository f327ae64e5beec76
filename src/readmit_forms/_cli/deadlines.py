"""``deadlines``: every time limit of a case, with its due date and the article behind it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from .. import InvalidValueError, deadlines, describe_schedule, get_agreement, load_case
from ._common import OK, add_case_argument, add_json_option, parse_date, print_json
from .validate import message_lang


def add(sub: Any) -> None:
    p = sub.add_parser(
        "deadlines",
        help="list every time limit of a case, with due dates and articles",
        description="Every time limit of the agreement that applies to CASE, computed from its "
        "dates: what, by whom, by when, counted how, under which article.",
    )
    add_case_argument(p)
    p.add_argument("--lang", help="language (default: the agreement's working language)")
    add_json_option(p)
    p.add_argument("--today", help="the date to judge overdue limits by (default: today)")
    p.add_argument(
        "--calendar",
        help="state(s) whose working days count, e.g. KZ or KZ,AT (default: both Parties)",
    )
    p.set_defaults(run=run_deadlines)


def run_deadlines(args: argparse.Namespace) -> int:
    case = load_case(args.case, allow_photo_outside=args.allow_photo_outside)
    lang = message_lang(case.agreement, args.lang)
    agreement = get_agreement(case.agreement)
    calendar = None
    if args.calendar:
        calendar = [s.strip().upper() for s in args.calendar.split(",") if s.strip()]
        if not set(calendar) <= set(agreement.parties):
            raise InvalidValueError("calendar", args.calendar, list(agreement.parties))
    today = parse_date(args.today) or dt.date.today()
    result = deadlines(case, today=today, calendar=calendar)
    if args.json:
        print_json({"case": args.case, **result.to_dict()})
    else:
        sys.stdout.write("\n".join(describe_schedule(result, lang)) + "\n")
    return OK
