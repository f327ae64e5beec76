"""The transit request: route, crossing, admission onward, tickets, escorts, notes."""

from __future__ import annotations

from .._case import Case, Transit
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
    lines,
    text,
    when,
)
from .escorts import DETAILS, NAMES, escort_lines, escort_names

VALUES = Registry()


_CROSSING = ((TEXT, "border_crossing_point"), (DATE, "date"), (TIME, "time"))


def _crossing(ctx: Ctx, transit: Transit | None) -> str | None:
    if transit is None:
        return None
    return join(
        [crossing_point(ctx, transit.border_crossing_point), when(ctx, transit.date, transit.time)]
    )


@VALUES.choice("transit.mode", shows=((CODE, "mode"),))
def _transit_mode(ctx: Ctx, transit: Transit) -> frozenset[str] | None:
    return frozenset({transit.mode.value})


@VALUES.value("transit.destination", shows=((CODE, "destination"),))
def _destination(ctx: Ctx, transit: Transit) -> Value:
    return text(ctx.country(transit.destination))


@VALUES.value("transit.transit_states", shows=((CODE, "transit_states[]"),))
def _transit_states(ctx: Ctx, transit: Transit) -> Value:
    return text(join(ctx.country(code) for code in transit.transit_states))


@VALUES.value("transit.crossing_date_time", shows=_CROSSING)
def _transit_crossing(ctx: Ctx, transit: Transit) -> Value:
    return text(_crossing(ctx, transit))


@VALUES.value(
    "case.transit_crossing_escort_names",
    shows=(*((kind, f"transit.{path}") for kind, path in _CROSSING), *NAMES),
)
def _transit_crossing_escort_names(ctx: Ctx, case: Case) -> Value:
    """KZ–AT Annex 8 C.4: crossing point, date and time, and who escorts (names only:
    the footnote to C.7 asks for the escorts' details under D)."""
    names = escort_names(ctx, case.escorts)
    return lines([_crossing(ctx, case.transit), ctx.t("escorts", names=names) if names else None])


@VALUES.choice("case.transit_escorted", shows=((CODE, "transit.escorted"),))
def _transit_escorted(ctx: Ctx, case: Case) -> frozenset[str] | None:
    escorted = case.escorted_transit
    return None if escorted is None else frozenset({"escorted" if escorted else "unescorted"})


def _route(ctx: Ctx, case: Case) -> str | None:
    route = ctx.pick(case.transit.route) if case.transit else None
    return ctx.t("transit_route", route=route) if route else None


@VALUES.value("case.transit_notes", shows=((TEXT, "transit.route"), *DETAILS, (TEXT, "notes")))
def _transit_notes(ctx: Ctx, case: Case) -> Value:
    """KZ–AT Annex 8 D: the transit route, which the request must contain and the form has
    no item for (Art. 9(1)); the escorts, whose names are to be given here (C.7
    footnote); the remarks."""
    escorts = escort_lines(ctx, case.escorts) if case.escorted_transit else None
    return lines([_route(ctx, case), escorts, ctx.pick(case.notes)])


@VALUES.value("case.route_notes", shows=((TEXT, "transit.route"), (TEXT, "notes")))
def _route_notes(ctx: Ctx, case: Case) -> Value:
    """KZ–BY Annex 4 Г: the transit route (the form has no item for it), then the remarks."""
    return lines([_route(ctx, case), ctx.pick(case.notes)])
