"""Nothing the schema accepts runs off a page (reliability audit F7): the longest value the
schema allows, in the letterhead and elsewhere, appears word for word in every backend; in
the PDF it flows onto the next pages above the footer (read back with poppler's pdftotext,
which, like a reader, sees only what is on the page)."""

from __future__ import annotations

from typing import Any

import pytest

import readmit_forms as rf
from office_cases import sample_dict
from readback import docx_text, html_text, poppler_text
from readmit_forms._proof import render_proof

MAX_PARA = 20_000
FIELDS = [
    ("requesting_authority", "name"),
    ("requesting_authority", "address"),
    ("requested_authority", "name"),
    ("requested_authority", "address"),
    ("person", "last_address_requesting"),
    ("notes", None),
]


def _longest(tag: str) -> str:
    words, length = [], 0
    while length + 7 <= MAX_PARA:
        words.append(f"{tag}{len(words):05d}")
        length += 7
    value = " ".join(words)
    assert len(value) <= MAX_PARA
    return value


def _text(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return poppler_text(data)
    return docx_text(data) if fmt == "docx" else html_text(data)


def _missing(value: str, text: str) -> int:
    found = set(text.split())
    return sum(word not in found for word in value.split())


def _case(agreement: str, section: str, field: str | None, value: str) -> dict[str, Any]:
    if agreement == "kz-at":
        case = sample_dict()
    else:
        case = rf.load_case("samples/kz-hu-overstay.yaml").model_dump(
            mode="json", exclude_defaults=True
        )
    if field is None:
        case[section] = value
    else:
        current = case.get(section) or {"name": "Authority"}
        case[section] = {**current, field: value}
    return case


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("agreement", ["kz-at", "kz-hu"])
@pytest.mark.parametrize(("section", "field"), FIELDS, ids=lambda v: str(v))
def test_the_longest_value_appears_whole(
    fmt: str, agreement: str, section: str, field: str | None
) -> None:
    value = _longest("z")
    case = _case(agreement, section, field, value)
    data = rf.render(case, form="readmission-request", lang="en", format=fmt, draft=True)
    text = _text(data, fmt)
    assert "z00000" in text  # both forms print every one of these fields
    assert _missing(value, text) == 0


def test_both_letterhead_columns_at_their_longest_in_the_pdf() -> None:
    case = _case("kz-hu", "requesting_authority", "name", _longest("a"))
    case["requesting_authority"]["address"] = _longest("b")
    case["requested_authority"] = {"name": _longest("c"), "address": _longest("d")}
    case["letter"]["place"] = "x" * 500
    data = rf.render(case, form="readmission-request", lang="en", draft=True)
    text = _text(data, "pdf")
    for tag in "abcd":
        assert _missing(_longest(tag), text) == 0, tag


def test_a_long_value_in_the_proof_table_flows_too() -> None:
    case = _case("kz-at", "notes", None, _longest("n"))
    data = render_proof(case, form="readmission-request")
    assert _missing(_longest("n"), _text(data, "pdf")) == 0
