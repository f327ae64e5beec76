"""The time limits of a case in words, in kk, ru or en: what the ``deadlines`` command prints.

`describe_deadline` gives one limit as parts (the line a clerk reads first, then the
details), so a program can lay them out as it likes; `describe_schedule` gives the
whole schedule as lines of text. The words come from ``templates/<lang>/messages.yaml``
(``deadlines.*``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ._agreements import get_agreement
from ._calendars import Holiday, WeekendDay
from ._deadlines import DueDate, Schedule
from ._format import country_name, format_weekday, plural_category
from ._lang import Lang, parse_lang
from ._templates import Texts, texts

__all__ = ["DeadlineText", "actor_text", "describe_deadline", "describe_schedule", "when_text"]


@dataclass(frozen=True)
class DeadlineText:
    """One time limit in words: ``when`` it is due, its ``status`` word, the ``action`` and
    ``actor``; the ``rule`` ("within 30 calendar days of …") with its ``article``; where
    the count ``starts``; and ``details`` (the stricter provision, holidays skipped,
    extension, consequence, whether it is optional, when it was done)."""

    when: str
    status: str
    action: str
    actor: str
    rule: str
    article: str
    starts: str
    details: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """The limit as the ``deadlines`` command prints it."""
        head = f"{self.when}  [{self.status}]  {self.action} — {self.actor}"
        body = [f"{self.rule} [{self.article}]", self.starts, *self.details]
        return [head, *(f"    {line}" for line in body)]


def _length(t: Texts, relation: str, unit: str, n: int, lang: Lang) -> str:
    return t.format(f"messages.deadlines.units.{relation}.{unit}.{plural_category(n, lang)}", n=n)


def _event_words(t: Texts, due: DueDate, lang: Lang) -> str:
    """ "of the receipt of the request" / "before the transfer": the agreement's own words for
    its event, else the shared ones."""
    if due.event_words is not None:
        return due.event_words[lang]
    return t[f"messages.deadlines.{'since' if due.relation == 'within' else 'until'}.{due.event}"]


def _rule(t: Texts, due: DueDate, lang: Lang) -> str:
    words = _event_words(t, due, lang)
    if due.immediate:
        key = "immediately" if due.relation == "within" else "immediately_until"
        return t.format(f"messages.deadlines.{key}", since=words, until=words)
    length = _length(t, due.relation, due.unit, due.length, lang)
    if due.relation == "within":
        return t.format("messages.deadlines.within", length=length, since=words)
    return t.format("messages.deadlines.before", length=length, until=words)


def when_text(day: dt.date | None, time: dt.time | None) -> str:
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


def _states(codes: tuple[str, ...], lang: Lang) -> str:
    return ", ".join(country_name(code, lang) for code in codes)


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


def _details(t: Texts, due: DueDate, lang: Lang) -> list[str]:
    lines = [
        t.format(
            "messages.deadlines.stricter",
            other=f"{_rule(t, other, lang)} → {when_text(other.due, other.due_time)} "
            f"[{other.article[lang]}]",
        )
        for other in due.superseded
    ]
    if due.holidays or due.weekend_days:
        days = [(h.date, 1, _holiday(t, h, lang)) for h in due.holidays]
        days += [(w.date, 0, _weekend_day(t, w, due.calendar, lang)) for w in due.weekend_days]
        listed = "; ".join(text for *_, text in sorted(days))
        lines.append(t.format("messages.deadlines.not_counted", days=listed))
    if due.extension is not None:
        ext = due.extension
        key = "extension_to" if ext.total else "extension_by"
        relation = "within" if ext.total else "before"  # "up to N in all" / "by up to N"
        lines.append(
            t.format(
                f"messages.deadlines.{key}",
                length=_length(t, relation, ext.unit, ext.length, lang),
                condition=ext.condition[lang],
                due=ext.due.isoformat() if ext.due else t["messages.deadlines.extension_unknown"],
                article=ext.article[lang],
            )
        )
    if due.consequence is not None:
        lines.append(t.format("messages.deadlines.consequence", text=due.consequence[lang]))
    if due.optional:
        lines.append(t["messages.deadlines.optional"])
    if due.without_delay:
        lines.append(t["messages.deadlines.without_delay"])
    if due.deemed is not None:
        lines.append(t[f"messages.deadlines.deemed.{due.deemed}"])
    if due.unit == "working-days" and due.calendar_rule != "both":
        lines.append(
            t.format("messages.deadlines.calendar_own", states=_states(due.calendar, lang))
        )
    if due.done_on is not None:
        lines.append(
            t.format("messages.deadlines.done", date=due.done_on.isoformat(), field=due.done_field)
        )
    return lines


def actor_text(actor: str, state: str | None, lang: Lang) -> str:
    """Whose action a limit asks for: "the requested Party (Kazakhstan)"."""
    t = texts(lang)
    role = t[f"messages.deadlines.role.{actor}"]
    if state is None:
        return role
    return t.format("messages.deadlines.actor", role=role, state=country_name(state, lang))


def describe_deadline(due: DueDate, lang: Lang | str) -> DeadlineText:
    """One time limit of a schedule (see `deadlines`) in words, in ``lang``."""
    language = parse_lang(lang)
    t = texts(language)
    if due.start is None:
        starts = t.format("messages.deadlines.unknown_start", field=due.start_field)
    else:
        key = "starts" if due.relation == "within" else "starts_before"
        if due.after_limit:
            key = "starts_after_reply"  # runs from the end of another limit (the reply's)
        starts = t.format(
            f"messages.deadlines.{key}",
            date=when_text(due.start, due.start_time),
            field=due.start_field,
        )
    return DeadlineText(
        when=when_text(due.due, due.due_time),
        status=t[f"messages.deadlines.status.{due.status}"],
        action=due.action[language],
        actor=actor_text(due.actor, due.actor_state, language),
        rule=_rule(t, due, language),
        article=due.article[language],
        starts=starts,
        details=tuple(_details(t, due, language)),
    )


def describe_schedule(schedule: Schedule, lang: Lang | str) -> list[str]:
    """The whole schedule as lines of text in ``lang``, as the ``deadlines`` command prints it."""
    language = parse_lang(lang)
    t = texts(language)
    agreement = get_agreement(schedule.agreement)
    lines = [t.format("messages.deadlines.title", agreement=agreement.short[language])]
    if schedule.today is not None:
        lines.append(t.format("messages.deadlines.today", today=schedule.today.isoformat()))
    if any(item.unit == "working-days" for item in schedule.items):
        if schedule.both_states:
            first, *rest = (country_name(code, language) for code in schedule.calendar)
            lines.append(
                t.format("messages.deadlines.calendar_both", first=first, second=", ".join(rest))
            )
        else:
            states = _states(schedule.calendar, language)
            lines.append(t.format("messages.deadlines.calendar_one", states=states))
    if not schedule.items:
        key = "not_stated" if not agreement.deadlines else "none"
        lines.append(t[f"messages.deadlines.{key}"])
    for item in schedule.items:
        lines.append("")
        lines += describe_deadline(item, language).lines()
    return lines
