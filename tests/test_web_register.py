"""The workbench over the case register: save (every save a version, with who saved it), the
case list, open by reference, two clerks saving the same case, every document given out
recorded, the record of transmissions and receipts, the bundle and signed downloads."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import readmit_forms as rf
from conftest import SAMPLES, pdf_text
from web_helpers import LOOPBACK, FormFields, client, fresh_register, with_register

pytest.importorskip("fastapi")

from readmit_forms._web import WebConfig, create_app
from readmit_forms._web._i18n import messages

FAMILY = SAMPLES / "kz-at-family.yaml"
PHOTO = SAMPLES / "photos" / "specimen-portrait.jpg"
EN = messages(rf.Lang.EN)
TOKEN = "s3cret-token-for-the-tests-0123"


def _multi(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in fields:
        out.setdefault(name, []).append(value)
    return out


def _post(web: Any, html: str, url: str = "/case", **extra: str) -> Any:
    return web.post(url, data=_multi(FormFields.of(html).items + list(extra.items())))


def _changed(html: str, name: str, value: str) -> list[tuple[str, str]]:
    return [(n, value if n == name else v) for n, v in FormFields.of(html).items]


def _import(web: Any, path: Path = FAMILY, photo: bytes | None = None) -> Any:
    web.get("/")
    files = {"_file": (path.name, path.read_bytes())}
    if photo is not None:
        files["_photo_file"] = ("photo.jpg", photo)
    return web.post("/case/import", data={"_csrf": web.cookies.get("rf_csrf")}, files=files)


def _save(web: Any, html: str, by: str = "A. Clerk", **extra: str) -> Any:
    saved = _post(web, html, "/case/save", _by=by, **extra)
    assert saved.status_code == 200, saved.text[:600]
    return saved


def _ref(page: Any) -> str:
    return str(dict(FormFields.of(page.text).items)["_ref"])


def _clerks(config: WebConfig | None = None, n: int = 2) -> list[Any]:
    """Browsers of ``n`` clerks on one server (one register)."""
    from starlette.testclient import TestClient

    app = create_app(with_register(config))
    return [TestClient(app, base_url=LOOPBACK, client=("127.0.0.1", 50000 + i)) for i in range(n)]


@pytest.fixture
def web() -> Any:
    with client() as c:
        yield c


# -- save, list, open ---------------------------------------------------------------------


def test_save_a_case_find_it_and_open_it_again(web: Any) -> None:
    page = _import(web)
    assert EN("save.not_yet") in page.text
    assert EN("register.not_saved") in page.text
    saved = _save(web, page.text)
    ref = _ref(saved)
    assert re.fullmatch(r"KZ-AT-\d{4}-\d{6}", ref)
    assert saved.url.path == f"/cases/{ref}"
    assert EN("saved.version", ref=ref, n=1) in saved.text
    assert EN("save.saved", n=1) in saved.text
    assert EN("register.version", n=1, who="A. Clerk", when="").rstrip(", ") in saved.text

    listed = web.get("/")
    row = re.search(rf'<tr data-ref="{ref}".*?</tr>', listed.text, re.S)
    assert row is not None
    assert "Zhumabekov" in row.group(0) and EN("state.draft") in row.group(0)
    for asked in ("Zhumabekov", "жұмабеков", ref[-6:], "kz-at"):
        found = web.get("/", params={"q": asked}, headers={"hx-request": "true"})
        assert f'data-ref="{ref}"' in found.text, asked
        assert "<html" not in found.text  # the list alone, swapped in place
    assert f'data-ref="{ref}"' not in web.get("/", params={"q": "Nobody"}).text
    assert f'data-ref="{ref}"' not in web.get("/", params={"agreement": "kz-by"}).text
    opened = web.get("/", params={"q": ref.lower()})  # a reference opens the case
    assert opened.url.path == f"/cases/{ref}"

    reopened = web.get(f"/cases/{ref}")
    assert reopened.status_code == 200
    fields = dict(FormFields.of(reopened.text).items)
    assert fields["person.surnames[0].en"] == "Zhumabekov" and fields["_version"] == "1"
    again = _save(web, reopened.text)  # nothing changed: no new version
    assert EN("saved.unchanged") in again.text
    register = web_register(web)
    assert [v.number for v in register.history(ref)] == [1]

    changed = _multi(_changed(reopened.text, "letter.number", "BFA-2026/RÜ/000002"))
    edited = web.post("/case/check", data=changed)
    assert EN("save.unsaved", n=1) in edited.text  # the page knows it has changes
    second = web.post("/case/save", data=changed)
    assert EN("saved.version", ref=ref, n=2) in second.text
    history = [(v.number, v.saved_by, v.changes) for v in register.history(ref)]
    assert history[1] == (2, "A. Clerk", ("letter.number",))
    assert web.cookies.get("rf_clerk") == "A.%20Clerk"  # remembered for the next save


def test_a_case_that_does_not_match_the_schema_is_not_saved_and_not_lost(web: Any) -> None:
    page = _import(web)
    fields = [(n, v) for n, v in FormFields.of(page.text).items if not n.startswith("person.")]
    answer = web.post("/case/save", data=_multi([*fields, ("_by", "A. Clerk")]))
    assert answer.status_code == 422
    assert EN("banner.save_incomplete", n=1).split(":")[0] in answer.text
    assert dict(FormFields.of(answer.text).items)["letter.number"] == "BFA-2026/RÜ/004517"
    nameless = _post(web, page.text, "/case/save", _by=" ")
    assert nameless.status_code == 422 and EN("banner.who").split(" (")[0] in nameless.text


def test_the_photo_is_kept_with_the_saved_case(web: Any) -> None:
    page = _import(web, photo=PHOTO.read_bytes())
    saved = _save(web, page.text)
    fields = dict(FormFields.of(saved.text).items)
    assert fields["_photo"] and fields["_photo_seal"]
    store = web.app.app.state.store
    kept = list(store.photos.folder.iterdir())
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o077 == 0
    case = store.register.get(_ref(saved)).case
    assert case.person.photo == kept[0]
    assert EN("save.saved", n=1) in saved.text  # the photo read back: no change seen


# -- two clerks -----------------------------------------------------------------------------


def test_two_clerks_save_the_same_case_and_nothing_is_lost() -> None:
    first, second = _clerks()
    ref = _ref(_save(first, _import(first).text, by="A. Clerk"))
    page_a = first.get(f"/cases/{ref}").text
    page_b = second.get(f"/cases/{ref}").text

    mine_a = _changed(page_a, "letter.number", "FROM-A")
    assert "version 2" in first.post("/case/save", data=_multi([*mine_a, ("_by", "A. Clerk")])).text
    late = second.post(
        "/case/save",
        data=_multi([*_changed(page_b, "letter.number", "FROM-B"), ("_by", "B. Clerk")]),
    )
    assert late.status_code == 409
    banner = re.search(r'<div class="banner conflict".*?</div>', late.text, re.S)
    assert banner is not None
    text = banner.group(0)
    assert EN("conflict.title", ref=ref) in text
    assert "version 2, saved by A. Clerk" in text and "<code>letter.number</code>" in text
    assert f'href="/cases/{ref}"' in text
    assert dict(FormFields.of(late.text).items)["letter.number"] == "FROM-B"  # B's page is kept
    register = web_register(first)
    assert register.get(ref).case.letter.number == "FROM-A"  # A's save stands

    mine = second.post(  # B, having seen it, saves theirs as the next version
        "/case/save",
        data=_multi([*FormFields.of(late.text).items, ("_by", "B. Clerk"), ("_based_on", "2")]),
    )
    assert mine.status_code == 200 and "version 3" in mine.text
    assert [(v.number, v.saved_by) for v in register.history(ref)] == [
        (1, "A. Clerk"),
        (2, "A. Clerk"),
        (3, "B. Clerk"),
    ]
    assert register.get(ref).case.letter.number == "FROM-B"
    assert register.get(ref, version=2).case.letter.number == "FROM-A"  # still in the history


def test_a_download_from_a_page_of_an_older_version_is_refused() -> None:
    first, second = _clerks()
    ref = _ref(_save(first, _import(first).text))
    stale = first.get(f"/cases/{ref}").text
    newer = _changed(second.get(f"/cases/{ref}").text, "letter.number", "NEWER")
    second.post("/case/save", data=_multi([*newer, ("_by", "B. Clerk")]))
    answer = _post(first, stale, "/case/download", _download="readmission-request:pdf")
    assert answer.status_code == 409
    assert EN("conflict.newer", ref=ref) in answer.text
    assert "application/pdf" not in answer.headers["content-type"]


def web_register(web: Any) -> rf.Register:
    store = web.app.app.state.store
    register: rf.Register = store.register
    return register


# -- bad references ------------------------------------------------------------------------


def test_an_unknown_case_reference(web: Any) -> None:
    page = web.get("/cases/KZ-AT-2026-999999", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert 'data-code="unknown-case"' in page.text and "Traceback" not in page.text
    as_json = web.get("/cases/KZ-AT-2026-999999", headers={"accept": "application/json"})
    assert as_json.json()["error"]["code"] == "unknown-case"
    assert as_json.json()["error"]["exit_code"] == 2
    assert web.get("/cases/KZ-AT-2026-999999/record").status_code == 404
    imported = _import(web)
    lost = _post(web, imported.text, "/case/save", _by="A", _ref="KZ-AT-2026-999999", _version="1")
    assert lost.status_code == 404  # said on the page, which keeps the case
    assert "KZ-AT-2026-999999" in lost.text
    assert dict(FormFields.of(lost.text).items)["person.surnames[0].en"] == "Zhumabekov"


def test_a_register_that_cannot_be_reached() -> None:
    config = WebConfig(db="postgresql://nobody@127.0.0.1:1/register")
    with client(config) as web:
        start = web.get("/")
        assert start.status_code == 200  # new cases and case files still work
        assert EN("cases.unavailable") in start.text
        page = _import(web)
        assert page.status_code == 200
        answer = _post(web, page.text, "/case/save", _by="A. Clerk")
        assert answer.status_code == 503
        assert "cannot open the register" in answer.text
        assert dict(FormFields.of(answer.text).items)["person.surnames[0].en"] == "Zhumabekov"


# -- documents given out are recorded --------------------------------------------------------


def test_every_download_is_recorded_in_the_register(web: Any) -> None:
    saved = _save(web, _import(web, photo=PHOTO.read_bytes()).text)
    ref = _ref(saved)
    made = {}
    for choice in ("readmission-request:pdf", "readmission-request:docx", "bundle"):
        answer = _post(web, saved.text, "/case/download", _download=choice, _lang="en")
        assert answer.status_code == 200, answer.text[:500]
        made[choice] = answer.content
    documents = web_register(web).documents(ref)
    assert [(d.form, d.format, d.version, d.created_by) for d in documents] == [
        ("readmission-request", "pdf", 1, "A. Clerk"),
        ("readmission-request", "docx", 1, "A. Clerk"),
        ("bundle", "pdf", 1, "A. Clerk"),
    ]
    import hashlib

    assert documents[2].sha256 == hashlib.sha256(made["bundle"]).hexdigest()
    contents = rf.extract(made["bundle"])
    attached = json.loads(contents.case_json)
    assert attached["person"]["photo"] == "photo.jpg"  # no path of the server
    assert "Zhumabekov" in pdf_text(made["bundle"])
    record = web.get(f"/cases/{ref}/record")
    assert record.text.count("<tr data-sha=") == 3


def test_transmit_receive_and_state_from_the_record_page(web: Any) -> None:
    saved = _save(web, _import(web).text)
    ref = _ref(saved)
    _post(web, saved.text, "/case/download", _download="readmission-request:pdf", _lang="en")
    record = web.get(f"/cases/{ref}/record")
    assert record.status_code == 200
    form = dict(FormFields.of(record.text, "transmit").items)
    assert form["_document"] and form["_purpose"] == "readmission"

    missing = web.post(
        f"/cases/{ref}/transmit", data={**form, "_to": "kz-mia", "_purpose": "", "_by": "A"}
    )
    assert missing.status_code == 422  # KZ–AT Art. 12(3): the purpose must be recorded
    assert "The record must name the purpose" in missing.text and "Art. 12(3)" in missing.text
    sent = web.post(f"/cases/{ref}/transmit", data={**form, "_to": "kz-mia", "_by": "A. Clerk"})
    assert sent.status_code == 200 and EN("record.done.transmit") in sent.text
    assert 'data-kind="transmission"' in sent.text
    assert "Ministry of Internal Affairs of the Republic of Kazakhstan" in sent.text
    assert 'class="state-badge sent"' in sent.text

    reply = dict(FormFields.of(sent.text, "receive").items)
    got = web.post(
        f"/cases/{ref}/receive",
        data={**reply, "_from": "kz-mia", "_reply": "positive", "_reply_date": "2026-11-24"},
    )
    assert got.status_code == 200 and 'data-kind="receipt"' in got.text
    register = web_register(web)
    assert register.get(ref).state == "answered" and register.get(ref).version == 2
    assert register.get(ref).case.reply.positive is True
    state = dict(FormFields.of(got.text, "state").items)
    closed = web.post(f"/cases/{ref}/state", data={**state, "_state": "closed"})
    assert closed.status_code == 200 and register.get(ref).state == "closed"
    bad = web.post(f"/cases/{ref}/state", data={**state, "_state": "lost"})
    assert bad.status_code == 400 and 'class="banner"' in bad.text


def test_a_record_post_without_its_csrf_token_is_refused(web: Any) -> None:
    ref = _ref(_save(web, _import(web).text))
    answer = web.post(f"/cases/{ref}/state", data={"_state": "closed", "_by": "A"})
    assert answer.status_code == 403
    assert web_register(web).get(ref).state == "draft"


# -- signing with the server's key ------------------------------------------------------------


def _signing_config(clerk: Any) -> WebConfig:
    from pki import PASSPHRASE
    from readmit_forms._web._signer import KeySpec

    key = KeySpec(p12=str(clerk.p12)).open(PASSPHRASE)
    return WebConfig(token=TOKEN, key=key, db=fresh_register())


def test_signed_downloads_with_the_servers_key(clerk: Any, pki: Any) -> None:
    from signing_env import trust

    config = _signing_config(clerk)
    with client(config, headers={"authorization": f"Bearer {TOKEN}"}) as web:
        saved = _save(web, _import(web).text)
        assert EN("forms.signed") in saved.text
        signed = "readmission-request:pdf:signed"
        answer = _post(web, saved.text, "/case/download", _download=signed)
        assert answer.status_code == 200, answer.text[:400]
        assert answer.headers["content-disposition"].endswith('.en.signed.pdf"')
        verified = rf.verify(answer.content, trust=trust(pki))
        assert verified.ok and verified.signatures[0].signer == "Айгүл Сәрсенова"
        bundle = _post(web, saved.text, "/case/download", _download="bundle:signed")
        assert rf.verify(bundle.content, trust=trust(pki)).ok
        assert rf.extract(bundle.content).documents
        documents = web_register(web).documents(_ref(saved))
        kinds = [(d.form, d.derived_from is not None) for d in documents]
        assert kinds == [
            ("readmission-request", False),
            ("readmission-request", True),
            ("bundle", False),
            ("bundle", True),
        ]
        draft = _post(web, saved.text, "/case/download", _download=signed, _draft="on")
        assert draft.status_code == 422 and EN("banner.not_signed") in draft.text

        case = json.dumps(json.loads(rf.load_case(FAMILY).model_dump_json(exclude_none=True)))
        case = case.replace(str(FAMILY.parent / "photos" / "specimen-portrait.jpg"), "")
        body = json.loads(case)
        body["person"].pop("photo", None)
        api = web.post("/api/v1/render?form=readmission-request&lang=en&sign=true", json=body)
        assert api.status_code == 200 and rf.verify(api.content, trust=trust(pki)).ok
        api_bundle = web.post("/api/v1/bundle?sign=true&lang=ru", json=body)
        assert api_bundle.status_code == 200 and rf.verify(api_bundle.content, trust=trust(pki)).ok


def test_no_key_no_signature() -> None:
    with client() as web:
        saved = _save(web, _import(web).text)
        assert EN("forms.signed") not in saved.text
        fields = [*FormFields.of(saved.text).items, ("_download", "readmission-request:pdf:signed")]
        answer = web.post("/case/download", data=_multi(fields), headers={"accept": "text/html"})
        assert answer.status_code == 400 and 'data-code="signing-not-configured"' in answer.text
        body = json.loads(json.dumps(_api_case()))
        api = web.post("/api/v1/render?form=readmission-request&lang=en&sign=true", json=body)
        assert api.status_code == 400
        assert api.json()["error"]["code"] == "signing-not-configured"


def test_a_server_that_signs_needs_a_token(clerk: Any) -> None:
    from pki import PASSPHRASE
    from readmit_forms._web._signer import KeySpec

    key = KeySpec(p12=str(clerk.p12)).open(PASSPHRASE)
    with pytest.raises(ValueError, match="needs an access token"):
        WebConfig(key=key)


def _api_case() -> dict[str, Any]:
    import yaml

    data: dict[str, Any] = yaml.safe_load(FAMILY.read_text("utf-8"))
    data["person"].pop("photo")
    return json.loads(json.dumps(data, default=str))


def test_pdf_reader_sees_the_photo_from_the_store(web: Any) -> None:
    saved = _save(web, _import(web, photo=PHOTO.read_bytes()).text)
    answer = _post(web, saved.text, "/case/download", _download="readmission-request:pdf")
    from pypdf import PdfReader

    assert any(p.images for p in PdfReader(io.BytesIO(answer.content)).pages)
