"""The translators' proof: kk, ru and en side by side, with the right rows flagged."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

import readmit_forms as rf
from conftest import Result, pdf_text, sample_paths
from readmit_forms._agreements import divergences_at
from readmit_forms._document import Table, TableRow, plain
from readmit_forms._lang import LANGS
from readmit_forms._structure import structure_for
from readmit_forms._templates import bundled_templates, texts

SAMPLE = Path(__file__).parent.parent / "samples" / "kz-at-family.yaml"


def tables(document: rf.Document) -> tuple[Table, Table | None]:
    found = [block for block in document.blocks if isinstance(block, Table)]
    return found[0], (found[1] if len(found) > 1 else None)


def rows(document: rf.Document) -> dict[str, TableRow]:
    form_table, _ = tables(document)
    return {plain(row.cells[0]): row for row in form_table.rows}


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SAMPLE.read_text("utf-8"))
    return data


def _jobs() -> list[tuple[Path, str]]:
    jobs = []
    for path in sample_paths():
        case = rf.load_case(path)
        for form in rf.get_agreement(case.agreement).form_ids:
            try:
                structure_for(case.agreement, form)
            except rf.UnknownFormError:
                continue  # not built yet
            jobs.append((path, form))
    return jobs


@pytest.mark.slow
@pytest.mark.parametrize(("path", "form"), _jobs(), ids=lambda v: getattr(v, "stem", str(v)))
def test_proof_renders_for_every_sample_and_form(path: Path, form: str) -> None:
    case = rf.load_case(path)
    agreement = rf.get_agreement(case.agreement)
    document = rf.proof(case, form=form)
    form_table, divergence_table = tables(document)
    assert len(form_table.header) == 4 and all(len(r.cells) == 4 for r in form_table.rows)
    # every row has the item in all three languages (an empty cell would be a flagged row)
    for row in form_table.rows:
        assert all(plain(cell) for cell in row.cells[1:]) or row.mark, plain(row.cells[0])
    # every recorded divergence that shows in this form is flagged and listed, with the
    # version that prevails
    recorded = divergence_table.rows if divergence_table else ()
    listed = {plain(row.cells[0]).split("\n")[0] for row in recorded}
    structure = structure_for(agreement.id, form)
    expected = {d.id for d in agreement.divergences if d.form == form}
    expected |= {d.id for key in _all_keys(structure, form) for d in divergences_at(key)}
    assert expected <= listed, expected - listed
    for row in recorded:
        assert row.mark == "divergence"
        assert "prevail" in row.note or "not state which text prevails" in row.note
    for fmt in sorted(rf.formats()):
        data = rf.render_proof(case, form=form, format=fmt)
        assert data
        if fmt == "pdf":
            text = pdf_text(data)
            assert "Translators' proof" in text
            from pypdf import PdfReader

            meta = PdfReader(io.BytesIO(data)).metadata or {}
            assert meta.get("/Document") == "translators-proof"


def _all_keys(structure: Any, form: str) -> set[str]:
    """Every template id the form's structure names (to find the divergences that show in it)."""
    keys: set[str] = set()

    def visit(specs: Any) -> None:
        for spec in specs:
            if not spec.applies_to(form):
                continue
            for name in ("key", "label", "hint", "caption"):
                value = getattr(spec, name, None)
                if isinstance(value, str):
                    keys.add(structure.key(value))
            for name in ("section", "heading"):
                value = getattr(spec, name, None)
                if isinstance(value, str):
                    keys.update(structure.key(f"{value}.{p}") for p in ("letter", "title"))
            for option in getattr(spec, "options", {}).values():
                keys.add(structure.key(option))
            for slot in getattr(spec, "slots", ()):
                if slot.caption:
                    keys.add(structure.key(slot.caption))
            visit(getattr(spec, "blocks", ()))

    visit(structure.blocks)
    return keys


def test_kz_at_annex_7_flags_the_divergences_of_the_index() -> None:
    document = rf.proof(SAMPLE, form="readmission-request")
    found = rows(document)
    # section B lost its letter in the Kazakh text (INDEX.md): shown, flagged, and not for
    # the translator to fix — the official text is so
    b = found["B"]
    assert b.mark == "divergence"
    assert plain(b.cells[1]).startswith("ЖҰБАЙЫ") and plain(b.cells[2]).startswith("B. ")
    assert "at-annex7-spouse-letter" in b.note
    assert "English text prevails (Art. 18, closing clause); it is not in the sources" in b.note
    # "Басқа реми құжат" for "ресми"
    other = found["E.other"]
    assert other.mark == "divergence" and "реми" in plain(other.cells[1])
    assert "at-annex7-resmi-typo" in other.note
    # section F cites Art. 2(5) for the interview, which is Art. 5(4)
    assert "at-citation-interview-section-f" in found["F"].note
    _, divergence_table = tables(document)
    assert divergence_table is not None
    ids = {plain(row.cells[0]).split("\n")[0] for row in divergence_table.rows}
    assert {"at-annex7-spouse-letter", "at-annex7-resmi-typo"} <= ids
    # the interview petition heading cites Art. 2(5) as well
    petition = rows(rf.proof(SAMPLE, form="interview-request"))["petition"]
    assert petition.mark == "divergence" and "at-citation-interview" in petition.note


def test_unflagged_rows_and_dates_compared_as_dates() -> None:
    found = rows(rf.proof(SAMPLE, form="readmission-request"))
    birth = found["A.3"]  # "1988 ж. 12 сәуір" / "12 апреля 1988 г." / "12 April 1988"
    assert len({plain(c) for c in birth.cells[1:]}) == 3
    assert birth.mark is None and not birth.note
    number = found["number"]
    assert all("BFA-2026/RÜ/004517" in plain(c) for c in number.cells[1:])
    assert number.mark is None


def test_values_that_must_be_identical_are_compared() -> None:
    data = sample_data()
    data["spouse"]["surnames"] = [{"kk": "Жұмабекова", "ru": "Жумабаева", "en": "Zhumabekova"}]
    found = rows(rf.proof(data, form="readmission-request"))
    assert found["B.1"].mark == "differs"
    assert "Жумабаева" in found["B.1"].note and "Жұмабекова" in found["B.1"].note
    assert found["A.spouse"].mark == "differs"


def test_names_are_compared_within_a_script() -> None:
    data = sample_data()
    # the Russian rendering of Kazakh letters, and a Latin transliteration: the same name
    data["spouse"]["surnames"] = [{"kk": "Жұмабекова", "ru": "Жумабекова", "en": "Zhumabekova"}]
    data["spouse"]["given_names"] = [{"kk": "Әйгерім", "ru": "Айгерим", "en": "Aigerim"}]
    data["spouse"]["patronymic"] = {"kk": "Қайратқызы", "ru": "Кайраткызы", "en": "Kairatkyzy"}
    found = rows(rf.proof(data, form="readmission-request"))
    assert found["B.1"].mark is None, found["B.1"].note
    assert found["A.5"].mark is None  # alias "Ерлан Жумабеков" / "Yerlan Zhumabekov"


def test_free_text_without_a_version_is_flagged() -> None:
    data = sample_data()
    data["circumstances"]["health"] = {"ru": "Здоров", "en": "In good health"}
    data["notes"] = "Копии документов прилагаются."
    found = rows(rf.proof(data, form="readmission-request"))
    health = found["D.1"]
    assert health.mark == "untranslated"
    assert "without a version in Kazakh" in health.note
    assert "the English text is shown" in health.note
    assert plain(health.cells[1]).endswith("In good health")  # the prevailing language's text
    notes = found["case.notes"]
    assert notes.mark == "untranslated" and "given once for every language" in notes.note


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    with resources.as_file(bundled_templates()) as source:
        shutil.copytree(source, tmp_path / "templates")
    return tmp_path / "templates"


def _edit(folder: Path, lang: str, name: str, *path: str, value: str | None) -> None:
    file = folder / lang / f"{name}.yaml"
    data = yaml.safe_load(file.read_text("utf-8"))
    node = data
    for part in path[:-1]:
        node = node[part]
    if value is None:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    file.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def test_a_translators_copy_with_a_missing_text_still_renders(copy: Path) -> None:
    _edit(copy, "kk", "kz-at", "annex-7", "A", "2", value=None)
    _edit(copy, "ru", "kz-at", "annex-7", "D", "title", value="")
    document = rf.proof(SAMPLE, form="readmission-request", templates=copy)
    found = rows(document)
    assert found["A.2"].mark == "missing"
    assert "the kk templates have no text kz-at.annex-7.A.2" in found["A.2"].note
    assert found["D"].mark == "missing" and "missing in ru" in found["D"].note
    assert rf.render_proof(SAMPLE, form="readmission-request", templates=copy)


def test_a_number_a_template_drops_is_flagged(copy: Path) -> None:
    # the kk photocopy wording loses its {document}: the id card number vanishes in kk
    _edit(copy, "kk", "common", "values", "copy_of", value="(көшірмесі)")
    found = rows(rf.proof(SAMPLE, form="readmission-request", templates=copy))
    id_card = found["E.id_card"]
    assert id_card.mark == "missing"
    assert "the number “045612378” is not shown in kk" in id_card.note


def test_an_unrecorded_divergence_of_numbers_is_flagged(copy: Path) -> None:
    _edit(
        copy,
        "ru",
        "kz-at",
        "annex-7",
        "basis",
        value="В соответствии со статьей 5 Соглашения между Правительством Республики "
        "Казахстан и Федеральным Правительством Австрийской Республики о реадмиссии и "
        "транзите лиц с незаконным пребыванием",
    )
    basis = rows(rf.proof(SAMPLE, form="readmission-request", templates=copy))["basis"]
    assert basis.mark == "divergence"
    assert "possible divergence, not recorded" in basis.note and "ru 5" in basis.note


def test_an_unclosed_parenthesis_is_flagged_but_not_a_list_marker(copy: Path) -> None:
    _edit(copy, "ru", "kz-at", "annex-7", "A", "2", value="Фамилия при рождении (девичья:")
    _edit(copy, "kk", "kz-at", "annex-7", "A", "3", value="Туған күні және жері, 1) тармақ:")
    found = rows(rf.proof(SAMPLE, form="readmission-request", templates=copy))
    assert found["A.2"].mark == "divergence"
    assert "unbalanced parentheses in text kz-at.annex-7.A.2 in ru" in found["A.2"].note
    assert found["A.3"].mark is None  # "1)" is a list marker, not half a pair


@pytest.mark.parametrize("lang", [lang.value for lang in LANGS])
def test_the_proof_speaks_the_asked_language(lang: str) -> None:
    document = rf.proof(SAMPLE, form="readmission-request", lang=lang)
    assert document.lang.value == lang
    words = texts(rf.Lang(lang))
    assert tables(document)[0].header[1:] == tuple(
        f"{words[f'common.language.{code}.name']} ({code})" for code in ("kk", "ru", "en")
    )
    assert document.metadata["language_status"] == (
        "kk=authentic; ru=translation; en=authentic-prevailing"
    )


def test_cli_proof(cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "proof.pdf"
    result = cli("proof", str(SAMPLE), "--form", "readmission-request", "-o", str(out))
    assert result.code == 0, result.err
    text = "".join(pdf_text(out.read_bytes()).split())
    for title in (
        "РЕАДМИССИЯЛАУ ТУРАЛЫ СҰРАУ САЛУ",
        "ЗАПРОС О РЕАДМИССИИ",
        "READMISSION APPLICATION",
        "at-annex7-spouse-letter",
    ):
        assert "".join(title.split()) in text
    assert (
        cli(
            "proof", str(SAMPLE), "--form", "readmission-request", "--format", "odt", "-o", str(out)
        ).code
        == 2
    )
    assert cli("proof", str(SAMPLE), "--form", "no-such-form", "-o", str(out)).code == 2
    assert (
        cli(
            "proof",
            str(SAMPLE),
            "--form",
            "readmission-request",
            "--templates",
            str(tmp_path / "nowhere"),
            "-o",
            str(out),
        ).code
        == 2
    )
