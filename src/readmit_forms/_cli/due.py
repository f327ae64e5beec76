"""``due``: every open time limit across the register, soonest first — the clerk's morning list."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from .. import InvalidValueError, Lang, OpenDeadline, describe_due
from ._common import OK, add_json_option, parse_date, print_json
from ._register_common import add_db_option, open_register


def add(sub: Any) -> None:
    p = sub.add_parser(
        "due",
        help="every open time limit across the register, soonest first",
        description="Every open time limit of every case in the register, soonest first, with "
        "its case, its article and whose action it is. Closed cases have none.",
    )
    p.add_argument(
        "--within", metavar="PERIOD", help="due from today to PERIOD ahead: 7d, 2w, 10 (days)"
    )
    p.add_argument(
        "--overdue",
        action="store_true",
        help="those whose day has passed (with --within: and those coming up)",
    )
    p.add_argument("--lang", choices=[lang.value for lang in Lang], default="en")
    add_json_option(p)
    p.add_argument("--today", metavar="YYYY-MM-DD", help="judge by this day (default: today)")
    add_db_option(p)
    p.set_defaults(run=run_due)


_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([dw]?)\s*$", re.IGNORECASE)


def days(value: str) -> int:
    """``7d`` → 7, ``2w`` → 14, ``10`` → 10."""
    match = _PERIOD.match(value)
    if match is None:
        raise InvalidValueError("period", value, ["7d", "2w", "10 (days)"])
    return int(match.group(1)) * (7 if match.group(2).lower() == "w" else 1)


def run_due(args: argparse.Namespace) -> int:
    within = days(args.within) if args.within else None
    with open_register(args) as register:
        today = parse_date(args.today) or register.today()
        items = register.due(within=within, overdue=args.overdue, today=today)
    lang = Lang(args.lang)
    if args.json:
        print_json(
            {
                "today": today.isoformat(),
                "within_days": within,
                "deadlines": [_json(item, lang) for item in items],
            }
        )
        return OK
    sys.stdout.write("\n".join(describe_due(items, lang, today=today)) + "\n")
    return OK


def _json(item: OpenDeadline, lang: Lang) -> dict[str, Any]:
    action, article = item.about(lang)
    return {**item.to_dict(), "action": action, "article": article}
