"""Dates (reliability audit F2): every date the schema accepts computes; a date outside its
kind's range is refused at load time with the field named; the ranges are in the JSON Schema."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import readmit_forms as rf
from conftest import SAMPLES, Result
from office_cases import sample_dict

EVENT_FIELDS = [
    ("handover", "date"),
    ("handover", "notice_date"),
    ("unlawful_stay", "finding_date"),
    ("letter", "date"),
    ("letter", "received_on"),
]


def _with(path: tuple[str, str], value: str) -> dict[str, Any]:
    case = sample_dict()
    case.setdefault(path[0], {})[path[1]] = value
    return case


@pytest.mark.parametrize("path", EVENT_FIELDS, ids=".".join)
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1989-12-31", "2101-01-01"])
def test_an_event_date_out_of_range_is_refused_naming_the_field(
    path: tuple[str, str], value: str
) -> None:
    with pytest.raises(rf.CaseSchemaError) as caught:
        rf.load_case(_with(path, value))
    (problem,) = caught.value.problems
    assert problem.path == ".".join(path)
    assert "must lie between 1990-01-01 and 2100-12-31" in problem.message
    assert value not in problem.message


@pytest.mark.parametrize(
    ("field", "value"),
    [("date_of_birth", "1899-12-31"), ("date_of_birth", "9999-12-31")],
)
def test_a_birth_date_out_of_range_is_refused(field: str, value: str) -> None:
    case = sample_dict()
    case["person"][field] = value
    with pytest.raises(rf.CaseSchemaError, match=r"date_of_birth: a date of birth must lie"):
        rf.load_case(case)


@pytest.mark.parametrize("value", ["1990-01-01", "2100-12-31"])
def test_the_extremes_compute_in_every_form(value: str) -> None:
    case = sample_dict()
    for section, field in EVENT_FIELDS:
        case.setdefault(section, {})[field] = value
    case.setdefault("transit", {"destination": "KG"})["date"] = value
    case["unlawful_stay"]["apprehended_on"] = f"{value}T23:59"
    loaded = rf.load_case(case)
    rf.validate(loaded)
    schedule = rf.deadlines(loaded, today=dt.date(2100, 12, 31))
    assert schedule.items
    for form in rf.get_agreement(loaded.agreement).form_ids:
        rf.render(loaded, form=form, lang="en", format="html", draft=True)


def test_the_ranges_are_in_the_json_schema() -> None:
    defs = rf.Case.model_json_schema()["$defs"]
    birth = defs["Person"]["properties"]["date_of_birth"]["anyOf"][0]
    assert (birth["formatMinimum"], birth["formatMaximum"]) == ("1900-01-01", "2100-12-31")
    event = defs["Handover"]["properties"]["date"]["anyOf"][0]
    assert (event["formatMinimum"], event["formatMaximum"]) == ("1990-01-01", "2100-12-31")
    expiry = defs["IdentityDocument"]["properties"]["expiry_date"]["anyOf"][0]
    assert expiry["formatMaximum"] == "2150-12-31"


@pytest.mark.parametrize("command", ["validate", "deadlines", "render"])
def test_the_audit_reproducer_from_the_command_line(
    cli: Callable[..., Result], tmp_path: Path, command: str
) -> None:
    text = (SAMPLES / "kz-at-family.yaml").read_text("utf-8")
    path = tmp_path / "f.yaml"
    path.write_text(text.replace('\n  date: "2026-12-03"', '\n  date: "9999-12-31"'), "utf-8")
    extra = ["--form", "all", "--lang", "en", "-o", str(tmp_path / "out")]
    result = cli(command, str(path), *(extra if command == "render" else []))
    assert result.code == 1, result.err
    lines = result.err.strip().splitlines()
    if command == "render":  # a batch (--form all) ends with its summary line
        assert lines.pop() == "0 written, 0 refused, 1 failed"
    assert lines[-1].endswith("handover.date: a date of the case's events must lie "
                              "between 1990-01-01 and 2100-12-31")  # fmt: skip
    assert "internal error" not in result.err
