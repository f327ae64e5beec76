"""``deadlines``: every time limit of a case, with its due date and the article behind it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from .._agreements import get_agreement
from .._calendars import Holiday, WeekendDay
from .._deadlines import DueDate, Schedule, deadlines
from .._errors import UsageError
from .._format import country_name, format_weekday, plural_category
from .._lang import Lang
from .._loading import load_case
from .._templates import Texts, texts
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
        sys.stdout.write("\n".join(describe(result, lang)) + "\n")
    return OK


# -- text --------------------------------------------------------------------------


def _length(t: Texts, relation: str, unit: str, n: int, lang: Lang) -> str:
    return t.format(f"messages.deadlines.units.{relation}.{unit}.{plural_category(n, lang)}", n=n)


def _states(codes: tuple[str, ...], lang: Lang) -> str:
    return ", ".join(country_name(code, lang) for code in codes)


def _rule(t: Texts, due: DueDate, lang: Lang) -> str:
    length = _length(t, due.relation, due.unit, due.length, lang)
    if due.relation == "within":
        since = t[f"messages.deadlines.since.{due.event}"]
        return t.format("messages.deadlines.within", length=length, since=since)
    until = t[f"messages.deadlines.until.{due.event}"]
    return t.format("messages.deadlines.before", length=length, until=until)


def _when(day: dt.date | None, time: dt.time | None) -> str:
    if day is None:
        return "????-??-??"
    return f"{day.isoformat()} {time.strftime('%H:%M')}" if time else day.isoformat()


def _holiday(t: Texts, holiday: Holiday, lang: Lang) -> str:
    return t.format(
        "messages.deadlines.holiday",
        date=holiday.date.isoformat(),
        name=holiday.name(lang),
        state=country_name(holiday.state, lang),
    )


def _weekend_day(t: Texts, day: WeekendDay, calendar: tuple[str, ...], lang: Lang) -> str:
    weekday = format_weekday(day.date, lang)
    if set(day.states) == set(calendar):
        return t.format(
            "messages.deadlines.weekend_day", date=day.date.isoformat(), weekday=weekday
        )
    return t.format(
        "messages.deadlines.weekend_day_in",
        date=day.date.isoformat(),
        weekday=weekday,
        states=_states(day.states, lang),
    )


def _item(t: Texts, due: DueDate, lang: Lang) -> list[str]:
    status = t[f"messages.deadlines.status.{due.status}"]
    role = t[f"messages.deadlines.role.{due.actor}"]
    actor = (
        t.format("messages.deadlines.actor", role=role, state=country_name(due.actor_state, lang))
        if due.actor_state
        else role
    )
    lines = [f"{_when(due.due, due.due_time)}  [{status}]  {due.action[lang]} — {actor}"]
    lines.append(f"    {_rule(t, due, lang)} [{due.article[lang]}]")
    if due.start is None:
        lines.append("    " + t.format("messages.deadlines.unknown_start", field=due.start_field))
    else:
        key = "starts" if due.relation == "within" else "starts_before"
        if due.event == "reply-period-end":
            key = "starts_after_reply"  # KZ–HU Art. 3(3): after the reply period ends
        start = _when(due.start, due.start_time)
        lines.append(
            "    " + t.format(f"messages.deadlines.{key}", date=start, field=due.start_field)
        )
    for other in due.superseded:
        lines.append(
            "    "
            + t.format(
                "messages.deadlines.stricter",
                other=f"{_rule(t, other, lang)} → {_when(other.due, other.due_time)} "
                f"[{other.article[lang]}]",
            )
        )
    if due.holidays or due.weekend_days:
        days = [(h.date, 1, _holiday(t, h, lang)) for h in due.holidays]
        days += [(w.date, 0, _weekend_day(t, w, due.calendar, lang)) for w in due.weekend_days]
        listed = "; ".join(text for *_, text in sorted(days))
        lines.append("    " + t.format("messages.deadlines.not_counted", days=listed))
    if due.extension is not None:
        ext = due.extension
        key = "extension_to" if ext.total else "extension_by"
        relation = "within" if ext.total else "before"  # "up to N in all" / "by up to N"
        lines.append(
            "    "
            + t.format(
                f"messages.deadlines.{key}",
                length=_length(t, relation, ext.unit, ext.length, lang),
                condition=ext.condition[lang],
                due=ext.due.isoformat() if ext.due else t["messages.deadlines.extension_unknown"],
                article=ext.article[lang],
            )
        )
    if due.consequence is not None:
        lines.append(
            "    " + t.format("messages.deadlines.consequence", text=due.consequence[lang])
        )
    if due.optional:
        lines.append("    " + t["messages.deadlines.optional"])
    if due.done_on is not None:
        lines.append(
            "    "
            + t.format(
                "messages.deadlines.done", date=due.done_on.isoformat(), field=due.done_field
            )
        )
    return lines


def describe(result: Schedule, lang: Lang) -> list[str]:
    """The schedule as lines of text in ``lang``."""
    t = texts(lang)
    agreement = get_agreement(result.agreement)
    lines = [t.format("messages.deadlines.title", agreement=agreement.short[lang])]
    if result.today is not None:
        lines.append(t.format("messages.deadlines.today", today=result.today.isoformat()))
    if any(item.unit == "working-days" for item in result.items):
        if result.both_states:
            first, *rest = (country_name(code, lang) for code in result.calendar)
            lines.append(
                t.format("messages.deadlines.calendar_both", first=first, second=", ".join(rest))
            )
        else:
            lines.append(
                t.format("messages.deadlines.calendar_one", states=_states(result.calendar, lang))
            )
    if not result.items:
        lines.append(
            t[
                "messages.deadlines.not_stated"
                if not agreement.deadlines
                else "messages.deadlines.none"
            ]
        )
    for item in result.items:
        lines.append("")
        lines += _item(t, item, lang)
    return lines
