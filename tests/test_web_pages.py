"""The workbench's pages in-process: the editor generated from the schema, round trips, words."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import readmit_forms as rf
from conftest import SAMPLES, pdf_text, sample_paths
from web_helpers import FormFields, client

pytest.importorskip("fastapi")

from readmit_forms._web import _form
from readmit_forms._web._i18n import UI_LANGS, messages

FAMILY = SAMPLES / "kz-at-family.yaml"


@pytest.fixture
def web() -> Any:
    with client() as c:
        c.get("/")
        yield c


def _csrf(web: Any) -> str:
    return str(web.cookies.get("rf_csrf"))


def _case_of(path: Path) -> rf.Case:
    case = rf.load_case(path)
    return case.model_copy(update={"person": case.person.model_copy(update={"photo": None})})


def _import(web: Any, path: Path, photo: bytes | None = None) -> Any:
    files = {"_file": (path.name, path.read_bytes())}
    if photo is not None:
        files["_photo_file"] = ("photo.jpg", photo)
    return web.post("/case/import", data={"_csrf": _csrf(web)}, files=files)


def _post(web: Any, html: str, url: str = "/case", **extra: str) -> Any:
    fields = FormFields.of(html).items + list(extra.items())
    return web.post(url, data=_multi(fields))


def _save(web: Any, html: str, **extra: str) -> Any:
    """Press Save (as A. Clerk): the case, reopened from the register."""
    extra.setdefault("_by", "A. Clerk")
    saved = _post(web, html, "/case/save", **extra)
    assert saved.status_code == 200, saved.text[:800]
    assert saved.url.path.startswith("/cases/")
    return saved


def _multi(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in fields:
        out.setdefault(name, []).append(value)
    return out


# -- the editor is the schema ------------------------------------------------------------


def test_layout_covers_every_field_of_the_case_once() -> None:
    top = list(rf.Case.model_json_schema()["properties"])
    layout = _form.layout()
    placed = [name for _, names in layout.sections for name in names] + list(layout.fixed)
    assert sorted(placed) == sorted(top)
    assert len(placed) == len(set(placed))


def test_every_schema_node_has_an_input() -> None:
    schema = rf.Case.model_json_schema()
    for definition in [schema, *schema["$defs"].values()]:
        for name, node in definition.get("properties", {}).items():
            assert _form.shape(node, name).kind  # raises for a node it cannot show


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_every_sample_survives_the_editor(web: Any, path: Path) -> None:
    """Import → the page's inputs as a browser posts them → export: the same case."""
    page = _import(web, path)
    assert page.status_code == 200, page.text[:500]
    exported = _post(web, page.text, "/case/export", _export="json")
    assert exported.status_code == 200
    assert exported.headers["content-disposition"].startswith("attachment;")
    back = rf.load_case(exported.json())
    assert back == _case_of(path)


def test_every_field_and_choice_has_words_in_every_language() -> None:
    schema = rf.Case.model_json_schema()
    for lang in UI_LANGS:
        m = messages(lang)
        for definition_name, definition in [("Case", schema), *schema["$defs"].items()]:
            for name in definition.get("properties", {}):
                assert m.has(f"field.{definition_name}.{name}") or m.has(f"field.{name}"), (
                    lang,
                    definition_name,
                    name,
                )
            for value in definition.get("enum", ()):
                if definition_name != "Case":
                    assert m.has(f"enum.{definition_name}.{value}"), (lang, value)
        for section, _ in _form.layout().sections:
            assert m.has(f"section.{section}")


def test_the_three_languages_have_the_same_words() -> None:
    keys = {lang: set(messages(lang).texts) for lang in UI_LANGS}
    assert keys[rf.Lang.KK] == keys[rf.Lang.EN] == keys[rf.Lang.RU]
    for lang in (rf.Lang.KK, rf.Lang.RU):
        texts = messages(lang).texts
        words = {k: re.sub(r"\{[a-z_]+\}", "", v) for k, v in texts.items()}
        latin = [k for k, v in words.items() if re.search(r"[A-Za-z]*[a-z]{3,}", v)]
        assert latin == ["lang.en"], latin  # format names (JSON, PDF) are in capitals


# -- pages -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_start_page_in_each_language(lang: str) -> None:
    with client() as c:
        page = c.get("/", params={"ui": lang})
        assert page.status_code == 200
        assert f'<html lang="{lang}">' in page.text
        assert messages(rf.Lang(lang))("start.title") in page.text
        assert c.cookies.get("rf_ui") == lang


def test_a_new_case_and_its_forms(web: Any) -> None:
    fragment = web.post(
        "/start/forms", data={"_csrf": _csrf(web), "_start": "kz-at:AT>KZ", "_interview": "on"}
    )
    assert 'data-form="interview-request"' in fragment.text
    page = web.post(
        "/case/new", data={"_csrf": _csrf(web), "_start": "kz-at:AT>KZ", "_handover": "on"}
    )
    assert page.status_code == 200
    assert 'name="person.surnames[0].kk"' in page.text
    assert 'name="handover.__present"' in page.text
    assert 'data-path="person.surnames"' in page.text  # the one thing still missing
    called = re.findall(r'<li class="called" data-form="([^"]+)"', page.text)
    assert called == ["readmission-request", "handover-notice"]


def test_the_finding_sits_next_to_its_input(web: Any) -> None:
    page = _import(web, FAMILY)
    fields = [(n, v) for n, v in FormFields.of(page.text).items if n != "person.sex"]
    checked = web.post("/case/check", data=_multi(fields))
    assert checked.status_code == 200
    slot = re.search(
        r'<div class="slot" id="s-person--sex" hx-swap-oob="true">(.*?)</div>', checked.text, re.S
    )
    assert slot is not None and 'data-code="item-missing"' in slot.group(1)
    assert "<cite>Kazakhstan–Austria Readmission Agreement, Art. " in slot.group(1)
    fixed = web.post("/case/check", data=_multi([*fields, ("person.sex", "male")]))
    slot = re.search(r'id="s-person--sex" hx-swap-oob="true">(.*?)</div>', fixed.text, re.S)
    assert slot is not None and "note" not in slot.group(1)


def test_add_and_remove_in_place(web: Any) -> None:
    page = _import(web, FAMILY)
    added = _post(web, page.text, _action="add:children")
    assert 'name="children[2].__present"' in added.text
    assert 'name="children[2].surnames[0].kk"' in added.text
    removed = _post(web, added.text, _action="remove:children[0]")
    assert 'name="children[2].__present"' not in removed.text
    fields = dict(FormFields.of(removed.text).items)
    assert fields["children[0].given_names[0].en"] == "Aruzhan"


def test_split_and_join_a_text(web: Any) -> None:
    page = _import(web, FAMILY)
    fields = dict(FormFields.of(page.text).items)
    assert fields["signatory.name"] == "Mag. Katharina Steiner"
    split = _post(web, page.text, _action="split:signatory.name")
    fields = dict(FormFields.of(split.text).items)
    assert fields["signatory.name.ru"] == "Mag. Katharina Steiner"
    joined = _post(web, split.text, _action="join:signatory.name")
    assert dict(FormFields.of(joined.text).items)["signatory.name"] == "Mag. Katharina Steiner"


def test_border_crossing_point_of_the_agreement_or_a_name(web: Any) -> None:
    page = _import(web, FAMILY)
    fields = dict(FormFields.of(page.text).items)
    assert fields["handover.border_crossing_point._pick"] == "kz-ala-airport"
    items = [(n, v) for n, v in FormFields.of(page.text).items if "border_crossing" not in n]
    items += [
        ("handover.border_crossing_point._pick", "_other"),
        ("handover.border_crossing_point.en", "Khorgos"),
    ]
    exported = web.post("/case/export", data=_multi([*items, ("_export", "yaml")]))
    data = yaml.safe_load(exported.text)
    assert data["handover"]["border_crossing_point"] == {"en": "Khorgos"}


def test_download_a_form(web: Any) -> None:
    page = _import(web, FAMILY)
    unsaved = _post(
        web, page.text, "/case/download", _download="readmission-request:pdf", _lang="en"
    )
    assert unsaved.status_code == 409  # given out only from a saved version: save first
    assert messages(rf.Lang.EN)("banner.save_first") in unsaved.text
    saved = _save(web, page.text)
    answer = _post(
        web, saved.text, "/case/download", _download="readmission-request:pdf", _lang="en"
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert re.fullmatch(
        r'attachment; filename="KZ-AT-\d{4}-\d{6}\.v1\.readmission-request\.en\.pdf"',
        answer.headers["content-disposition"],
    )
    assert "Zhumabekov" in pdf_text(answer.content)


def test_a_refused_download_keeps_the_case(web: Any) -> None:
    page = _import(web, FAMILY)
    without_sex = "".join(
        line for line in page.text.splitlines(keepends=True) if 'name="person.sex"' not in line
    )
    saved = _save(web, without_sex)
    fields = FormFields.of(saved.text).items
    assert "person.sex" not in dict(fields) or not dict(fields)["person.sex"]
    answer = web.post(
        "/case/download",
        data=_multi([*fields, ("_download", "readmission-request:pdf"), ("_lang", "en")]),
    )
    assert answer.status_code == 422
    assert 'class="banner"' in answer.text
    assert dict(FormFields.of(answer.text).items)["person.surnames[0].en"] == "Zhumabekov"
    draft = web.post(
        "/case/download",
        data=_multi([*fields, ("_download", "readmission-request:pdf"), ("_draft", "on")]),
    )
    assert draft.status_code == 200
    assert "DRAFT" in pdf_text(draft.content)


def test_preview_shows_pages_and_the_proof(web: Any) -> None:
    page = _save(web, _import(web, FAMILY).text)
    answer = _post(web, page.text, "/case/preview", _preview="readmission-request", _lang="ru")
    assert answer.status_code == 200
    assert answer.text.count('<img class="page" src="data:image/png;base64,') >= 2
    held = dict(FormFields.of(answer.text, "held").items)
    again = web.post(
        "/case/download",
        data={**held, "_download": "readmission-request:docx", "_lang": "ru"},
    )
    assert again.status_code == 200
    assert again.headers["content-type"].startswith("application/vnd.openxmlformats")


def test_import_refuses_a_bad_file_with_its_lines(web: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("agreement: kz-at\nrequesting_state: AT\nrequested_state: KZ\nperson: {}\n")
    answer = _import(web, bad)
    assert answer.status_code == 422
    assert "bad.yaml: person.surnames: required field is missing" in answer.text


def test_import_drops_a_photo_path_and_takes_an_upload(web: Any) -> None:
    photo = (SAMPLES / "photos" / "specimen-portrait.jpg").read_bytes()
    page = _import(web, FAMILY)
    assert messages(rf.Lang.EN)("notice.photo_path_dropped") in page.text.replace("&#39;", "'")
    assert 'name="_photo"' not in page.text
    with_photo = _import(web, FAMILY, photo)
    assert 'name="_photo"' in with_photo.text
    reopened = _save(web, with_photo.text)  # the photo kept by the workbench, read back
    assert 'name="_photo"' in reopened.text
    answer = _post(web, reopened.text, "/case/download", _download="readmission-request:pdf")
    from pypdf import PdfReader

    images = [i for p in PdfReader(io.BytesIO(answer.content)).pages for i in p.images]
    assert images


def test_a_tampered_photo_is_checked_again(web: Any) -> None:
    page = _import(web, FAMILY)
    fields = FormFields.of(page.text).items
    import base64

    fake = base64.b64encode(b"not a picture").decode()
    answer = web.post(
        "/case/check", data=_multi([*fields, ("_photo", fake), ("_photo_seal", "0" * 64)])
    )
    assert 'data-code="photo"' in answer.text


def test_deadlines_on_the_timeline(web: Any) -> None:
    page = _import(web, FAMILY)
    assert 'class="due ' in page.text
    statuses = re.findall(r'data-status="([a-z]+)"', page.text)
    expected = [d.status for d in rf.deadlines(FAMILY).items]
    assert statuses == expected
    assert '<li class="today">' in page.text


def test_json_export_is_a_case_file(web: Any, tmp_path: Path, cli: Any) -> None:
    page = _import(web, FAMILY)
    exported = _post(web, page.text, "/case/export", _export="yaml")
    assert exported.headers["content-type"].startswith("application/yaml")
    saved = tmp_path / "case.yaml"
    saved.write_bytes(exported.content)
    assert cli("validate", str(saved)).code == 0
    assert json.loads(json.dumps(rf.load_case(saved).model_dump(mode="json"))) == json.loads(
        _case_of(FAMILY).model_dump_json()
    )
