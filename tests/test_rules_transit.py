"""Transit: third-country nationals only, admission onward assured, no known grounds for
refusal, by air and escorted where the agreement says so (KZ–AT Arts. 8–9, KZ–BY Agreement
Art. 7, KZ–HU Art. 4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cases import Case, changed, codes

E, W = "error", "warning"
TR = "transit-request"


def _transit(**values: Any) -> Callable[[Case], None]:
    return lambda case: case["transit"].update(values)


ROWS: dict[str, tuple[str, Callable[[Case], Any] | None, set[tuple[str, str, str]]]] = {
    "at-complete": ("at_transit", None, set()),
    # Art. 8(1): admission in the further transit states and the destination assured
    "at-not-assured": (
        "at_transit",
        _transit(admission_assured=False),
        {("transit-admission-not-assured", E, "transit.admission_assured")},
    ),
    # Art. 9(1): the request states that no grounds for refusal are known
    "at-grounds-known": (
        "at_transit",
        _transit(refusal_grounds_known=True),
        {("transit-refusal-grounds-known", E, "transit.refusal_grounds_known")},
    ),
    # Art. 1(7): transit of third-country nationals and stateless persons only
    "at-party-national": (
        "at_transit",
        lambda c: c["person"].update(nationality=["KZ"]),
        {("transit-party-national", E, "person.nationality")},
    ),
    "at-destination-party": (
        "at_transit",
        _transit(destination="AT"),
        {("transit-to-party", E, "transit.destination")},
    ),
    # KZ–HU Art. 4(1), (6): by air, under escort, tickets and the statement of admission
    "hu-complete": ("hu_transit", None, set()),
    "hu-by-land": (
        "hu_transit",
        _transit(mode="land-or-sea"),
        {("transit-not-by-air", E, "transit.mode")},
    ),
    "hu-unescorted": (
        "hu_transit",
        lambda c: c.update(escorts=[]) or _transit(escorted=False)(c),
        {("transit-not-escorted", E, "transit.escorted")},
    ),
    "hu-no-tickets": (
        "hu_transit",
        _transit(tickets_and_permits=None),
        {("transit-tickets-missing", E, "transit.tickets_and_permits")},
    ),
    "hu-no-admission-statement": (
        "hu_transit",
        _transit(destination_admission_statement=False),
        {("transit-admission-statement-missing", E, "transit.destination_admission_statement")},
    ),
    # Art. 4(4): the requested Party *may* refuse — a warning
    "hu-grounds-known": (
        "hu_transit",
        _transit(refusal_grounds_known=True),
        {("transit-refusal-grounds-known", W, "transit.refusal_grounds_known")},
    ),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_transit(name: str) -> None:
    base, change, expected = ROWS[name]
    assert codes(changed(base, change), TR) == expected


def test_by_transit_by_air_only() -> None:
    """KZ–BY Agreement Art. 7(9)."""
    case = changed("by_third")
    case.update(
        documents=[{"kind": "passport", "number": "GE1", "issuing_state": "GE"}],
        transit={
            "mode": "land-or-sea",
            "destination": "GE",
            "date": "2026-05-20",
            "time": "10:00",
            "border_crossing_point": "Минск-2",
            "escorted": False,
            "admission_assured": True,
        },
    )
    assert codes(case, TR) == {("transit-not-by-air", E, "transit.mode")}
    case["transit"]["mode"] = "air"
    assert codes(case, TR) == set()
