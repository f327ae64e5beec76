"""The open time limits across the register in words: what ``readmit-forms due`` prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .._deadline_text import actor_text, when_text
from .._lang import Lang, parse_lang
from .._templates import texts
from ._results import OpenDeadline

__all__ = ["describe_due"]


def _line(item: OpenDeadline, lang: Lang) -> str:
    t = texts(lang)
    action, article = item.about(lang)
    status = t[
        "messages.deadlines.status.overdue" if item.overdue else "messages.deadlines.status.open"
    ]
    optional = f" ({t['messages.deadlines.optional']})" if item.optional else ""
    whose = actor_text(item.actor, item.actor_state, lang)
    when = when_text(item.due, item.due_time)
    return f"{when:<16} [{status}]  {item.ref}  {action} — {whose}  [{article}]{optional}"


def describe_due(items: Sequence[OpenDeadline], lang: Lang | str, *, today: dt.date) -> list[str]:
    """The open limits `Register.due` lists, as lines of text in ``lang``: a title, then
    one line each (or a line saying there are none)."""
    language = parse_lang(lang)
    t = texts(language)
    lines = [t.format("register.due.title", count=str(len(items)), today=today.isoformat())]
    lines += [_line(item, language) for item in items] or [t["register.due.none"]]
    return lines
