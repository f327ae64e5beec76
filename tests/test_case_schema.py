"""The case schema: samples validate, round-trip, and match the published JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import readmit_forms as rf
from conftest import sample_paths


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_sample_round_trips(path: Path) -> None:
    case = rf.load_case(path)
    dumped = case.model_dump(mode="json", exclude_defaults=True)
    again = rf.load_case(dumped)
    assert again == case


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_sample_matches_json_schema(path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    result = cli("schema")
    schema = json.loads(result.out)
    data = yaml.safe_load(path.read_text("utf-8"))
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_samples_have_no_schema_errors_and_validate(path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(path), "--json")
    assert result.code in (0, 1), result.err
    assert json.loads(result.out)["agreement"] in rf.agreement_ids()


def test_unknown_fields_are_rejected_everywhere() -> None:
    with pytest.raises(rf.CaseSchemaError) as info:
        rf.load_case(
            {
                "agreement": "kz-at",
                "requesting_state": "AT",
                "requested_state": "KZ",
                "person": {"surnames": ["A"]},
                "transit": {"destination": "UZ", "colour": 1},
            }
        )
    assert [p.path for p in info.value.problems] == ["transit.colour"]


def test_text_may_be_given_per_language() -> None:
    case = rf.load_case(
        {
            "agreement": "kz-at",
            "requesting_state": "AT",
            "requested_state": "KZ",
            "person": {"surnames": [{"kk": "Әбдірахманов", "en": "Abdrakhmanov"}]},
            "notes": {"ru": "Примечание", "en": "Remark"},
        }
    )
    assert case.person.surnames[0] == {rf.Lang.KK: "Әбдірахманов", rf.Lang.EN: "Abdrakhmanov"}
