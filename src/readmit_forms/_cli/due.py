"""``due``: every open time limit across the register, soonest first — the clerk's morning list."""

from __future__ import annotations

import argparse
import re
import sys
from functools import cache
from typing import Any

from .._agreements import get_agreement
from .._errors import UsageError
from .._findings import articles
from .._format import country_name
from .._lang import LANGS, Lang
from .._register._results import OpenDeadline
from .._templates import Texts, texts
from ._common import OK, print_json
from .register import add_db_option, open_register, parse_date


class _BadPeriod(UsageError):
    kind = "period"


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
    p.add_argument("--lang", choices=[lang.value for lang in LANGS], default="en")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="judge by this day (default: today)")
    add_db_option(p)
    p.set_defaults(run=run_due)


_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([dw]?)\s*$", re.IGNORECASE)


def days(value: str) -> int:
    """``7d`` → 7, ``2w`` → 14, ``10`` → 10."""
    match = _PERIOD.match(value)
    if match is None:
        raise _BadPeriod(value, ["7d", "2w", "10 (days)"])
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
    t = texts(lang)
    out = [t.format("register.due.title", count=str(len(items)), today=today.isoformat())]
    out += [_line(t, item, lang) for item in items] or [t["register.due.none"]]
    sys.stdout.write("\n".join(out) + "\n")
    return OK


@cache
def _limit(agreement_id: str, deadline_id: str, lang: Lang) -> tuple[str, str]:
    """What the limit asks and the article behind it (a register holds a few dozen kinds)."""
    agreement = get_agreement(agreement_id)
    deadline = agreement.deadline(deadline_id)
    return deadline.action[lang], articles(agreement, [deadline.source])[lang]


def _about(item: OpenDeadline, lang: Lang) -> tuple[str, str]:
    return _limit(item.agreement, item.deadline, lang)


@cache
def _whose(actor: str, state: str | None, lang: Lang) -> str:
    t = texts(lang)
    role = t[f"messages.deadlines.role.{actor}"]
    if state is None:
        return role
    return t.format("messages.deadlines.actor", role=role, state=country_name(state, lang))


def _actor(t: Texts, item: OpenDeadline, lang: Lang) -> str:
    return _whose(item.actor, item.actor_state, lang)


def _line(t: Texts, item: OpenDeadline, lang: Lang) -> str:
    action, article = _about(item, lang)
    when = item.due.isoformat() + (f" {item.due_time.strftime('%H:%M')}" if item.due_time else "")
    status = t[
        "messages.deadlines.status.overdue" if item.overdue else "messages.deadlines.status.open"
    ]
    optional = f" ({t['messages.deadlines.optional']})" if item.optional else ""
    return (
        f"{when:<16} [{status}]  {item.ref}  {action} — {_actor(t, item, lang)}"
        f"  [{article}]{optional}"
    )


def _json(item: OpenDeadline, lang: Lang) -> dict[str, Any]:
    action, article = _about(item, lang)
    return {**item.to_dict(), "action": action, "article": article}
