"""Deadlines: due dates worked out by hand, across weekends and public holidays of
Kazakhstan, Austria, Belarus and Hungary (the holidays package's calendars).

Holidays used below (from the holidays package, checked against the countries' calendars):
  KZ  2026-03-21..23 Nauryz (Sat–Mon), 2026-03-24/25 days off in lieu (Tue, Wed);
      2027-01-01/02 New Year (Fri, Sat), 2027-01-04 day off in lieu (Mon);
      2026-01-01/02 New Year (Thu, Fri); 2026-01-07, 2027-01-07 Orthodox Christmas
  AT  2027-01-01 New Year; 2027-01-06 Epiphany (Wed)
  BY  2027-01-01/02 New Year; 2027-01-07 Orthodox Christmas (Thu)
  HU  2025-12-24..26 Christmas; 2026-01-01 New Year, 2026-01-02 day off moved from
      Saturday 2026-01-10 (a working day in Hungary); 2026-04-03 Good Friday,
      2026-04-05/06 Easter (Sun, Mon)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import readmit_forms as rf
from cases import Case, changed, write_case

D = dt.date.fromisoformat


def _at(**sections: Any) -> Case:
    case = changed("at_own")
    case.update(sections)
    return case


def _by(**sections: Any) -> Case:
    case = changed("by_own")
    case.update(sections)
    return case


def _hu(nationality: str = "KZ", **sections: Any) -> Case:
    case = changed("hu_third", lambda c: c["person"].update(nationality=[nationality]))
    case.update(sections)
    return case


def _handover(day: str, **more: Any) -> dict[str, Any]:
    return {"date": day, **more}


# (case, calendar, deadline id, due date, public holidays skipped (date, state))
TABLE: dict[str, tuple[Case, list[str] | None, str, str, set[tuple[str, str]]]] = {
    # KZ–AT Annex 1 Art. 3(2): notice 3 working days before the transfer (both calendars).
    # Transfer Thu 26 Mar 2026: Wed 25, Tue 24, Mon 23 are Nauryz days off in Kazakhstan,
    # 21–22 the weekend; counting back Fri 20 (1), Thu 19 (2), Wed 18 (3).
    "at-notice-nauryz": (
        _at(handover=_handover("2026-03-26")),
        None,
        "at-handover-notice",
        "2026-03-18",
        {
            ("2026-03-21", "KZ"),
            ("2026-03-22", "KZ"),
            ("2026-03-23", "KZ"),
            ("2026-03-24", "KZ"),
            ("2026-03-25", "KZ"),
        },
    ),
    # Transfer Tue 5 Jan 2027: Mon 4 (KZ day off in lieu), Sun 3, Sat 2 (KZ New Year),
    # Fri 1 (New Year in both); Thu 31 Dec (1), Wed 30 (2), Tue 29 (3).
    "at-notice-new-year": (
        _at(handover=_handover("2027-01-05")),
        None,
        "at-handover-notice",
        "2026-12-29",
        {("2027-01-01", "AT"), ("2027-01-01", "KZ"), ("2027-01-02", "KZ"), ("2027-01-04", "KZ")},
    ),
    # Transfer Fri 8 Jan 2027: Thu 7 (KZ Orthodox Christmas), Wed 6 (AT Epiphany),
    # Tue 5 (1), Mon 4 (KZ), 3–1 (weekend, New Year), Thu 31 Dec (2), Wed 30 (3).
    "at-notice-christmas-both": (
        _at(handover=_handover("2027-01-08")),
        None,
        "at-handover-notice",
        "2026-12-30",
        {
            ("2027-01-07", "KZ"),
            ("2027-01-06", "AT"),
            ("2027-01-04", "KZ"),
            ("2027-01-01", "AT"),
            ("2027-01-01", "KZ"),
            ("2027-01-02", "KZ"),
        },
    ),
    # The same on Kazakhstan's calendar only: Wed 6 (1), Tue 5 (2), Thu 31 Dec (3).
    "at-notice-christmas-kz": (
        _at(handover=_handover("2027-01-08")),
        ["KZ"],
        "at-handover-notice",
        "2026-12-31",
        {("2027-01-07", "KZ"), ("2027-01-04", "KZ"), ("2027-01-01", "KZ"), ("2027-01-02", "KZ")},
    ),
    # … and on Austria's only: Thu 7 (1), Tue 5 (2), Mon 4 (3).
    "at-notice-christmas-at": (
        _at(handover=_handover("2027-01-08")),
        ["AT"],
        "at-handover-notice",
        "2027-01-04",
        {("2027-01-06", "AT")},
    ),
    # Art. 5(6): reply within 10 calendar days of receipt — holidays do not matter.
    "at-reply": (
        _at(letter={"date": "2026-03-10", "received_on": "2026-03-12"}),
        None,
        "at-readmission-reply",
        "2026-03-22",
        set(),
    ),
    # Art. 5(4): the interview within 5 calendar days of the submission of the request.
    "at-interview": (
        _at(letter={"date": "2026-03-10"}, interview={"reason": "no-documents"}),
        None,
        "at-interview",
        "2026-03-15",
        set(),
    ),
    # Art. 5(7): the travel document within 3 calendar days of the positive reply.
    "at-travel-document": (
        _at(reply={"date": "2026-03-19", "positive": True}),
        None,
        "at-travel-document",
        "2026-03-22",
        set(),
    ),
    # Art. 5(9): request within 2 calendar days of the apprehension (late evening).
    "at-apprehension": (
        _at(unlawful_stay={"finding_date": "2026-03-20", "apprehended_on": "2026-03-20T23:30"}),
        None,
        "at-request-after-apprehension",
        "2026-03-22",
        set(),
    ),
    # Art. 7: two weeks after the transfer.
    "at-erroneous": (
        _at(handover=_handover("2026-03-26")),
        None,
        "at-erroneous-readmission",
        "2026-04-09",
        set(),
    ),
    # Art. 9(1), (3); Annex 1 Art. 4(2): transit request 10 days before, reply 5 days
    # after receipt, changes 1 day before.
    "at-transit-request": (changed("at_transit"), None, "at-transit-request", "2026-04-10", set()),
    "at-transit-reply": (changed("at_transit"), None, "at-transit-reply", "2026-04-07", set()),
    "at-transit-changes": (changed("at_transit"), None, "at-transit-changes", "2026-04-19", set()),
    # KZ–BY Protocol Art. 9(4): notice 5 working days before the transfer.
    # Transfer Mon 11 Jan 2027: Fri 8 (1), Thu 7 Orthodox Christmas (both), Wed 6 (2),
    # Tue 5 (3), Mon 4 (KZ day off in lieu), 3–1 (weekend, New Year), Thu 31 (4), Wed 30 (5).
    "by-notice-christmas": (
        _by(handover=_handover("2027-01-11")),
        None,
        "by-handover-notice",
        "2026-12-30",
        {
            ("2027-01-07", "BY"),
            ("2027-01-07", "KZ"),
            ("2027-01-04", "KZ"),
            ("2027-01-01", "BY"),
            ("2027-01-01", "KZ"),
            ("2027-01-02", "BY"),
            ("2027-01-02", "KZ"),
        },
    ),
    # On Belarus's calendar only, Mon 4 Jan is a working day: Thu 31 Dec is the 5th.
    "by-notice-christmas-by": (
        _by(handover=_handover("2027-01-11")),
        ["BY"],
        "by-handover-notice",
        "2026-12-31",
        {("2027-01-07", "BY"), ("2027-01-01", "BY"), ("2027-01-02", "BY")},
    ),
    # Second subparagraph: acceptability within 3 working days of receiving the notice.
    # Received Fri 20 Mar 2026: weekend, Nauryz 23–25 (KZ); Thu 26 (1), Fri 27 (2), Mon 30 (3).
    "by-notice-reply-nauryz": (
        _by(handover=_handover("2026-04-10", notice_received_on="2026-03-20")),
        None,
        "by-handover-reply",
        "2026-03-30",
        {
            ("2026-03-21", "KZ"),
            ("2026-03-22", "KZ"),
            ("2026-03-23", "KZ"),
            ("2026-03-24", "KZ"),
            ("2026-03-25", "KZ"),
        },
    ),
    # Agreement Art. 4(2): consent or refusal within 30 calendar days of receipt.
    "by-reply": (
        _by(letter={"date": "2026-01-29", "received_on": "2026-02-01"}),
        None,
        "by-readmission-reply",
        "2026-03-03",
        set(),
    ),
    # Art. 5(1): transfer within 30 calendar days of receiving the consent.
    "by-transfer": (
        _by(reply={"date": "2026-03-09", "received_on": "2026-03-10", "positive": True}),
        None,
        "by-transfer",
        "2026-04-09",
        set(),
    ),
    # Art. 4(1): a third-country national's request within 180 days of the finding.
    "by-request-third-country": (
        changed("by_third", lambda c: c["unlawful_stay"].update(finding_date="2026-01-15")),
        None,
        "by-request-third-country",
        "2026-07-14",
        set(),
    ),
    # Protocol Art. 5(3): the interview within 14 calendar days of receiving the request.
    "by-interview": (
        _by(
            letter={"date": "2026-03-01", "received_on": "2026-03-02"},
            interview={"reason": "no-documents"},
        ),
        None,
        "by-interview",
        "2026-03-16",
        set(),
    ),
    # KZ–HU Art. 3(2)(1): reply on own nationals within 3 working days of receipt.
    # Received Thu 19 Mar 2026: Fri 20 (1), weekend, Nauryz 23–25 (KZ), Thu 26 (2), Fri 27 (3).
    "hu-reply-own": (
        _hu(letter={"date": "2026-03-18", "received_on": "2026-03-19"}),
        None,
        "hu-reply-own-nationals",
        "2026-03-27",
        {
            ("2026-03-21", "KZ"),
            ("2026-03-22", "KZ"),
            ("2026-03-23", "KZ"),
            ("2026-03-24", "KZ"),
            ("2026-03-25", "KZ"),
        },
    ),
    # Art. 3(3)(1): take back within 10 working days after the reply period ends (Fri 27
    # Mar): 30, 31 Mar, 1, 2 Apr (4), Good Friday and Easter Monday (HU), 7–10 Apr (8),
    # 13 (9), 14 (10).
    "hu-take-back-easter": (
        _hu(letter={"date": "2026-03-18", "received_on": "2026-03-19"}),
        None,
        "hu-take-back-own-nationals",
        "2026-04-14",
        {("2026-04-03", "HU"), ("2026-04-05", "HU"), ("2026-04-06", "HU")},
    ),
    # Art. 3(2)(2): reply on third-country nationals within 15 working days. Received Mon
    # 22 Dec 2025: 23 (1), Christmas 24–26 (HU), 29, 30, 31 (4), New Year 1–2 Jan (both;
    # 2 Jan moved from Sat 10 Jan in Hungary), 5, 6 (6), 7 Orthodox Christmas (KZ), 8, 9
    # (8), Sat 10 (working in Hungary, not in Kazakhstan), 12–16 (13), 19, 20 (15).
    "hu-reply-third-country": (
        _hu("TJ", letter={"date": "2025-12-20", "received_on": "2025-12-22"}),
        None,
        "hu-reply-third-country",
        "2026-01-20",
        {
            ("2025-12-24", "HU"),
            ("2025-12-25", "HU"),
            ("2025-12-26", "HU"),
            ("2026-01-01", "HU"),
            ("2026-01-01", "KZ"),
            ("2026-01-02", "HU"),
            ("2026-01-02", "KZ"),
            ("2026-01-07", "KZ"),
        },
    ),
    # On Hungary's calendar only, 7 Jan and Sat 10 Jan are working days: Fri 16 Jan.
    "hu-reply-third-country-hu": (
        _hu("TJ", letter={"date": "2025-12-20", "received_on": "2025-12-22"}),
        ["HU"],
        "hu-reply-third-country",
        "2026-01-16",
        {
            ("2025-12-24", "HU"),
            ("2025-12-25", "HU"),
            ("2025-12-26", "HU"),
            ("2026-01-01", "HU"),
            ("2026-01-02", "HU"),
        },
    ),
    # Art. 3(4): transit request 5 working days before, the reply 3 before. Transit Thu
    # 26 Mar 2026: Nauryz 23–25 and the weekend; 20 (1), 19, 18 (3), 17, 16 (5).
    "hu-transit-request": (
        changed("hu_transit"),
        None,
        "hu-transit-request",
        "2026-03-16",
        {
            ("2026-03-21", "KZ"),
            ("2026-03-22", "KZ"),
            ("2026-03-23", "KZ"),
            ("2026-03-24", "KZ"),
            ("2026-03-25", "KZ"),
        },
    ),
    "hu-transit-reply": (
        changed("hu_transit"),
        None,
        "hu-transit-reply",
        "2026-03-18",
        {
            ("2026-03-21", "KZ"),
            ("2026-03-22", "KZ"),
            ("2026-03-23", "KZ"),
            ("2026-03-24", "KZ"),
            ("2026-03-25", "KZ"),
        },
    ),
    # Art. 3(1): the request within 90 days of the finding.
    "hu-request": (
        _hu(unlawful_stay={"finding_date": "2026-01-10", "grounds": "x"}),
        None,
        "hu-request",
        "2026-04-10",
        set(),
    ),
}


def _item(case: Case, calendar: list[str] | None, deadline_id: str) -> rf.DueDate:
    schedule = rf.deadlines(case, today=D("2026-01-01"), calendar=calendar)
    for item in schedule.items:  # a pair of conflicting limits is one item
        if deadline_id in (item.id, *(other.id for other in item.superseded)):
            return item
    raise AssertionError(f"{deadline_id} not in {[i.id for i in schedule.items]}")


@pytest.mark.parametrize("name", sorted(TABLE))
def test_due_dates_by_hand(name: str) -> None:
    case, calendar, deadline_id, due, skipped = TABLE[name]
    item = _item(case, calendar, deadline_id)
    assert item.due == D(due)
    assert {(h.date.isoformat(), h.state) for h in item.holidays} == skipped
    if item.unit == "working-days":
        assert item.calendar == tuple(
            calendar or (case["requesting_state"], case["requested_state"])
        )
    else:
        assert item.calendar == ()


@pytest.mark.parametrize("agreement", list(rf.agreements()), ids=lambda a: a.id)
def test_every_event_of_the_data_is_a_case_date(agreement: rf.Agreement) -> None:
    from readmit_forms._agreements import events_of
    from readmit_forms._paths import is_date, schema_paths

    events = events_of(agreement)
    for deadline in agreement.deadlines:
        assert deadline.event in events, deadline.id
        assert deadline.done is None or deadline.done in events, deadline.id
    for name, event in events.items():
        assert event.after or is_date(schema_paths(rf.Case)[event.field or ""]), name


def test_stricter_of_two_provisions_cites_both() -> None:
    """KZ–AT Art. 5(8) (2 calendar days) vs Annex 1 Art. 3(2) (3 working days)."""
    item = _item(_at(handover=_handover("2026-03-26")), None, "at-handover-notice")
    assert item.id == "at-handover-notice-annex1"
    assert [s.ref for s in item.sources] == ["Annex 1, Art. 3(2)", "Art. 5(8)"]
    (other,) = item.superseded
    assert (other.id, other.due, other.unit, other.length) == (
        "at-handover-notice",
        D("2026-03-24"),
        "calendar-days",
        2,
    )
    # with no holiday near, 3 working days still come before 2 calendar days: transfer
    # Tue 16 Jun 2026 → Annex 1: Thu 11 Jun; Art. 5(8): Sun 14 Jun
    item = _item(_at(handover=_handover("2026-06-16")), None, "at-handover-notice")
    assert (item.due, item.superseded[0].due) == (D("2026-06-11"), D("2026-06-14"))


def test_unknown_start_is_said_not_guessed() -> None:
    item = _item(changed("at_own"), None, "at-readmission-reply")
    assert (item.due, item.status, item.start_field) == (None, "unknown", "letter.received_on")


def test_extensions_are_shown_as_such() -> None:
    at = _item(
        _at(letter={"date": "2026-03-10", "received_on": "2026-03-12"}),
        None,
        "at-readmission-reply",
    )
    assert at.extension is not None and at.extension.due == D("2026-04-22")  # +1 month
    by = _item(
        _by(letter={"date": "2026-01-29", "received_on": "2026-02-01"}),
        None,
        "by-readmission-reply",
    )
    assert by.extension is not None and by.extension.total
    assert by.extension.due == D("2026-04-02")  # 60 days from receipt in all


def test_hours_before_departure() -> None:
    """KZ–BY Art. 2(5): a valid passport, no request; departure notified 72 hours ahead."""
    case = _by(
        documents=[
            {
                "kind": "passport",
                "number": "MP1",
                "issuing_state": "BY",
                "expiry_date": "2030-01-01",
            }
        ],
        handover=_handover("2026-03-26", time="10:00"),
    )
    item = _item(case, None, "by-notice-own-nationals")
    assert (item.due, item.due_time) == (D("2026-03-23"), dt.time(10, 0))
    # with a request needed (a copy only) the 72-hour notice does not apply
    ids = [i.id for i in rf.deadlines(_by(handover=_handover("2026-03-26"))).items]
    assert "by-notice-own-nationals" not in ids


def test_status_met_missed_overdue() -> None:
    case = _at(
        letter={"date": "2026-03-10", "received_on": "2026-03-12"},
        handover=_handover("2026-03-26", notice_date="2026-03-20"),
    )
    schedule = rf.deadlines(case, today=D("2026-03-23"))
    status = {i.id: i.status for i in schedule.items}
    assert status["at-readmission-reply"] == "overdue"  # 22 Mar passed, no reply
    assert status["at-handover-notice-annex1"] == "missed"  # sent 20 Mar, due 18 Mar
    assert rf.deadlines(case, today=D("2026-03-21")).items[0].status != "overdue"


def test_kz_fr_has_no_stated_deadlines() -> None:
    case = {
        "agreement": "kz-fr",
        "requesting_state": "FR",
        "requested_state": "KZ",
        "person": {"surnames": ["X"]},
    }
    assert rf.deadlines(case).items == ()


def test_json_output(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    path = write_case(tmp_path, _at(handover=_handover("2026-03-26")))
    result = cli("deadlines", str(path), "--json", "--today", "2026-03-01")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["calendar"] == ["AT", "KZ"] and data["today"] == "2026-03-01"
    notice = next(d for d in data["deadlines"] if d["id"] == "at-handover-notice-annex1")
    assert notice["due"] == "2026-03-18" and notice["unit"] == "working-days"
    assert notice["superseded"][0]["due"] == "2026-03-24"
    assert notice["article"]["ru"].endswith("Приложение 1, п. 2 ст. 3")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_text_output_cites_and_names_the_calendar(cli, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]

    path = write_case(tmp_path, _at(handover=_handover("2026-03-26")))
    result = cli("deadlines", str(path), "--lang", lang, "--today", "2026-03-01")
    assert result.code == 0, result.err
    words = {
        "en": (
            "in both Austria and Kazakhstan",
            "not later than 3 working days before",
            "Art. 5(8)",
            "2026-03-23",
        ),
        "ru": (
            "в обоих государствах (Австрия и Казахстан)",
            "не позднее чем за 3 рабочих дня",
            "п. 8 ст. 5",
            "2026-03-23",
        ),
        "kk": (
            "екі мемлекетте де (Аустрия және Қазақстан)",
            "кемінде 3 жұмыс күні бұрын",
            "5-баптың 8-тармағы",
            "Наурыз",
        ),
    }[lang]
    for word in words:
        assert word in result.out, (word, result.out)


def test_cli_rejects_a_bad_date_and_a_foreign_calendar(cli) -> None:  # type: ignore[no-untyped-def]
    from conftest import ROOT

    sample = str(ROOT / "samples" / "kz-at-family.yaml")
    bad = cli("deadlines", sample, "--today", "03/01/2026")
    assert bad.code == 2 and "YYYY-MM-DD" in bad.err
    foreign = cli("deadlines", sample, "--calendar", "BY")
    assert foreign.code == 2 and "unknown calendar 'BY'; supported are: KZ, AT" in foreign.err
