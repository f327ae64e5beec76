"""The benelux-md pack (tests/packs/benelux-md): an agreement added as data and templates
only, loaded with ``--agreements``. Every form renders for every sample that calls for it,
in English (the authentic text) and in kk/ru (stated as translations); the limits count
on the working days of the states the case names (three states on one side)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

import readmit_forms as rf
from conftest import Result, pdf_text

PACK = Path(__file__).parent / "packs" / "benelux-md"
SAMPLES = sorted((PACK / "samples").glob("*.yaml"))
FORMS = {
    "transfer-notification": "NOTIFICATION OF TRANSFER",
    "readmission-response": "RESPONSE TO THE READMISSION APPLICATION",
    "transit-response": "RESPONSE TO THE TRANSIT APPLICATION",
}


@pytest.fixture(autouse=True)
def _no_packs_left() -> Iterator[None]:
    """Each test adds the packs it names (the command line adds them for the process)."""
    rf.reset_packs()
    yield
    rf.reset_packs()


def _forms_of(sample: Path) -> list[str]:
    case = yaml.safe_load(sample.read_text("utf-8"))
    if case.get("transit"):
        return ["transit-response"]
    forms = ["readmission-response"] if case.get("reply") else []
    return forms + (["transfer-notification"] if case.get("handover") else [])


def render_with(
    cli: Callable[..., Result],
    out: Path,
    sample: str | Path,
    form: str,
    lang: str = "en",
    pack: Path = PACK,
) -> tuple[Result, str]:
    """``readmit-forms --agreements PACK render SAMPLE`` into ``out``: the result, and the
    PDF's text with its white space made single spaces ("" where nothing was written)."""
    case = sample if isinstance(sample, Path) else PACK / "samples" / f"{sample}.yaml"
    args = ["--agreements", str(pack), "render", str(case), "--form", form, "--lang", lang]
    result = cli(*args, "-o", str(out))
    text = " ".join(pdf_text(out.read_bytes()).split()) if out.exists() else ""
    return result, text


CASES = [(sample, form) for sample in SAMPLES for form in _forms_of(sample)]


def test_the_pack_has_no_python() -> None:
    assert not list(PACK.rglob("*.py"))
    assert {form for _, form in CASES} == set(FORMS)  # a sample for each of its forms


@pytest.mark.parametrize(("sample", "form"), CASES, ids=lambda v: getattr(v, "stem", v))
def test_every_sample_renders_its_forms_in_english(
    cli: Callable[..., Result], tmp_path: Path, sample: Path, form: str
) -> None:
    result, text = render_with(cli, tmp_path / "out.pdf", sample, form, "en")
    assert result.code == 0, result.err
    assert FORMS[form] in text
    assert "English is an authentic language" in text


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_kk_and_ru_say_they_are_translations(
    cli: Callable[..., Result], tmp_path: Path, lang: str
) -> None:
    result, text = render_with(
        cli, tmp_path / "out.pdf", "nl-md-transfer", "transfer-notification", lang
    )
    assert result.code == 0, result.err
    assert {"ru": "перевод", "kk": "аударма"}[lang] in text


def test_the_values_come_from_the_case_and_the_pack(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    result, text = render_with(
        cli, tmp_path / "out.pdf", "nl-md-transfer", "transfer-notification", "en"
    )
    assert result.code == 0, result.err
    for value in (
        "dtvafdelinglp@dtv.minbzk.nl",  # the Dutch authority's e-mail, from the pack
        "migrare@migrare.gov.md",
        "Ceban Elena, born on 1 February 1993",  # person(transferred_family[])
        "International Airport Chisinau",
        "RO 202",
    ):
        assert value in text


def test_a_refusal_prints_its_grounds(cli: Callable[..., Result], tmp_path: Path) -> None:
    result, text = render_with(
        cli, tmp_path / "out.pdf", "be-md-refused", "readmission-response", "en"
    )
    assert result.code == 0, result.err
    assert "passport presented was found to be forged" in text


def test_deadlines_count_on_the_states_of_the_case(cli: Callable[..., Result]) -> None:
    """Art. 7(1), (2) on the working days of Moldova and the Netherlands (the members of the
    sides the case names): Good Friday and Easter Monday in the Netherlands, Orthodox
    Easter Monday in Moldova are not counted."""
    sample = PACK / "samples" / "md-nl-transit.yaml"
    result = cli("--agreements", str(PACK), "deadlines", str(sample))
    assert result.code == 0, result.err
    assert "working day in both Moldova and Netherlands" in result.out
    lines = result.out.splitlines()
    application = next(line for line in lines if "Submit the transit application" in line)
    reply = next(line for line in lines if "Respond to the transit application" in line)
    assert application.startswith("2026-04-01")  # 6 working days before 14 April
    assert reply.startswith("2026-04-10")  # 4 working days from receipt on 2 April
    assert "2026-04-13 Easter (Moldova)" in result.out
