"""The person's statement (KZ–BY Protocol Annex 1)."""

from __future__ import annotations

from .._case import Statement
from ._core import DATE, NAME, TEXT, Ctx, Registry, Value, text

VALUES = Registry()


@VALUES.value("statement.relatives", shows=((TEXT, "relatives_in_requested_state"),))
def _relatives(ctx: Ctx, statement: Statement) -> Value:
    return text(ctx.pick(statement.relatives_in_requested_state))


@VALUES.value("statement.other", shows=((TEXT, "other_information"),))
def _other(ctx: Ctx, statement: Statement) -> Value:
    return text(ctx.pick(statement.other_information))


@VALUES.value("statement.date", shows=((DATE, "date"),))
def _statement_date(ctx: Ctx, statement: Statement) -> Value:
    return text(ctx.date(statement.date))


@VALUES.value("statement.place", shows=((TEXT, "place"),))
def _statement_place(ctx: Ctx, statement: Statement) -> Value:
    return text(ctx.pick(statement.place))


@VALUES.value("statement.official", shows=((NAME, "official.name"),))
def _statement_official(ctx: Ctx, statement: Statement) -> Value:
    official = statement.official
    return text(ctx.pick(official.name)) if official else None
