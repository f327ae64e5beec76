"""``due``: every open time limit across the register, soonest first — the clerk's morning list."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from .. import InvalidValueError, Lang, OpenDeadline, describe_due
from ._common import OK, parse_date, print_json
from ._register_common import open_register

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
