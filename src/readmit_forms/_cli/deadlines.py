"""``deadlines``: every time limit of a case, with its due date and the article behind it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from .._agreements import get_agreement
from .._deadline_text import describe_schedule
from .._deadlines import deadlines
from .._errors import UsageError
from .._loading import load_case
from ._common import OK, add_photo_option, print_json
from .check import message_lang


def add(sub: Any) -> None:
    p = sub.add_parser(
        "deadlines",
        help="list every time limit of a case, with due dates and articles",
        description="Every time limit of the agreement that applies to CASE, computed from its "
        "dates: what, by whom, by when, counted how, under which article.",
    )
    p.add_argument("case", metavar="CASE", help="case file (JSON or YAML)")
    p.add_argument("--lang", help="language (default: the agreement's working language)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--today", help="the date to judge overdue limits by (default: today)")
    p.add_argument(
        "--calendar",
        help="state(s) whose working days count, e.g. KZ or KZ,AT (default: both Parties)",
    )
    add_photo_option(p)
    p.set_defaults(run=run_deadlines)


class _BadDate(UsageError):
    kind = "date"


class _BadCalendar(UsageError):
    kind = "calendar"


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _BadDate(value, ["YYYY-MM-DD"]) from None


def run_deadlines(args: argparse.Namespace) -> int:
    case = load_case(args.case, allow_photo_outside=args.allow_photo_outside)
    lang = message_lang(case.agreement, args.lang)
    agreement = get_agreement(case.agreement)
    calendar = None
    if args.calendar:
        calendar = [s.strip().upper() for s in args.calendar.split(",") if s.strip()]
        if not set(calendar) <= set(agreement.parties):
            raise _BadCalendar(args.calendar, list(agreement.parties))
    result = deadlines(case, today=_today(args.today), calendar=calendar)
    if args.json:
        print_json({"case": args.case, **result.to_dict()})
    else:
        sys.stdout.write("\n".join(describe_schedule(result, lang)) + "\n")
    return OK
