"""Required and conditional items per agreement and form (agreement data ``requirements``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cases import BASELINE, Case, changed, codes

E, W = "error", "warning"

Row = tuple[str, Callable[[Case], Any] | None, str | None, set[tuple[str, str, str]]]


def _by_escorted(**escort: Any) -> Callable[[Case], None]:
    """A KZ–BY escorted transfer on Fri 27 Mar 2026; ``escort`` adds to (or, with None,
    removes from) a complete escort."""
    complete = {
        "surname": "Иванов",
        "given_names": "Иван",
        "position": "инспектор",
        "passport": {
            "kind": "служебный",
            "number": "P1",
            "issue_date": "2020-01-01",
            "expiry_date": "2030-01-01",
        },
    }
    merged = {k: v for k, v in {**complete, **escort}.items() if v is not None}
    return lambda case: case.update(
        handover={
            "date": "2026-03-27",
            "time": "09:00",
            "border_crossing_point": "Минск-2",
            "notice_date": "2026-03-16",
        },
        escorts=[merged],
    )


ROWS: dict[str, Row] = {
    # KZ–AT Art. 4(1)(a): name, date of birth, sex; if possible place of birth, last address
    "at-complete": ("at_own", None, "readmission-request", set()),
    "at-no-birth-date": (
        "at_own",
        lambda c: c["person"].pop("date_of_birth"),
        "readmission-request",
        {("item-missing", E, "person.date_of_birth")},
    ),
    "at-no-place-of-birth": (
        "at_own",
        lambda c: c["person"].pop("place_of_birth"),
        "readmission-request",
        {("item-if-possible", W, "person.place_of_birth")},
    ),
    # KZ–AT Art. 4(1)(b): the photograph, as far as possible
    "at-no-photo": (
        "at_own",
        lambda c: c["person"].pop("photo"),
        "interview-request",
        {("item-if-possible", W, "person.photo"), ("section-missing", E, "interview")},
    ),
    # spouse data only when married (Annex 7, section A, item 7)
    "at-married-with-spouse": (
        "at_own",
        lambda c: (
            c.update(spouse={"surnames": ["Сейітова"]})
            or c["person"].update(marital_status="married")
        ),
        "readmission-request",
        set(),
    ),
    "at-married-no-spouse": (
        "at_own",
        lambda c: c["person"].update(marital_status="married"),
        "readmission-request",
        {("item-missing", E, "spouse")},
    ),
    # KZ–AT Annex 1 Art. 3(1) and Art. 5(1): the notice, and escorts' data when escorted
    "at-notice-complete": (
        "at_own",
        lambda c: c.update(
            handover={
                "date": "2026-03-27",
                "time": "09:00",
                "mode": "air",
                "border_crossing_point": "kz-ala-airport",
                "health": "good",
                "escorted": False,
                "notice_date": "2026-03-18",
            }
        ),
        "handover-notice",
        set(),
    ),
    "at-notice-without-transfer": (
        "at_own",
        None,
        "handover-notice",
        {("section-missing", E, "handover")},
    ),
    "at-notice-no-time": (
        "at_own",
        lambda c: c.update(
            handover={
                "date": "2026-03-27",
                "mode": "air",
                "border_crossing_point": "kz-ala-airport",
                "health": "good",
                "escorted": False,
                "notice_date": "2026-03-18",
            }
        ),
        "handover-notice",
        {("item-missing", E, "handover.time")},
    ),
    "at-escorted-complete": (
        "at_own",
        lambda c: c.update(
            handover={
                "date": "2026-03-27",
                "time": "09:00",
                "mode": "air",
                "border_crossing_point": "kz-ala-airport",
                "health": "good",
                "notice_date": "2026-03-18",
            },
            escorts=[
                {
                    "surname": "Huber",
                    "given_names": "Anna",
                    "flight": "OS123",
                    "arrival": "2026-03-27T09:00",
                    "departure": "2026-03-28T11:00",
                    "passport": {
                        "number": "P1",
                        "issue_date": "2020-01-01",
                        "expiry_date": "2030-01-01",
                    },
                }
            ],
        ),
        "handover-notice",
        set(),
    ),
    "at-escorted-no-passport": (
        "at_own",
        lambda c: c.update(
            handover={
                "date": "2026-03-27",
                "time": "09:00",
                "mode": "air",
                "border_crossing_point": "kz-ala-airport",
                "health": "good",
                "notice_date": "2026-03-18",
            },
            escorts=[
                {
                    "surname": "Huber",
                    "given_names": "Anna",
                    "flight": "OS123",
                    "arrival": "2026-03-27T09:00",
                    "departure": "2026-03-28T11:00",
                }
            ],
        ),
        "handover-notice",
        {
            ("item-missing", E, "escorts[0].passport.number"),
            ("item-missing", E, "escorts[0].passport.issue_date"),
            ("item-missing", E, "escorts[0].passport.expiry_date"),
        },
    ),
    # KZ–AT Art. 9(1): the transit request and its statement
    "at-transit-complete": ("at_transit", None, "transit-request", set()),
    "at-transit-no-statement": (
        "at_transit",
        lambda c: c["transit"].pop("refusal_grounds_known"),
        "transit-request",
        {("item-missing", E, "transit.refusal_grounds_known")},
    ),
    "at-transit-no-document": (
        "at_transit",
        lambda c: c.pop("documents"),
        "transit-request",
        {("item-missing", E, "documents")},
    ),
    # KZ–BY Protocol Annex 3 (readmission request) and Art. 8(1) (escorts); the notice is
    # due 5 working days before Fri 27 Mar 2026, i.e. Tue 17 Mar (Nauryz 23–25 in KZ)
    "by-complete": ("by_own", None, "readmission-request", set()),
    "by-no-grounds": (
        "by_own",
        lambda c: c["unlawful_stay"].pop("grounds"),
        "readmission-request",
        {("item-missing", E, "unlawful_stay.grounds")},
    ),
    "by-escort-position": (
        "by_own",
        _by_escorted(stay_from="2026-03-27", stay_until="2026-03-28", position=None),
        "handover-notice",
        {("item-missing", E, "escorts[0].position")},
    ),
    # … the expected stay may be given as arrival and departure instead of dates
    "by-escort-arrival-departure": (
        "by_own",
        _by_escorted(arrival="2026-03-27T07:00", departure="2026-03-27T15:00"),
        "handover-notice",
        set(),
    ),
    "by-escort-no-stay": (
        "by_own",
        _by_escorted(arrival="2026-03-27T07:00"),
        "handover-notice",
        {("item-missing", E, "escorts[0].stay_until")},
    ),
    # every form at once: only the forms the case is sent with
    "at-every-form": ("at_own", None, None, set()),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_required_items(name: str) -> None:
    base, change, form, expected = ROWS[name]
    assert codes(changed(base, change), form) - BASELINE.get(base, set()) == expected
