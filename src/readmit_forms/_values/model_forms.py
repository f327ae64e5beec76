"""Items of the KZ–AT Annexes 2 and 8 and of the KZ–HU and KZ–FR model forms."""

from __future__ import annotations

from typing import Any

from .._case import (
    Case,
    Escort,
    PersonCore,
)
from .._evidence import reference_date
from ._core import Ctx, Value, choice, join, lines, value
from .people import plain_name
from .transfer import crossing_point, when, yes_no

# -- KZ–AT Annexes 2 and 8; model forms for KZ–HU and KZ–FR ----------------------------


def _escort_full_name(ctx: Ctx, escort: Escort) -> str | None:
    return join([ctx.pick(escort.surname), ctx.pick(escort.given_names)], " ")


@value("case.transit_crossing_escort_names")
def _transit_crossing_escort_names(ctx: Ctx, case: Case) -> Value:
    """KZ–AT Annex 8 C.4: crossing point, date and time, and who escorts (names only:
    the footnote to C.7 asks for the escorts' details under D)."""
    transit = case.transit
    crossing = None
    if transit is not None:
        where = crossing_point(ctx, transit.border_crossing_point)
        crossing = join([where, when(ctx, transit.date, transit.time)])
    names = join(_escort_full_name(ctx, escort) for escort in case.escorts)
    return lines([crossing, ctx.t("escorts", names=names) if names else None])


@choice("case.readmission_ground")
def _readmission_ground(ctx: Ctx, case: Case) -> frozenset[str] | None:
    """Model forms: whom the request concerns — a national of the requested State
    (KZ–HU Art. 1) or a third-country national or stateless person (Art. 2), and for
    the latter which ground of Art. 2 the case shows: entry directly from the requested
    State (Art. 2(1)) or a valid visa or residence permit it issued (Art. 2(2))."""
    nationality = case.person.nationality
    if case.requested_state in nationality:
        return frozenset({"own-national"})
    if not nationality or nationality == ["unknown"]:
        return None
    codes = {"third-country"}
    stay = case.unlawful_stay
    if stay is not None and stay.entered_from == case.requested_state:
        codes.add("third-country-direct")
    on = reference_date(case)
    for permit in case.permits:
        valid = permit.expiry_date is None or on is None or permit.expiry_date >= on
        issued_there = permit.issuing_state == case.requested_state
        if issued_there and valid and permit.kind.value != "transit-visa":
            codes.add("third-country-permit")
    return frozenset(codes)


def _name_born(ctx: Ctx, person: PersonCore) -> str | None:
    born = ctx.t("born", date=ctx.date(person.date_of_birth)) if person.date_of_birth else None
    return join([plain_name(ctx, person), born])


@value("case.family_members")
def _family_members(ctx: Ctx, case: Case) -> Value:
    """The spouse and children transferred with the person, with their dates of birth."""
    return lines(_name_born(ctx, member) for member in case.transferred_family)


@choice("transit.tickets_and_permits")
def _tickets_and_permits(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return yes_no(transit.tickets_and_permits)


@choice("transit.destination_admission_statement")
def _admission_statement(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return yes_no(transit.destination_admission_statement)
