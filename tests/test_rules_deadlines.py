"""Time limits as findings: an action dated after its due date (KZ–AT Annex 1 Art. 3(2)
with Art. 5(8); KZ–BY Agreement Art. 5(1); KZ–HU Art. 3(1)), and transfers or transits
planned on a public holiday of either state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import readmit_forms as rf
from cases import BASELINE, Case, changed, codes

E, W = "error", "warning"

AT_HANDOVER = {
    "time": "09:00",
    "mode": "air",
    "border_crossing_point": "kz-ala-airport",
    "health": "good",
    "escorted": False,
}


def _handover(**values: Any) -> Callable[[Case], None]:
    return lambda case: case.update(handover={**AT_HANDOVER, **values})


ROWS: dict[str, tuple[str, Callable[[Case], Any] | None, str | None, set[tuple[str, str, str]]]] = {
    # notice 3 working days before a transfer on Thu 26 Mar 2026 (Nauryz): by Wed 18 Mar
    "at-notice-in-time": (
        "at_own",
        _handover(date="2026-03-26", notice_date="2026-03-18"),
        "handover-notice",
        set(),
    ),
    "at-notice-late": (
        "at_own",
        _handover(date="2026-03-26", notice_date="2026-03-19"),
        "handover-notice",
        {("deadline-missed", E, "handover.notice_date")},
    ),
    # the requested Party's late reply is a warning (and a consequence), not the clerk's error
    "at-reply-late": (
        "at_own",
        lambda c: c.update(
            letter={"date": "2026-03-02", "received_on": "2026-03-03"}, reply={"date": "2026-03-16"}
        ),
        None,
        {("deadline-missed", W, "reply.date")},
    ),
    # KZ–AT Art. 5(9) *may*: a request later than 2 days after apprehension only warns
    "at-request-after-apprehension": (
        "at_own",
        lambda c: c["unlawful_stay"].update(apprehended_on="2026-02-20T10:00"),
        None,
        {("deadline-missed", W, "letter.date")},
    ),
    # KZ–HU Art. 3(1): the request within 90 days of the finding
    "hu-request-in-time": (
        "hu_third",
        lambda c: c["unlawful_stay"].update(finding_date="2025-12-02"),
        None,
        set(),
    ),
    "hu-request-late": (
        "hu_third",
        lambda c: c["unlawful_stay"].update(finding_date="2025-12-01"),
        None,
        {("deadline-missed", E, "letter.date")},
    ),
    # KZ–BY Agreement Art. 5(1): transfer within 30 days of receiving the consent
    "by-transfer-late": (
        "by_own",
        lambda c: c.update(
            reply={"date": "2026-03-04", "received_on": "2026-03-05", "positive": True},
            handover={
                "date": "2026-04-06",
                "time": "09:00",
                "border_crossing_point": "Минск-2",
                "notice_date": "2026-03-27",
            },
        ),
        "handover-notice",
        {("deadline-missed", E, "handover.date")},
    ),
    # a transfer on a public holiday of either state
    "at-transfer-on-nauryz": (
        "at_own",
        _handover(date="2026-03-23", notice_date="2026-03-10"),
        "handover-notice",
        {("transfer-on-holiday", W, "handover.date")},
    ),
    "at-transfer-on-epiphany": (
        "at_own",
        _handover(date="2027-01-06", notice_date="2026-12-20"),
        "handover-notice",
        {("transfer-on-holiday", W, "handover.date")},
    ),
    "by-transfer-on-christmas": (
        "by_own",
        lambda c: c.update(
            handover={
                "date": "2027-01-07",
                "time": "09:00",
                "border_crossing_point": "Минск-2",
                "notice_date": "2026-12-20",
            }
        ),
        "handover-notice",
        {("transfer-on-holiday", W, "handover.date")},
    ),
    "hu-transit-on-easter-monday": (
        "hu_transit",
        lambda c: c["transit"].update(date="2026-04-06"),
        "transit-request",
        {("transit-on-holiday", W, "transit.date")},
    ),
    "hu-transit-on-a-working-day": ("hu_transit", None, "transit-request", set()),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_deadline_findings(name: str) -> None:
    base, change, form, expected = ROWS[name]
    assert codes(changed(base, change), form) - BASELINE.get(base, set()) == expected


def test_late_notice_cites_both_provisions_and_names_the_holiday() -> None:
    case = changed("at_own", _handover(date="2026-03-26", notice_date="2026-03-19"))
    (finding,) = [f for f in rf.validate(case, "handover-notice") if f.code == "deadline-missed"]
    assert finding.article == (
        "Kazakhstan–Austria Readmission Agreement, Annex 1, Art. 3(2); Art. 5(8)"
    )
    assert "due by 2026-03-18, but done on 2026-03-19" in finding.message(rf.Lang.EN)
    holiday = changed("at_own", _handover(date="2026-03-23", notice_date="2026-03-10"))
    (warning,) = [
        f for f in rf.validate(holiday, "handover-notice") if f.code == "transfer-on-holiday"
    ]
    assert "Kazakhstan (Nowruz Holiday)" in warning.message(rf.Lang.EN)
    assert "Наурыз мейрамы" in warning.message(rf.Lang.KK)


def test_render_refuses_only_for_errors_of_that_form() -> None:
    """A late notice is an error of the notice, not of the readmission request."""
    late = changed("at_own", _handover(date="2026-03-26", notice_date="2026-03-19"))
    assert rf.render(late, form="readmission-request", lang="en").startswith(b"%PDF")
    assert "deadline-missed" in {f.code for f in rf.validate(late, "handover-notice")}
    undated = changed("at_own", lambda c: c["person"].pop("date_of_birth"))
    with pytest.raises(rf.CaseRefusedError) as refused:
        rf.render(undated, form="readmission-request", lang="en")
    assert [(f.code, f.path) for f in refused.value.findings] == [
        ("item-missing", "person.date_of_birth")
    ]
    assert rf.render(undated, form="readmission-request", lang="en", draft=True)
