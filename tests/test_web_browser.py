"""The workbench in a real browser: Debian's Chromium, driven by Playwright, on a running server
over a register of its own.

The journeys a clerk takes: a family case made from nothing (a finding appears, is fixed,
disappears; the case is saved and the request downloaded in English and read back), the
interface in Kazakh, a sample imported, a child edited, the case exported and compared, a
case saved, found in the list and opened again, two clerks saving the same case, the
record of a transmission. Screenshots of each main page go to a folder under the
system's temporary folder, never into the repository.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import readmit_forms as rf
from conftest import SAMPLES, pdf_text
from requires import require, require_program
from web_helpers import running

pytest.importorskip("fastapi")

SHOTS = Path(tempfile.gettempdir()) / "readmit-forms-web"
FAMILY = SAMPLES / "kz-at-family.yaml"
TIMEOUT = 30_000  # generous: CI shares its cores with the rest of the suite


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = require_program("chromium", package="chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra brings it
        require(False, "playwright", "pip install '.[test]'")
        raise
    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=chromium,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-extensions",
                "--no-first-run",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running() as served:
        yield served


class Browsers:
    """Browser windows of clerks, each its own context (cookies), watched for script
    errors and anything the Content-Security-Policy had to block."""

    def __init__(self, browser: Any, url: str) -> None:
        self.browser = browser
        self.url = url
        self.contexts: list[Any] = []
        self.problems: list[str] = []

    def open(self) -> Any:
        context = self.browser.new_context(
            viewport={"width": 1500, "height": 1000}, accept_downloads=True, locale="en-GB"
        )
        self.contexts.append(context)
        context.on("page", self._watch)
        opened = context.new_page()
        opened.goto(f"{self.url}/?ui=en")
        return opened

    def _watch(self, opened: Any) -> None:
        opened.set_default_timeout(TIMEOUT)
        opened.on("pageerror", lambda error: self.problems.append(str(error)))
        opened.on(
            "console",
            lambda message: (
                self.problems.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsers(browser: Any, url: str) -> Iterator[Browsers]:
    opened = Browsers(browser, url)
    yield opened
    opened.close()
    assert not opened.problems, opened.problems  # no script error, nothing the CSP blocked


@pytest.fixture
def page(browsers: Browsers) -> Any:
    return browsers.open()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _click(page: Any, value: str, wait_for: str) -> None:
    """Press an editor button (add/remove) and wait for the re-drawn editor to show."""
    page.click(f"button[value='{value}']")
    page.wait_for_selector(wait_for)


def _names(page: Any, path: str, kk: str, ru: str, en: str) -> None:
    page.fill(f"#in-{path}", kk)
    page.fill(f"#in-{path}-ru", ru)
    page.fill(f"#in-{path}-en", en)


def _no_notes(page: Any, slot: str) -> None:
    from playwright.sync_api import expect

    expect(page.locator(f"#s-{slot} .note")).to_have_count(0, timeout=TIMEOUT)


def test_a_family_case_from_nothing(page: Any) -> None:
    page.select_option("#in-start", "kz-at:AT>KZ")
    page.check("input[name=_handover]")
    page.wait_for_selector("#start-forms li[data-form='handover-notice']")
    _shot(page, "1-start")
    page.click("#start-case")
    page.wait_for_selector("#in-person--surnames-0")
    # The one thing a new case lacks is shown next to its input.
    page.wait_for_selector("#s-person--surnames .note.error")

    page.fill("#in-letter--number", "BFA-2026/RÜ/009901")
    _names(page, "letter--place", "Вена", "Вена", "Vienna")
    page.fill("#in-letter--date", "2026-11-20")
    _names(page, "person--surnames-0", "Жұмабеков", "Жумабеков", "Zhumabekov")
    _click(page, "add:person.given_names", "#in-person--given_names-0")
    _names(page, "person--given_names-0", "Ерлан", "Ерлан", "Yerlan")
    page.fill("#in-person--date_of_birth", "1988-04-12")
    _click(page, "add:person.nationality", "#in-person--nationality-0")
    page.select_option("#in-person--nationality-0", "KZ")
    page.select_option("#in-person--marital_status", "married")

    page.set_input_files("#in-person--photo", str(SAMPLES / "photos" / "specimen-portrait.jpg"))
    page.wait_for_selector("#photo-box img")
    _no_notes(page, "person--photo")
    _click(page, "add:spouse", "#in-spouse--surnames-0")
    _names(page, "spouse--surnames-0", "Жұмабекова", "Жумабекова", "Zhumabekova")
    page.fill("#in-spouse--date_of_birth", "1991-09-03")
    page.select_option("#in-spouse--sex", "female")

    _click(page, "add:children", "#in-children-0--surnames-0")
    _names(page, "children-0--surnames-0", "Жұмабеков", "Жумабеков", "Zhumabekov")
    page.fill("#in-children-0--date_of_birth", "2015-06-21")
    page.select_option("#in-children-0--sex", "male")

    _click(page, "add:documents", "#in-documents-0--kind")
    page.select_option("#in-documents-0--kind", "passport")
    page.fill("#in-documents-0--number", "N12345678")
    page.select_option("#in-documents-0--issuing_state", "KZ")
    page.fill("#in-documents-0--expiry_date", "2029-05-13")

    # The person's sex is still missing: the finding sits next to its input, citing the
    # article, and the form is not ready.
    note = page.wait_for_selector("#s-person--sex .note.error")
    assert "Kazakhstan–Austria Readmission Agreement" in note.inner_text()
    assert page.locator("#forms li[data-form='readmission-request'] .bad").count() == 1
    _shot(page, "2-editor-finding")

    page.select_option("#in-person--sex", "male")
    _no_notes(page, "person--sex")
    page.wait_for_selector("#forms li[data-form='readmission-request'] .good")
    assert page.locator("#summary li[data-path='person.sex']").count() == 0
    page.wait_for_selector("#deadlines li.due")
    _shot(page, "3-editor-fixed")

    # Downloads are recorded against a saved version: the page says so until it is saved.
    page.wait_for_selector("#downloads-hint")
    page.fill("#in-by", "A. Clerk")
    page.click("#save")
    page.wait_for_selector("#notice")
    assert "version 1" in page.inner_text("#notice")
    assert page.inner_text("#save-state") == "saved: version 1"
    assert page.locator("#downloads-hint").count() == 0
    ref = page.inner_text("#case-ref")
    _shot(page, "3b-editor-saved")

    page.select_option("#in-output-lang", "en")
    with page.expect_download() as download:
        page.click("#forms button[value='readmission-request:pdf']")
    assert download.value.suggested_filename == f"{ref}.v1.readmission-request.en.pdf"
    saved = Path(download.value.path())
    text = pdf_text(saved.read_bytes())
    assert "READMISSION APPLICATION" in text  # the English title of KZ–AT Annex 7
    for value in ("Zhumabekov", "Yerlan", "Zhumabekova", "N12345678", "BFA-2026/RÜ/009901"):
        assert value in text
    from pypdf import PdfReader

    assert any(page.images for page in PdfReader(saved).pages)  # the uploaded photo


def test_the_interface_in_kazakh(page: Any) -> None:
    page.select_option("#in-start", "kz-at:AT>KZ")
    page.click("#start-case")
    page.wait_for_selector("#in-person--surnames-0")
    page.fill("#in-person--surnames-0-en", "Zhumabekov")
    page.click("header button[data-ui='kk']")
    page.wait_for_selector("html[lang='kk']")
    assert page.locator("#sec-person h2").inner_text() == "A. Адам"
    assert page.locator("label[for='in-person--date_of_birth']").inner_text() == "Туған күні"
    assert page.locator("#summary h2").inner_text() == "Ескертулер"
    assert page.locator("#deadlines h2").inner_text() == "Мерзімдер"
    assert page.locator("button[value='add:children']").inner_text() == "Баланы қосу"
    # What was typed survives the switch, and the findings speak Kazakh too.
    assert page.input_value("#in-person--surnames-0-en") == "Zhumabekov"
    page.wait_for_selector("#summary li")
    assert "қате" in page.locator("#s-person--sex").inner_text()
    page.fill("#in-person--surnames-0-en", "")
    page.wait_for_selector("#s-person--surnames .note.error")
    assert "міндетті өріс толтырылмаған" in page.locator("#s-person--surnames").inner_text()
    _shot(page, "4-editor-kazakh")
    page.goto(page.url.split("/case")[0] + "/")
    assert page.locator(".new h1").inner_text() == "Жаңа іс"
    assert page.locator("#cases h2").inner_text() == "Тізілімдегі істер"
    _shot(page, "5-start-kazakh")


def test_import_edit_a_child_export_and_compare(page: Any) -> None:
    page.set_input_files("#in-import", str(FAMILY))
    page.click("#import-case")
    page.wait_for_selector("#in-children-1--given_names-0-en")
    assert page.input_value("#in-children-1--given_names-0-en") == "Aruzhan"
    page.fill("#in-children-1--given_names-0-en", "Aruzhan Ayana")
    page.fill("#in-children-1--date_of_birth", "2019-02-01")
    _shot(page, "6-imported")
    with page.expect_download() as download:
        page.click("button[name='_export'][value='json']")
    exported = json.loads(Path(download.value.path()).read_text("utf-8"))
    original = rf.load_case(FAMILY)
    expected = json.loads(original.model_dump_json(exclude_none=True, exclude_defaults=True))
    expected["person"].pop("photo")
    expected["children"][1]["given_names"][0]["en"] = "Aruzhan Ayana"
    expected["children"][1]["date_of_birth"] = "2019-02-01"
    assert exported == expected


def _import(page: Any, photo: bool = False) -> None:
    page.set_input_files("#in-import", str(FAMILY))
    if photo:
        page.set_input_files("#in-import-photo", str(SAMPLES / "photos" / "specimen-portrait.jpg"))
    page.click("#import-case")
    page.wait_for_selector("#in-children-1--given_names-0-en")


def _save(page: Any, by: str) -> str:
    """Press Save as ``by``; the case's reference."""
    page.fill("#in-by", by)
    page.click("#save")
    page.wait_for_selector("#notice")
    return str(page.inner_text("#case-ref"))


def test_preview_the_form_and_the_proof(page: Any) -> None:
    _import(page, photo=True)
    page.wait_for_selector("#photo-box img")
    _save(page, "A. Clerk")
    page.wait_for_selector("#photo-box img")  # the photo kept with the saved case
    page.select_option("#in-output-lang", "ru")
    with page.context.expect_page() as opened:
        page.click("#forms li[data-form='readmission-request'] button[name='_preview']")
    preview = opened.value
    preview.wait_for_selector(".pages img.page")
    assert preview.locator(".pages:not(.proof) img.page").count() >= 2
    assert preview.locator(".proof img.page").count() >= 1
    assert preview.locator("html").get_attribute("lang") == "en"
    _shot(preview, "7-preview")
    with preview.expect_download() as download:
        preview.click("button[value='readmission-request:pdf']")
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert "ЗАПРОС О РЕАДМИССИИ" in text.upper() and "Жумабеков" in text


def test_no_outside_request_is_made(page: Any, url: str) -> None:
    """Every asset comes from the server itself (the machines are offline)."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.reload()
    page.select_option("#in-start", "kz-at:AT>KZ")
    page.click("#start-case")
    page.wait_for_selector("#in-person--surnames-0")
    assert asked and all(u.startswith(url) or u.startswith("data:") for u in asked), asked


def test_save_find_in_the_list_and_open_again(browsers: Browsers) -> None:
    page = browsers.open()
    _import(page)
    ref = _save(page, "A. Clerk")
    page.click("a.button[href='/']")
    page.wait_for_selector(f"#case-list tr[data-ref='{ref}']")
    _shot(page, "8-case-list")
    page.fill("#in-find", "Жұмабеков")  # the list follows the search as it is typed
    page.wait_for_selector(f"#case-list tr[data-ref='{ref}']")
    page.fill("#in-find", "Nobody Atall")
    page.wait_for_selector("#case-list p.muted")
    page.fill("#in-find", ref[-6:])
    page.wait_for_selector(f"#case-list tr[data-ref='{ref}']")
    _shot(page, "9-case-list-found")
    page.click(f"#case-list a[href='/cases/{ref}']")
    page.wait_for_selector("#in-children-1--given_names-0-en")
    assert page.input_value("#in-children-1--given_names-0-en") == "Aruzhan"
    assert page.inner_text("#save-state") == "saved: version 1"
    page.fill("#in-children-1--given_names-0-en", "Aruzhan Ayana")
    page.wait_for_selector("#save-state.unsaved")  # the live check sees the change
    page.click("#save")
    page.wait_for_selector("#notice")
    assert "version 2" in page.inner_text("#notice")
    page.goto(f"{browsers.url}/?q={ref}")  # a reference opens its case
    page.wait_for_selector("#in-children-1--given_names-0-en")
    assert page.input_value("#in-children-1--given_names-0-en") == "Aruzhan Ayana"
    assert "Version 2, saved by A. Clerk" in page.inner_text("#register")


def test_two_clerks_save_the_same_case(browsers: Browsers) -> None:
    first = browsers.open()
    _import(first)
    ref = _save(first, "A. Clerk")
    second = browsers.open()
    second.goto(f"{browsers.url}/cases/{ref}")
    second.wait_for_selector("#in-letter--number")

    first.fill("#in-letter--number", "BFA-2026/RÜ/004599")
    first.click("#save")
    first.wait_for_selector("#notice")

    second.fill("#in-letter--number", "BFA-2026/RÜ/004600")
    second.fill("#in-by", "B. Clerk")
    second.click("#save")
    conflict = second.wait_for_selector("#conflict")
    text = conflict.inner_text()
    assert "was saved by someone else after you opened it" in text
    assert "version 2, saved by A. Clerk" in text and "letter.number" in text
    assert second.input_value("#in-letter--number") == "BFA-2026/RÜ/004600"  # kept
    _shot(second, "10-conflict")
    with second.context.expect_page() as newer:
        second.click("#conflict-open")
    newer.value.wait_for_selector("#in-letter--number")
    assert newer.value.input_value("#in-letter--number") == "BFA-2026/RÜ/004599"
    second.click("#conflict-save-mine")
    second.wait_for_selector("#notice")
    assert "version 3" in second.inner_text("#notice")
    assert second.input_value("#in-letter--number") == "BFA-2026/RÜ/004600"


def test_the_record_of_a_transmission(browsers: Browsers) -> None:
    page = browsers.open()
    _import(page)
    ref = _save(page, "A. Clerk")
    page.select_option("#in-output-lang", "en")
    with page.expect_download():
        page.click("#forms button[value='readmission-request:pdf']")
    with page.expect_download() as bundle:
        page.click("#forms button[value='bundle']")
    assert bundle.value.suggested_filename == f"{ref}.v1.bundle.en.pdf"
    with page.context.expect_page() as opened:
        page.click("#open-record")
    record = opened.value
    record.wait_for_selector("#transmit")
    record.fill("#in-to", "kz-mia")
    record.click("#transmit-go")
    record.wait_for_selector("#notice")
    assert record.locator("#record-entries tr[data-kind='transmission']").count() == 1
    assert record.inner_text("#case-state") == "sent"
    _shot(record, "11-record")


def test_a_button_pressed_while_typing_posts_once(page: Any) -> None:
    """A live check still waiting for the clerk to stop typing when a button is pressed
    stays a check: it never repeats the button's post (htmx would send it to the button's
    formaction), so one press saves one case and records one download."""
    posted: list[str] = []
    page.on(
        "request",
        lambda request: (
            posted.append(request.url.split("/", 3)[3]) if request.method == "POST" else None
        ),
    )
    _import(page)
    page.fill("#in-by", "A. Clerk")
    _type_and_take_back(page, "#in-letter--number")  # input events, and no change event
    page.click("#save")  # within the check's pause
    page.wait_for_selector("#notice")
    _type_and_take_back(page, "#in-by")
    with page.expect_download():
        page.click("#forms button[value='readmission-request:pdf']")
    page.wait_for_timeout(1500)  # past the pause: a held-back check would have gone
    assert posted.count("case/save") == 1, posted
    assert posted.count("case/download") == 1, posted


def _type_and_take_back(page: Any, selector: str) -> None:
    """Type a letter at the end of an input and delete it again."""
    page.click(selector)
    page.keyboard.press("End")
    page.keyboard.type("7")
    page.keyboard.press("Backspace")
