"""Consistency: dates in order, children minors and unmarried (KZ–AT Art. 2(2)(a)), escorts'
passports valid (KZ–BY Protocol Art. 8(3)), spouse data only for a married person."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from cases import Case, changed, codes

E, W = "error", "warning"


def _child(**values: Any) -> Callable[[Case], None]:
    child = {"surnames": ["Сейітов"], "date_of_birth": "2012-04-01", "marital_status": "single"}
    return lambda case: case.update(children=[{**child, **values}])


ROWS: dict[str, tuple[str, Callable[[Case], Any] | None, str | None, set[tuple[str, str, str]]]] = {
    # birth before issue before expiry; no birth after the case's own date
    "document-in-order": ("at_own", None, None, set()),
    "expiry-before-issue": (
        "at_own",
        lambda c: c["documents"][0].update(expiry_date="2019-01-01"),
        None,
        {("expiry-before-issue", E, "documents[0].expiry_date")},
    ),
    "issued-before-birth": (
        "at_own",
        lambda c: c["documents"][0].update(issue_date="1989-01-01"),
        None,
        {("issued-before-birth", E, "documents[0].issue_date")},
    ),
    "issued-after-case": (
        "at_own",
        lambda c: c["documents"][0].update(issue_date="2026-03-03"),
        None,
        {("issued-after-reference", E, "documents[0].issue_date")},
    ),
    "born-after-case": (
        "at_own",
        lambda c: c["person"].update(date_of_birth="2026-03-05"),
        None,
        {
            ("born-after-reference", E, "person.date_of_birth"),
            ("issued-before-birth", E, "documents[0].issue_date"),
        },
    ),
    # KZ–AT Art. 2(2)(a): minor, unmarried children under 18
    "child-minor": ("at_own", _child(), None, set()),
    "child-18": (
        "at_own",
        _child(date_of_birth="2008-03-02"),
        None,
        {("child-not-minor", E, "children[0].date_of_birth")},
    ),
    "child-17": ("at_own", _child(date_of_birth="2008-03-03"), None, set()),
    "child-married": (
        "at_own",
        _child(marital_status="married"),
        None,
        {("child-married", E, "children[0].marital_status")},
    ),
    "child-before-parent": (
        "at_own",
        _child(date_of_birth="1989-01-01"),
        None,
        {
            ("child-born-before-parent", E, "children[0].date_of_birth"),
            ("child-not-minor", E, "children[0].date_of_birth"),
        },
    ),
    # spouse data only when married
    "spouse-but-single": (
        "at_own",
        lambda c: c.update(spouse={"surnames": ["Сейітова"]}),
        None,
        {("spouse-not-married", W, "spouse")},
    ),
    # letters: received after sent
    "received-before-sent": (
        "at_own",
        lambda c: c["letter"].update(received_on="2026-03-01"),
        None,
        {("received-before-sent", E, "letter.received_on")},
    ),
    "reply-before-request": (
        "at_own",
        lambda c: c.update(reply={"date": "2026-03-01"}),
        None,
        {("reply-before-request", E, "reply.date")},
    ),
    # KZ–BY Protocol Art. 8(3): escorts carry valid passports
    "escort-passport-valid": (
        "by_own",
        lambda c: c.update(
            escorts=[
                {
                    "surname": "Иванов",
                    "stay_until": "2026-04-02",
                    "passport": {"expiry_date": "2026-04-02"},
                }
            ]
        ),
        None,
        set(),
    ),
    "escort-passport-expires": (
        "by_own",
        lambda c: c.update(
            escorts=[
                {
                    "surname": "Иванов",
                    "stay_until": "2026-04-02",
                    "passport": {"expiry_date": "2026-04-01"},
                }
            ]
        ),
        None,
        {("escort-passport-expired", E, "escorts[0].passport.expiry_date")},
    ),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_consistency(name: str) -> None:
    base, change, form, expected = ROWS[name]
    assert codes(changed(base, change), form) == expected


def test_no_clock_in_validation() -> None:
    """A birth date 'in the future' is judged against the case, not today: the same case
    gives the same findings on any day."""
    case = changed("at_own", lambda c: c["letter"].update(date="2099-01-01"))
    case["person"]["date_of_birth"] = "2098-01-01"
    case["documents"][0].update(issue_date="2098-06-01", expiry_date="2108-06-01")
    assert ("born-after-reference", E, "person.date_of_birth") not in codes(case)
