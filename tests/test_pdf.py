"""The PDF backend: deterministic, literal values, long content flows onto further pages."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import readmit_forms as rf
from conftest import SAMPLES, pdf_text

FAMILY = yaml.safe_load((SAMPLES / "kz-at-family.yaml").read_text("utf-8"))


def squash(text: str) -> str:
    return "".join(text.split())


def _case(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(FAMILY)
    data.pop("person", None)
    data["person"] = copy.deepcopy(FAMILY["person"])
    if "photo" in data["person"]:
        data["person"]["photo"] = str(SAMPLES / data["person"]["photo"])
    for path, value in changes.items():
        target = data
        *parents, last = path.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value
    return data


def test_same_input_same_bytes() -> None:
    case = rf.load_case(SAMPLES / "kz-at-family.yaml")
    first = rf.render(case, form="readmission-request", lang="kk")
    second = rf.render(case, form="readmission-request", lang="kk")
    assert first == second
    assert first.startswith(b"%PDF-")


def test_font_is_embedded_and_never_helvetica() -> None:
    import io

    from pypdf import PdfReader

    data = rf.render(SAMPLES / "kz-at-family.yaml", form="readmission-request", lang="ru")
    reader = PdfReader(io.BytesIO(data))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("LiberationSerif" in f for f in fonts), fonts


def test_kazakh_text_reads_back_exactly() -> None:
    data = rf.render(SAMPLES / "kz-at-family.yaml", form="readmission-request", lang="kk")
    text = squash(pdf_text(data))
    for expected in (
        "РЕАДМИССИЯЛАУТУРАЛЫСҰРАУСАЛУ",
        "Жұмабеков",
        "Әйгерім",
        "Қайратқызы",
        "Нұрсұлтан",
        "ҚазақстанРеспубликасыІшкіістерминистрлігі",
    ):
        assert expected in text


def test_long_content_flows_onto_further_pages() -> None:
    children = [
        {
            "surnames": ["Жұмабеков"],
            "given_names": [f"Бала{i:02d}"],
            "date_of_birth": f"20{10 + i % 10}-0{1 + i % 9}-1{i % 10}",
            "sex": "male" if i % 2 else "female",
            "nationality": ["KZ"],
            "marital_status": "single",
        }
        for i in range(14)
    ]
    health = " ".join(f"ауру-{i:04d}" for i in range(500))  # 5 000 characters
    documents = [
        {
            "kind": "other",
            "title": f"анықтама {i}",
            "number": f"DOC-{i:03d}",
            "issue_date": "2020-01-01",
        }
        for i in range(12)
    ]
    case = rf.load_case(
        _case(children=children, documents=documents, **{"circumstances.health": health})
    )
    data = rf.render(case, form="readmission-request", lang="kk")
    text = squash(pdf_text(data))
    for child in children:
        assert child["given_names"][0] in text
    positions = [text.find(word) for word in health.split()]
    assert -1 not in positions and positions == sorted(positions)  # all there, in order
    for document in documents:
        assert document["number"] in text
    import io

    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 5
    assert "5-беті" not in squash(pages[0].extract_text() or "")
    assert squash(f"{len(pages)} беттің {len(pages)}-беті") in squash(
        pages[-1].extract_text() or ""
    )


def test_draft_mark_and_refusal() -> None:
    broken = _case(**{"person.photo": "/nonexistent/photo.jpg"})
    with pytest.raises(rf.CaseRefusedError) as info:
        rf.render(broken, form="readmission-request", lang="en")
    assert "photo-unreadable" in [f.code for f in info.value.findings]
    draft = rf.render(broken, form="readmission-request", lang="en", draft=True)
    assert "DRAFT" in pdf_text(draft)


# -- values are data --------------------------------------------------------------------

HOSTILE = [
    "O'Brien & <b>Sons</b> {{7*7}}",
    "{% raw %}<script>alert(1)</script>",
    '"quoted" \\ back',
    "Ақжол & Ұлытау <i>",
    "${x} %s {0} %(a)s",
]
ALPHABET = st.sampled_from(
    list("abcXYZ019 .,-'\"&<>/\\{}%#$@()[]*!?;:")
    + list("ӘәҒғҚқҢңӨөҰұҮүҺһІіЁёЖжЩщЪъ")
    + ["{{", "}}", "{%", "%}"]
)
VALUES = st.one_of(
    st.sampled_from(HOSTILE), st.lists(ALPHABET, min_size=1, max_size=40).map("".join)
).filter(lambda s: s.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surname=VALUES, note=VALUES)
def test_values_print_literally(surname: str, note: str) -> None:
    case = rf.load_case(_case(**{"person.surnames": [surname], "notes": note}))
    text = squash(pdf_text(rf.render(case, form="readmission-request", lang="ru")))
    assert squash(surname) in text
    assert squash(note) in text


@pytest.mark.parametrize("bad", ["A\u202eB", "A\u200fB", "A\u0000B", "A\u0007B", "שלום", "中文"])
def test_unprintable_values_are_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(rf.CaseSchemaError) as info:
        rf.load_case(_case(**{"person.surnames": [bad]}))
    assert [p.path for p in info.value.problems] == ["person.surnames[0]"]


def test_render_from_any_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Package data (agreements, templates, fonts) comes from the installed package."""
    monkeypatch.chdir(tmp_path)
    data = rf.render(str(SAMPLES / "kz-at-family.yaml"), form="readmission-request", lang="en")
    assert "READMISSION APPLICATION" in pdf_text(data)
