"""The workbench's pages: start a case, edit it, check it live, preview, download, import,
export. Routes are thin: they read the posted case, ask `_workbench` (the library) and
render a template.

Until the register is wired in, the case travels whole with every request (the editor
is one form; the preview page holds the case as JSON): nothing is stored on the server.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Callable, Coroutine, Mapping
from functools import cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.datastructures import FormData, UploadFile

import readmit_forms as rf

from ._api import attachment
from ._casework import Photo, Serial, photo_on_disk
from ._config import WebConfig
from ._errors import WebError
from ._form import LANGS, OTHER, PICK, apply_action, case_data, parse_form, slot_id
from ._i18n import UI_LANGS, Messages, messages, pick_ui_lang
from ._preview import page_images
from ._security import CSRF_COOKIE, TOKEN_COOKIE, check_csrf, token_matches
from ._store import CaseStore, Generated, PageStore
from ._workbench import Checked, Draft, examine, forms_called_for

__all__ = ["error_page", "pages_router"]

UI_COOKIE = "rf_ui"
_MAX_FIELDS = 5000
_MAX_PART = 16_000_000
_KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


# -- templates -----------------------------------------------------------------------------


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("readmit_forms._web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(slot_id=slot_id, LANGS=LANGS, PICK=PICK, OTHER=OTHER, UI_LANGS=UI_LANGS)
    return env


def _collate(lang: rf.Lang) -> Any:
    if lang is not rf.Lang.KK:
        return lambda name: name.casefold()
    order = {letter: index for index, letter in enumerate(_KAZAKH)}
    return lambda name: [order.get(ch, 100 + ord(ch)) for ch in name.casefold()]


@cache
def _choices(lang: rf.Lang) -> Mapping[str, list[tuple[str, str]]]:
    key = _collate(lang)
    countries = sorted(rf.country_names(lang).items(), key=lambda item: key(item[1]))
    spoken = sorted(rf.language_names(lang).items(), key=lambda item: key(item[1]))
    return {"country": countries, "language": spoken}


def _label(m: Messages, keys: tuple[str, ...]) -> str:
    for key in keys:
        text = m.get(key)
        if text is not None:
            return text
    raise KeyError(f"no UI label for {keys[-1]!r}")


def _page(
    request: Request,
    template: str,
    ui: rf.Lang,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    m = messages(ui)
    html = (
        _env()
        .get_template(template)
        .render(
            m=m,
            ui=ui,
            csrf=token,
            label=lambda keys: _label(m, keys),
            choices=_choices(ui),
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status)
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    response.set_cookie(UI_COOKIE, ui.value, samesite="strict", max_age=365 * 86400)
    return response


def _ui(request: Request, form: FormData | None = None) -> rf.Lang:
    asked = form.get("_ui") if form is not None else None
    return pick_ui_lang(
        str(asked) if isinstance(asked, str) else request.query_params.get("ui"),
        request.cookies.get(UI_COOKIE),
        request.headers.get("accept-language"),
    )


def error_page(request: Request, error: WebError) -> HTMLResponse:
    """An error as a page in the clerk's language: the code and one line, no traceback."""
    ui = _ui(request)
    m = messages(ui)
    key = f"error.{error.code}"
    return _page(
        request,
        "error.html",
        ui,
        status=error.status,
        error=error,
        title=m(key) if m.has(key) else error.code,
    )


# -- reading the posted case ---------------------------------------------------------------------


async def _form(request: Request) -> FormData:
    form = await request.form(max_files=2, max_fields=_MAX_FIELDS, max_part_size=_MAX_PART)
    check_csrf(request.cookies, form.get("_csrf"))
    return form


def _uploaded(form: FormData, name: str) -> bool:
    value = form.get(name)
    return isinstance(value, UploadFile) and bool(value.filename)


async def _upload(form: FormData, name: str) -> bytes | None:
    value = form.get(name)
    if isinstance(value, UploadFile) and value.filename:
        data = await value.read()
        return data or None
    return None


async def _draft(form: FormData, config: WebConfig, work: Serial) -> tuple[Draft, str | None]:
    """The draft a page posted, and a photo problem to show (or None)."""
    held = form.get("_case")
    if isinstance(held, str) and held:
        try:
            data = json.loads(held)
        except ValueError:
            raise WebError(400, "case-file", "the page's copy of the case is damaged", 2) from None
        if not isinstance(data, dict):
            raise WebError(400, "case-file", "the page's copy of the case is damaged", 2)
    else:
        data = parse_form((k, v) for k, v in form.multi_items() if isinstance(v, str))
    photo_problem = None
    photo: Photo | None = None
    try:
        uploaded = await _upload(form, "_photo_file")
        if uploaded is not None:
            photo = await work(Photo.upload, uploaded)
        elif form.get("_action") != "photo-remove":
            held_photo = str(form.get("_photo") or "")
            seal = str(form.get("_photo_seal") or "")
            photo = await work(Photo.from_field, held_photo, seal, config.secret)
    except rf.PhotoError as exc:
        photo_problem = exc.reason
    if isinstance(data.get("person"), dict):
        data["person"].pop("photo", None)  # a file path from a client is never opened
    return Draft(data, photo), photo_problem


async def _posted(
    request: Request, config: WebConfig, work: Serial
) -> tuple[FormData, rf.Lang, Draft, str | None]:
    """A page's post: its form (CSRF checked), the interface language, the draft it holds
    and a photo problem to show."""
    form = await _form(request)
    draft, photo_problem = await _draft(form, config, work)
    return form, _ui(request, form), draft, photo_problem


def _lang_choice(value: object, agreement: rf.Agreement | None, ui: rf.Lang) -> rf.Lang:
    if isinstance(value, str) and value in {lang.value for lang in UI_LANGS}:
        return rf.Lang(value)
    if agreement is not None:
        working = agreement.languages.working
        if working.stated and working.value in {lang.value for lang in UI_LANGS}:
            return rf.Lang(str(working.value))
    return ui


# -- the routes --------------------------------------------------------------------------------


class _ClosingRoute(APIRoute):
    """A route that closes the request's uploads (temporary files) once it has answered."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def run(request: Request) -> Response:
            try:
                return await handler(request)
            finally:
                await request.close()

        return run


def pages_router(config: WebConfig, work: Serial, store: CaseStore | None = None) -> APIRouter:
    router = APIRouter(include_in_schema=False, route_class=_ClosingRoute)
    store = store or PageStore()

    def editor_page(
        request: Request,
        ui: rf.Lang,
        checked: Checked,
        photo_problem: str | None = None,
        banner: str | None = None,
        status: int = 200,
        form: FormData | None = None,
    ) -> HTMLResponse:
        draft = checked.draft
        chosen = form.get("_lang") if form is not None else None
        return _page(
            request,
            "editor.html",
            ui,
            status=status,
            checked=checked,
            draft=draft,
            agreement=draft.agreement,
            photo=draft.photo,
            photo_seal=draft.photo.seal(config.secret) if draft.photo else "",
            photo_problem=photo_problem,
            banner=banner,
            output_lang=_lang_choice(chosen, draft.agreement, ui),
            draft_mark=form is not None and form.get("_draft") == "on",
            people=_people(draft.data),
        )

    async def check(draft: Draft, ui: rf.Lang) -> Checked:
        return await work(examine, draft, ui, config.today())

    @router.get("/")
    async def start(request: Request) -> Response:
        ui = _ui(request)
        return _page(request, "start.html", ui, agreements=list(rf.agreements()), problems=[])

    @router.post("/start/forms")
    async def start_forms(request: Request) -> Response:
        form = await _form(request)
        ui = _ui(request, form)
        data = _new_case(form)
        agreement = rf.get_agreement(data["agreement"]) if data else None
        called = forms_called_for(data) if data else ()
        return _page(request, "_start_forms.html", ui, agreement=agreement, called=called)

    @router.post("/case/new")
    async def new_case(request: Request) -> Response:
        form = await _form(request)
        ui = _ui(request, form)
        data = _new_case(form)
        if data is None:
            raise WebError(400, "bad-request", "choose an agreement and who requests whom", 2)
        return editor_page(request, ui, await check(Draft(data), ui))

    @router.post("/case/import")
    async def import_case(request: Request) -> Response:
        form = await _form(request)
        ui = _ui(request, form)
        upload = form.get("_file")
        raw = await _upload(form, "_file")
        name = upload.filename if isinstance(upload, UploadFile) and upload.filename else "case"
        problems: list[str] = []
        try:
            if raw is None:
                raise rf.CaseFileError(name, "choose a case file (JSON or YAML)")
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise rf.CaseFileError(name, f"not UTF-8 text (byte {exc.start})") from None
            suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
            case = rf.parse_case_text(text, source=name, suffix=suffix)
        except rf.CaseSchemaError as exc:
            problems = [f"{exc.source}: {problem}" for problem in exc.problems]
        except rf.CaseFileError as exc:
            problems = [str(exc)]
        if problems:
            return _page(
                request,
                "start.html",
                ui,
                status=422,
                agreements=list(rf.agreements()),
                problems=problems,
            )
        photo, photo_problem = None, None
        photo_raw = await _upload(form, "_photo_file")
        if photo_raw is not None:
            try:
                photo = await work(Photo.upload, photo_raw)
            except rf.PhotoError as exc:
                photo_problem = exc.reason
        draft = Draft.from_case(case, photo)
        return editor_page(request, ui, await check(draft, ui), photo_problem)

    @router.post("/case")
    async def edit(request: Request) -> Response:
        form, ui, draft, photo_problem = await _posted(request, config, work)
        action = str(form.get("_action") or "")
        draft.data = apply_action(draft.data, action, ui.value)
        return editor_page(request, ui, await check(draft, ui), photo_problem, form=form)

    @router.post("/case/check")
    async def live(request: Request) -> Response:
        form, ui, draft, photo_problem = await _posted(request, config, work)
        if await request.is_disconnected():
            # The page has sent a newer check and dropped this one (hx-sync): skip it.
            return Response(status_code=204)
        checked = await check(draft, ui)
        return _page(
            request,
            "_live.html",
            ui,
            checked=checked,
            agreement=draft.agreement,
            photo=draft.photo,
            photo_seal=draft.photo.seal(config.secret) if draft.photo else "",
            photo_problem=photo_problem,
            photo_changed=_uploaded(form, "_photo_file") or form.get("_action") == "photo-remove",
            output_lang=_lang_choice(form.get("_lang"), draft.agreement, ui),
        )

    @router.post("/case/export")
    async def export(request: Request) -> Response:
        form, _, draft, _ = await _posted(request, config, work)
        kind = "yaml" if form.get("_export") == "yaml" else "json"
        data = case_data(draft.data)
        try:  # a case that matches the schema is saved as the library writes case files
            body = rf.dump_case(rf.load_case(data), kind).encode("utf-8")
        except rf.CaseSchemaError:  # one still being filled in is saved as it is: no loss
            body = rf.dump_case(data, kind).encode("utf-8")
        media = f"application/{kind}"
        return Response(body, media_type=media, headers=attachment(f"{_file_stem(data)}.{kind}"))

    @router.post("/case/photo")
    async def photo_file(request: Request) -> Response:
        _, _, draft, _ = await _posted(request, config, work)
        if draft.photo is None:
            raise WebError(404, "not-found", "the case has no photo")
        name = f"{_file_stem(draft.data)}-photo{draft.photo.suffix}"
        return Response(draft.photo.data, media_type=draft.photo.mime, headers=attachment(name))

    @router.post("/case/download")
    async def download(request: Request) -> Response:
        form, ui, draft, _ = await _posted(request, config, work)
        choice = str(form.get("_download") or "")
        form_id, _, fmt = choice.partition(":")
        lang = _lang_choice(form.get("_lang"), draft.agreement, ui)
        draft_mark = form.get("_draft") == "on"
        try:
            case = rf.load_case(case_data(draft.data))
            data = await work(_render, case, draft.photo, form_id, lang, fmt or "pdf", draft_mark)
        except (rf.CaseSchemaError, rf.CaseRefusedError, rf.LanguageNotAllowedError) as exc:
            checked = await check(draft, ui)
            banner = messages(ui)("banner.refused", form=form_id) + f" ({exc})"
            return editor_page(request, ui, checked, banner=banner, status=422, form=form)
        except rf.ReadmitFormsError as exc:
            raise WebError(400, "bad-request", str(exc), 2) from None
        key = (fmt or "pdf").lower()
        store.record(draft, Generated.of(form_id, lang.value, key, draft_mark, data))
        name = f"{_file_stem(draft.data)}-{form_id}.{lang.value}.{key}"
        return Response(data, media_type=rf.MEDIA_TYPES[key], headers=attachment(name))

    @router.post("/case/preview")
    async def preview(request: Request) -> Response:
        form, ui, draft, _ = await _posted(request, config, work)
        form_id = str(form.get("_preview") or "")
        lang = _lang_choice(form.get("_lang"), draft.agreement, ui)
        agreement = draft.agreement
        if agreement is None:
            raise WebError(400, "unknown-agreement", "the case names no agreement", 2)
        try:
            info = agreement.form(form_id)
            case = rf.load_case(case_data(draft.data))
        except rf.UnknownFormError as exc:
            raise WebError(400, "unknown-form", str(exc), 2) from None
        except rf.CaseSchemaError:
            checked = await check(draft, ui)
            banner = messages(ui)("banner.incomplete")
            return editor_page(request, ui, checked, banner=banner, status=422, form=form)
        pages, proof = await work(_preview, case, draft.photo, form_id, lang)
        errors = sum(1 for f in rf.validate(case, form_id) if f.is_error)
        return _page(
            request,
            "preview.html",
            ui,
            agreement=agreement,
            info=info,
            form_id=form_id,
            lang=lang,
            pages=pages,
            proof=proof,
            errors=errors,
            case_json=json.dumps(draft.data, ensure_ascii=False),
            photo=draft.photo,
            photo_seal=draft.photo.seal(config.secret) if draft.photo else "",
        )

    @router.get("/login")
    async def login_page(request: Request) -> Response:
        return _page(request, "login.html", _ui(request), failed=False)

    @router.post("/login")
    async def login(request: Request) -> Response:
        form = await _form(request)
        ui = _ui(request, form)
        given = form.get("_token")
        if config.token is None or not token_matches(
            given if isinstance(given, str) else None, config.token
        ):
            return _page(request, "login.html", ui, status=401, failed=True)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(TOKEN_COOKIE, config.token, httponly=True, samesite="strict")
        return response

    return router


# -- helpers ---------------------------------------------------------------------------------


def _new_case(form: FormData) -> dict[str, Any] | None:
    """The editor data of a new case from the start page's choices."""
    choice = str(form.get("_start") or "")
    agreement_id, _, direction = choice.partition(":")
    requesting, _, requested = direction.partition(">")
    try:
        agreement = rf.get_agreement(agreement_id)
    except rf.UnknownAgreementError:
        return None
    if (requesting, requested) not in agreement.directions():
        return None
    data: dict[str, Any] = {
        "agreement": agreement.id,
        "requesting_state": requesting,
        "requested_state": requested,
        "letter": {},
        "person": {"surnames": [{}]},
    }
    if form.get("_kind") == "transit":
        data["transit"] = {}
    for part in ("interview", "handover", "statement"):
        if form.get(f"_{part}") == "on":
            data[part] = {}
    return data


def _people(data: Mapping[str, Any]) -> list[str]:
    """Whose documents a case can list: the person, the spouse, each child."""
    people = ["person"]
    if isinstance(data.get("spouse"), dict):
        people.append("spouse")
    children = data.get("children")
    if isinstance(children, list):
        people += [f"children[{index}]" for index in range(len(children))]
    return people


def _file_stem(data: Mapping[str, Any]) -> str:
    """A file name for the case's downloads: its agreement and the date (no personal data)."""
    return f"case-{data.get('agreement', 'case')}-{dt.date.today().isoformat()}"


def _render(
    case: rf.Case, photo: Photo | None, form: str, lang: rf.Lang, fmt: str, draft: bool
) -> bytes:
    with photo_on_disk(case, photo) as with_photo:
        return rf.render(with_photo, form=form, lang=lang, format=fmt, draft=draft)


def _preview(
    case: rf.Case, photo: Photo | None, form: str, lang: rf.Lang
) -> tuple[list[str], list[str]]:
    with photo_on_disk(case, photo) as with_photo:
        errors = any(f.is_error for f in rf.validate(with_photo, form))
        pdf = rf.render(with_photo, form=form, lang=lang, draft=errors)
        proof = rf.render_proof(with_photo, form=form, lang=lang)
    return page_images(pdf), page_images(proof, width=1100)
