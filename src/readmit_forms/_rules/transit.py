"""Transit: only third-country nationals, admission onward assured, no known grounds for
refusal, by air and escorted where the agreement says so (KZ–AT Arts. 8–9, KZ–BY
Agreement Art. 7, KZ–HU Art. 4)."""

from __future__ import annotations

from collections.abc import Iterator

from .._case import TransitMode
from .._findings import Finding, Severity
from ._check import Check, Rule
from ._common import in_play_needing, severity, states


def transit_conditions(check: Check) -> Iterator[Finding]:
    case, agreement = check.case, check.agreement
    transit = case.transit
    if transit is None or not in_play_needing(check, "transit"):
        return
    parties = set(agreement.states)

    only = agreement.provision("transit-third-country-only")
    if only is not None:
        own = [n for n in case.person.nationality if n in parties]
        if own:
            yield check.finding(
                "transit-party-national", "person.nationality", only.source, state=states(own)
            )
        stops = [s for s in (*transit.transit_states, transit.destination) if s in parties]
        if stops:
            yield check.finding(
                "transit-to-party", "transit.destination", only.source, state=states(stops)
            )

    assured = agreement.provision("transit-admission-assured")
    if assured is not None and transit.admission_assured is False:
        yield check.finding(
            "transit-admission-not-assured",
            "transit.admission_assured",
            assured.source,
            states=states([*transit.transit_states, transit.destination]),
        )

    refusal = agreement.provision("transit-refusal-grounds")
    if refusal is not None and transit.refusal_grounds_known:
        yield check.finding(
            "transit-refusal-grounds-known",
            "transit.refusal_grounds_known",
            refusal.source,
            severity(refusal.severity, Severity.WARNING),
        )

    by_air = agreement.provision("transit-by-air")
    if by_air is not None and transit.mode is not TransitMode.AIR:
        yield check.finding("transit-not-by-air", "transit.mode", by_air.source)

    escorted = agreement.provision("transit-escorted")
    if escorted is not None and case.escorted_transit is not True:
        yield check.finding("transit-not-escorted", "transit.escorted", escorted.source)

    tickets = agreement.provision("transit-tickets")
    if tickets is not None and transit.tickets_and_permits is not True:
        yield check.finding(
            "transit-tickets-missing", "transit.tickets_and_permits", tickets.source
        )

    statement = agreement.provision("transit-admission-statement")
    if statement is not None and transit.destination_admission_statement is not True:
        yield check.finding(
            "transit-admission-statement-missing",
            "transit.destination_admission_statement",
            statement.source,
            state=states([transit.destination]),
        )


RULES: tuple[Rule, ...] = (transit_conditions,)
