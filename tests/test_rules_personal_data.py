"""Personal data the agreement does not allow to be sent (KZ–HU Art. 5(3); KZ–AT Art. 12(1)(a))."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import readmit_forms as rf
from cases import Case, changed, codes

W = "warning"

ROWS: dict[str, tuple[str, Callable[[Case], Any] | None, set[tuple[str, str, str]]]] = {
    # KZ–HU Art. 5(3)(1)–(3): particulars, documents, permits may be sent
    "hu-particulars": ("hu_third", None, set()),
    # … a description, the languages, health and a photograph may not
    "hu-description": (
        "hu_third",
        lambda c: c["person"].update(description={"height_cm": 180}),
        {("personal-data-not-allowed", W, "person.description")},
    ),
    "hu-health": (
        "hu_third",
        lambda c: c.update(circumstances={"health": "diabetes"}),
        {("personal-data-not-allowed", W, "circumstances.health")},
    ),
    "hu-child-languages": (
        "hu_third",
        lambda c: c.update(
            children=[{"surnames": ["A"], "date_of_birth": "2015-01-01", "languages": ["tg"]}]
        ),
        {("personal-data-not-allowed", W, "children[0].languages")},
    ),
    # Art. 5(3)(7): asylum applications — for third-country nationals only
    "hu-asylum-third-country": (
        "hu_third",
        lambda c: c["unlawful_stay"].update(asylum_applications="2025, Hungary"),
        set(),
    ),
    # KZ–AT: Art. 4(1) and the annex forms ask for the photograph, description, health …
    "at-request-data": (
        "at_own",
        lambda c: (
            c["person"].update(description={"height_cm": 180}, languages=["kk"])
            or c.update(circumstances={"health": "good"})
        ),
        set(),
    ),
    # … but not the person's statement of the KZ–BY form or the list of legal obstacles
    "at-statement": (
        "at_own",
        lambda c: c.update(statement={"other_information": "…"}),
        {("personal-data-not-allowed", W, "statement.other_information")},
    ),
    "at-legal-obstacles": (
        "at_own",
        lambda c: c["unlawful_stay"].update(legal_obstacles=["court order"]),
        {("personal-data-not-allowed", W, "unlawful_stay.legal_obstacles")},
    ),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_personal_data(name: str) -> None:
    base, change, expected = ROWS[name]
    assert codes(changed(base, change)) == expected


def test_hu_asylum_applications_of_own_nationals_are_flagged() -> None:
    case = changed("hu_third", lambda c: c["person"].update(nationality=["KZ"]))
    case["unlawful_stay"]["asylum_applications"] = "2025, Hungary"
    found = [f for f in rf.validate(case) if f.code == "personal-data-not-allowed"]
    assert [f.path for f in found] == ["unlawful_stay.asylum_applications"]
    assert found[0].article == "Kazakhstan–Hungary Readmission Agreement, Art. 5(3)"
