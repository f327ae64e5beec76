"""The person's statement (KZ–BY Protocol Annex 1)."""

from __future__ import annotations

from typing import Any

from ._core import Ctx, Value, text, value

# -- the person's statement (KZ–BY Annex 1) ----------------------------------------------


@value("statement.relatives")
def _relatives(ctx: Ctx, statement: Any) -> Value:
    return text(ctx.pick(statement.relatives_in_requested_state))


@value("statement.other")
def _other(ctx: Ctx, statement: Any) -> Value:
    return text(ctx.pick(statement.other_information))


@value("statement.date")
def _statement_date(ctx: Ctx, statement: Any) -> Value:
    return text(ctx.date(statement.date))


@value("statement.place")
def _statement_place(ctx: Ctx, statement: Any) -> Value:
    return text(ctx.pick(statement.place))


@value("statement.official")
def _statement_official(ctx: Ctx, statement: Any) -> Value:
    official = statement.official
    return text(ctx.pick(official.name)) if official else None
