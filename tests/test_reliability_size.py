"""Size (reliability audit F12): list lengths are limited in the schema, generously; the
worst case the schema accepts loads (the benchmark measures it)."""

from __future__ import annotations

import pytest

import readmit_forms as rf
from office_cases import sample_dict
from readmit_forms._case import MAX_ITEMS
from worst_case import worst_case

LISTS = [
    ("children", "children"),
    ("documents", "documents"),
    ("permits", "permits"),
    ("evidence", "evidence"),
    ("escorts", "escorts"),
    ("person.aliases", "aliases"),
    ("person.surnames", "names"),
    ("person.nationality", "nationalities"),
    ("unlawful_stay.acts", "acts"),
]


def _list(case: dict[str, object], path: str) -> list[object]:
    *parents, name = path.split(".")
    node = case
    for part in parents:
        node = node[part]  # type: ignore[assignment,index]
    return node[name]  # type: ignore[index,return-value]


@pytest.mark.parametrize(("path", "limit"), LISTS)
def test_one_item_over_the_limit_is_refused_naming_the_list(path: str, limit: str) -> None:
    case = worst_case()
    items = _list(case, path)
    assert len(items) == MAX_ITEMS[limit]
    items.append(items[0])
    with pytest.raises(rf.CaseSchemaError) as caught:
        rf.load_case(case)
    assert [p.path for p in caught.value.problems] == [path]
    assert f"at most {MAX_ITEMS[limit]} items" in caught.value.problems[0].message


def test_the_limits_are_in_the_json_schema() -> None:
    schema = rf.Case.model_json_schema()
    assert schema["properties"]["children"]["maxItems"] == MAX_ITEMS["children"]
    assert schema["$defs"]["Person"]["properties"]["aliases"]["maxItems"] == MAX_ITEMS["aliases"]


def test_the_worst_accepted_case_loads_and_validates() -> None:
    case = rf.load_case(worst_case())  # its time and memory: benchmarks/bench_worst_case.py
    assert rf.validate(case)
    assert len(case.children) == MAX_ITEMS["children"]


def test_a_real_family_is_far_within_the_limits() -> None:
    case = rf.load_case(sample_dict())
    assert len(case.children) < MAX_ITEMS["children"] / 5
