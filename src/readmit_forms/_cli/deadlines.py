"""``deadlines``: every time limit of a case, with its due date and the article behind it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from .. import InvalidValueError, deadlines, describe_schedule, get_agreement, load_case
from ._common import OK, parse_date, print_json
from .validate import message_lang


def run_deadlines(args: argparse.Namespace) -> int:
    case = load_case(args.case, allow_photo_outside=args.allow_photo_outside)
    lang = message_lang(case.agreement, args.lang)
    agreement = get_agreement(case.agreement)
    calendar = None
    if args.calendar:
        calendar = [s.strip().upper() for s in args.calendar.split(",") if s.strip()]
        if not set(calendar) <= set(agreement.states):
            raise InvalidValueError("calendar", args.calendar, list(agreement.states))
    today = parse_date(args.today) or dt.date.today()
    result = deadlines(case, today=today, calendar=calendar)
    if args.json:
        print_json({"case": args.case, **result.to_dict()})
    else:
        sys.stdout.write("\n".join(describe_schedule(result, lang)) + "\n")
    return OK
