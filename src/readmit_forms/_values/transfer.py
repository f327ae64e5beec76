"""Transit and handover: crossing points, dates, transport, escorts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .._case import (
    Case,
    Escort,
)
from .._format import (
    format_datetime,
    format_time,
)
from .._lang import Lang
from ._core import Ctx, Value, choice, join, lines, text, value
from .people import age_text, plain_name

# -- transit and handover ---------------------------------------------------------------


def crossing_point(ctx: Ctx, point: str | dict[Lang, str] | None) -> str | None:
    """A border crossing point: its name in the agreement data, or as the case gives it."""
    if point is None:
        return None
    if isinstance(point, str):
        for known in ctx.agreement.border_crossing_points:
            if known.id == point:
                return known.name[ctx.lang]
    return ctx.pick(point)


def when(ctx: Ctx, date: dt.date | None, time: dt.time | None) -> str | None:
    return join([ctx.date(date), format_time(time, ctx.lang) if time else None])


def yes_no(flag: bool | None) -> frozenset[str] | None:
    return None if flag is None else frozenset({"yes" if flag else "no"})


@choice("transit.mode")
def _transit_mode(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return frozenset({transit.mode.value})


@value("transit.destination")
def _destination(ctx: Ctx, transit: Any) -> Value:
    return text(ctx.country(transit.destination))


@value("transit.transit_states")
def _transit_states(ctx: Ctx, transit: Any) -> Value:
    return text(join(ctx.country(code) for code in transit.transit_states))


@value("transit.route")
def _transit_route(ctx: Ctx, transit: Any) -> Value:
    return text(ctx.pick(transit.route))


@value("transit.crossing_date_time")
def _transit_crossing(ctx: Ctx, transit: Any) -> Value:
    return text(
        join(
            [
                crossing_point(ctx, transit.border_crossing_point),
                when(ctx, transit.date, transit.time),
            ]
        )
    )


@value("case.transit_crossing_escorts")
def _transit_crossing_escorts(ctx: Ctx, case: Case) -> Value:
    transit = case.transit
    crossing = (
        join(
            [
                crossing_point(ctx, transit.border_crossing_point),
                when(ctx, transit.date, transit.time),
            ]
        )
        if transit
        else None
    )
    return lines([crossing, escort_lines(ctx, case.escorts)])


@choice("transit.admission_assured")
def _admission(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return yes_no(transit.admission_assured)


@choice("transit.refusal_grounds_known")
def _refusal_known(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return yes_no(transit.refusal_grounds_known)


@value("transit.refusal_grounds")
def _refusal_grounds(ctx: Ctx, transit: Any) -> Value:
    return text(ctx.pick(transit.refusal_grounds))


@choice("case.transit_escorted")
def _transit_escorted(ctx: Ctx, case: Case) -> frozenset[str] | None:
    escorted = case.escorted_transit
    return None if escorted is None else frozenset({"escorted" if escorted else "unescorted"})


@choice("case.handover_escorted")
def _handover_escorted(ctx: Ctx, case: Case) -> frozenset[str] | None:
    return yes_no(case.escorted_handover)


@value("handover.mode")
def _handover_mode(ctx: Ctx, handover: Any) -> Value:
    return text(ctx.t(f"transport.{handover.mode.value}") if handover.mode else None)


@choice("handover.mode")
def _handover_mode_choice(ctx: Ctx, handover: Any) -> frozenset[str] | None:
    return frozenset({handover.mode.value}) if handover.mode else None


@value("handover.date")
def _handover_date(ctx: Ctx, handover: Any) -> Value:
    return text(ctx.date(handover.date))


@value("handover.time")
def _handover_time(ctx: Ctx, handover: Any) -> Value:
    return text(format_time(handover.time, ctx.lang) if handover.time else None)


@value("handover.date_time")
def _handover_date_time(ctx: Ctx, handover: Any) -> Value:
    return text(when(ctx, handover.date, handover.time))


@value("handover.crossing_point")
def _handover_crossing(ctx: Ctx, handover: Any) -> Value:
    return text(crossing_point(ctx, handover.border_crossing_point))


@value("handover.transport")
def _handover_transport(ctx: Ctx, handover: Any) -> Value:
    mode = ctx.t(f"transport.{handover.mode.value}") if handover.mode else None
    return text(join([mode, ctx.pick(handover.transport)], "; "))


@value("handover.route")
def _handover_route(ctx: Ctx, handover: Any) -> Value:
    return text(ctx.pick(handover.route))


@value("case.handover_health")
def _handover_health(ctx: Ctx, case: Case) -> Value:
    if case.handover is not None and case.handover.health is not None:
        return text(ctx.pick(case.handover.health))
    if case.circumstances is not None:
        return text(ctx.pick(case.circumstances.health))
    return None


@value("handover.security_measures")
def _security(ctx: Ctx, handover: Any) -> Value:
    return text(ctx.pick(handover.security_measures))


def escort_line(ctx: Ctx, escort: Escort) -> str:
    name = join([ctx.pick(escort.surname), ctx.pick(escort.given_names)], " ")
    passport = escort.passport
    passport_text = None
    if passport is not None:
        passport_text = join(
            [
                join(
                    [
                        ctx.pick(passport.kind) or ctx.t("document.passport"),
                        ctx.t("number", number=passport.number) if passport.number else None,
                    ],
                    " ",
                ),
                ctx.t("issued_on", date=ctx.date(passport.issue_date))
                if passport.issue_date
                else None,
                ctx.t("valid_until", date=ctx.date(passport.expiry_date))
                if passport.expiry_date
                else None,
            ],
            ", ",
        )
    stay = None
    if escort.stay_from or escort.stay_until:
        stay = ctx.t(
            "stay", start=ctx.date(escort.stay_from) or "…", end=ctx.date(escort.stay_until) or "…"
        )
    return (
        join(
            [
                join([name, ctx.pick(escort.position)], ", "),
                passport_text,
                ctx.t("flight", flight=escort.flight) if escort.flight else None,
                ctx.t("arrival", when=format_datetime(escort.arrival, ctx.lang))
                if escort.arrival
                else None,
                ctx.t("departure", when=format_datetime(escort.departure, ctx.lang))
                if escort.departure
                else None,
                stay,
            ],
            "; ",
        )
        or ""
    )


def escort_lines(ctx: Ctx, escorts: Sequence[Escort]) -> str | None:
    return join((escort_line(ctx, escort) for escort in escorts), "\n")


@value("case.escorts")
def _escorts(ctx: Ctx, case: Case) -> Value:
    return text(escort_lines(ctx, case.escorts))


@value("case.escort_names")
def _escort_names(ctx: Ctx, case: Case) -> Value:
    return text(
        join(join([ctx.pick(e.surname), ctx.pick(e.given_names)], " ") for e in case.escorts)
    )


def _route(ctx: Ctx, case: Case) -> str | None:
    route = ctx.pick(case.transit.route) if case.transit else None
    return ctx.t("transit_route", route=route) if route else None


@value("case.transit_notes")
def _transit_notes(ctx: Ctx, case: Case) -> Value:
    """KZ–AT Annex 8 D: the transit route, which the request must contain and the form has
    no item for (Art. 9(1)); the escorts, whose names are to be given here (C.7
    footnote); the remarks."""
    escorts = escort_lines(ctx, case.escorts) if case.escorted_transit else None
    return lines([_route(ctx, case), escorts, ctx.pick(case.notes)])


@value("case.route_notes")
def _route_notes(ctx: Ctx, case: Case) -> Value:
    """KZ–BY Annex 4 Г: the transit route (the form has no item for it), then the remarks."""
    return lines([_route(ctx, case), ctx.pick(case.notes)])


@value("case.family_names_ages")
def _family_names_ages(ctx: Ctx, case: Case) -> Value:
    """Spouse and children transferred with the person: name, and age where known."""
    return lines(
        join([plain_name(ctx, member), age_text(ctx, member.date_of_birth)], ", ")
        for member in case.transferred_family
    )


@value("escort.given_names_surname")
def _escort_name(ctx: Ctx, escort: Escort) -> Value:
    """Protocol Art. 8(1): "имена, фамилии" of the escorts."""
    return text(join([ctx.pick(escort.given_names), ctx.pick(escort.surname)], " "))


@value("escort.position")
def _escort_position(ctx: Ctx, escort: Escort) -> Value:
    return text(ctx.pick(escort.position))


@value("escort.passport_kind")
def _escort_passport_kind(ctx: Ctx, escort: Escort) -> Value:
    passport = escort.passport
    if passport is None:
        return None
    return text(ctx.pick(passport.kind) or ctx.t("document.passport"))


@value("escort.passport_number")
def _escort_passport_number(ctx: Ctx, escort: Escort) -> Value:
    return text(escort.passport.number if escort.passport else None)


@value("escort.passport_issue_date")
def _escort_passport_issued(ctx: Ctx, escort: Escort) -> Value:
    return text(ctx.date(escort.passport.issue_date) if escort.passport else None)


@value("escort.passport_expiry_date")
def _escort_passport_expiry(ctx: Ctx, escort: Escort) -> Value:
    return text(ctx.date(escort.passport.expiry_date) if escort.passport else None)


@value("escort.expected_stay")
def _escort_stay(ctx: Ctx, escort: Escort) -> Value:
    """Protocol Art. 8(1): the expected period of stay; else the arrival and departure days."""
    start = escort.stay_from or (escort.arrival.date() if escort.arrival else None)
    end = escort.stay_until or (escort.departure.date() if escort.departure else None)
    if start is None and end is None:
        return None
    if start == end:
        return text(ctx.date(start))
    return text(ctx.t("kz-by.period", start=ctx.date(start) or "…", end=ctx.date(end) or "…"))
