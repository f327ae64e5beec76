"""The notice of the transfer: date and time, crossing point, transport, health, security."""

from __future__ import annotations

from .._case import Case, Handover
from .._format import format_time
from ._core import (
    CODE,
    DATE,
    TEXT,
    TIME,
    Ctx,
    Registry,
    Value,
    crossing_point,
    join,
    text,
    when,
    yes_no,
)

VALUES = Registry()


@VALUES.value("handover.time", shows=((TIME, "time"),))
def _handover_time(ctx: Ctx, handover: Handover) -> Value:
    return text(format_time(handover.time, ctx.lang) if handover.time else None)


@VALUES.value("handover.date_time", shows=((DATE, "date"), (TIME, "time")))
def _handover_date_time(ctx: Ctx, handover: Handover) -> Value:
    return text(when(ctx, handover.date, handover.time))


@VALUES.value("handover.crossing_point", shows=((TEXT, "border_crossing_point"),))
def _handover_crossing(ctx: Ctx, handover: Handover) -> Value:
    return text(crossing_point(ctx, handover.border_crossing_point))


@VALUES.value("handover.transport", shows=((CODE, "mode"), (TEXT, "transport")))
def _handover_transport(ctx: Ctx, handover: Handover) -> Value:
    mode = ctx.t(f"transport.{handover.mode.value}") if handover.mode else None
    return text(join([mode, ctx.pick(handover.transport)], "; "))


@VALUES.value(
    "case.handover_health", shows=((TEXT, "handover.health"), (TEXT, "circumstances.health"))
)
def _handover_health(ctx: Ctx, case: Case) -> Value:
    if case.handover is not None and case.handover.health is not None:
        return text(ctx.pick(case.handover.health))
    if case.circumstances is not None:
        return text(ctx.pick(case.circumstances.health))
    return None


@VALUES.choice("case.handover_escorted", shows=((CODE, "handover.escorted"),))
def _handover_escorted(ctx: Ctx, case: Case) -> frozenset[str] | None:
    return yes_no(case.escorted_handover)
