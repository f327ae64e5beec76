"""Transit: only third-country nationals, admission onward assured, no known grounds for
refusal, by air and escorted where the agreement says so (KZ–AT Arts. 8–9, KZ–BY
Agreement Art. 7, KZ–HU Art. 4)."""

from __future__ import annotations

from collections.abc import Iterator

from .._findings import Finding
from ._check import Check, Rule
from ._common import in_play_needing, states
from ._provision_checks import provision_checks


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

    # admission assured, no known grounds for refusal, by air, escorted, tickets, the
    # destination's statement: checks declared in data/vocabulary.yaml
    yield from provision_checks(check, "transit")


RULES: tuple[Rule, ...] = (transit_conditions,)
