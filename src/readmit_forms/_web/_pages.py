"""The workbench's pages: the case list, start a case, edit it, check it live, preview,
import, export. Routes are thin: they read the posted case (`_posted`), ask
`_workbench` (the library) and draw a template. Saving, opening and downloading a case
are `_casepages` (the register).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

import readmit_forms as rf

from ._api import attachment
from ._casework import Photo, Serial, photo_on_disk
from ._config import WebConfig
from ._editor import Editor
from ._errors import WebError
from ._formdata import apply_action, case_data
from ._i18n import messages
from ._posted import ClosingRoute, lang_choice, posted, read_form, upload, uploaded
from ._preview import page_images
from ._security import TOKEN_COOKIE, token_matches
from ._store import CaseStore
from ._templates import page, ui_lang
from ._workbench import Draft, forms_called_for

__all__ = ["file_stem", "pages_router"]

LIST_SIZE = 25


def pages_router(config: WebConfig, work: Serial, store: CaseStore) -> APIRouter:
    router = APIRouter(include_in_schema=False, route_class=ClosingRoute)
    editor = Editor(config, work, store)

    @router.get("/")
    async def start(request: Request) -> Response:
        ui = ui_lang(request)
        asked = " ".join(request.query_params.get("q", "").split())[:200]
        agreement = request.query_params.get("agreement") or None
        number = request.query_params.get("page", "1")
        shown = max(int(number), 1) if number.isdigit() else 1
        listed: list[rf.CaseSummary] = []
        problem = None
        try:
            listed = await work(
                store.find, asked or None, agreement, LIST_SIZE + 1, (shown - 1) * LIST_SIZE
            )
        except rf.UnknownAgreementError:
            agreement = None
        except rf.RegisterError as exc:
            problem = str(exc)
        live = request.headers.get("hx-request") == "true"
        exact = [s for s in listed if s.ref == asked.upper()]
        if asked and exact and len(listed) == 1 and not live:
            return RedirectResponse(f"/cases/{exact[0].ref}", status_code=303)
        context: dict[str, Any] = {
            "listed": listed[:LIST_SIZE],
            "more": len(listed) > LIST_SIZE,
            "asked": asked,
            "asked_agreement": agreement,
            "shown": shown,
            "register_problem": problem,
            "today": config.today(),
            "agreements": list(rf.agreements()),
        }
        if live:
            return page(request, "_case_list.html", ui, **context)
        return page(request, "start.html", ui, problems=[], **context)

    @router.post("/start/forms")
    async def start_forms(request: Request) -> Response:
        form = await read_form(request)
        ui = ui_lang(request, form)
        data = _new_case(form)
        agreement = rf.get_agreement(data["agreement"]) if data else None
        called = forms_called_for(data) if data else ()
        return page(request, "_start_forms.html", ui, agreement=agreement, called=called)

    @router.post("/case/new")
    async def new_case(request: Request) -> Response:
        form = await read_form(request)
        ui = ui_lang(request, form)
        data = _new_case(form)
        if data is None:
            raise WebError(400, "bad-request", "choose an agreement and who requests whom", 2)
        return await editor.page(request, ui, await editor.check(Draft(data), ui))

    @router.post("/case/import")
    async def import_case(request: Request) -> Response:
        form = await read_form(request)
        ui = ui_lang(request, form)
        given = form.get("_file")
        raw = await upload(form, "_file")
        name = given.filename if isinstance(given, UploadFile) and given.filename else "case"
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
            return page(
                request,
                "start.html",
                ui,
                status=422,
                problems=problems,
                **_empty_list(config),
            )
        photo, photo_problem = None, None
        photo_raw = await upload(form, "_photo_file")
        if photo_raw is not None:
            try:
                photo = await work(Photo.upload, photo_raw)
            except rf.PhotoError as exc:
                photo_problem = exc.reason
        draft = Draft.from_case(case, photo)
        return await editor.page(
            request, ui, await editor.check(draft, ui), photo_problem=photo_problem
        )

    @router.post("/case")
    async def edit(request: Request) -> Response:
        form, ui, draft, photo_problem = await posted(request, config, work)
        action = str(form.get("_action") or "")
        draft.data = apply_action(draft.data, action, ui.value)
        checked = await editor.check(draft, ui)
        return await editor.page(request, ui, checked, photo_problem=photo_problem, form=form)

    @router.post("/case/check")
    async def live(request: Request) -> Response:
        form, ui, draft, photo_problem = await posted(request, config, work)
        if await request.is_disconnected():
            # The page has sent a newer check and dropped this one (hx-sync): skip it.
            return Response(status_code=204)
        checked = await editor.check(draft, ui)
        return page(
            request,
            "_live.html",
            ui,
            checked=checked,
            draft=draft,
            agreement=draft.agreement,
            photo=draft.photo,
            photo_seal=draft.photo.seal(config.secret) if draft.photo else "",
            photo_problem=photo_problem,
            photo_changed=uploaded(form, "_photo_file") or form.get("_action") == "photo-remove",
            output_lang=lang_choice(form.get("_lang"), draft.agreement, ui),
            signer=config.key.name if config.key is not None else None,
        )

    @router.post("/case/export")
    async def export(request: Request) -> Response:
        form, _, draft, _ = await posted(request, config, work)
        kind = "yaml" if form.get("_export") == "yaml" else "json"
        data = case_data(draft.data)
        try:  # a case that matches the schema is saved as the library writes case files
            body = rf.dump_case(rf.load_case(data), kind).encode("utf-8")
        except rf.CaseSchemaError:  # one still being filled in is saved as it is: no loss
            body = rf.dump_case(data, kind).encode("utf-8")
        media = f"application/{kind}"
        return Response(body, media_type=media, headers=attachment(f"{file_stem(draft)}.{kind}"))

    @router.post("/case/photo")
    async def photo_file(request: Request) -> Response:
        _, _, draft, _ = await posted(request, config, work)
        if draft.photo is None:
            raise WebError(404, "not-found", "the case has no photo")
        name = f"{file_stem(draft)}-photo{draft.photo.suffix}"
        return Response(draft.photo.data, media_type=draft.photo.mime, headers=attachment(name))

    @router.post("/case/preview")
    async def preview(request: Request) -> Response:
        form, ui, draft, _ = await posted(request, config, work)
        form_id = str(form.get("_preview") or "")
        lang = lang_choice(form.get("_lang"), draft.agreement, ui)
        agreement = draft.agreement
        if agreement is None:
            raise WebError(400, "unknown-agreement", "the case names no agreement", 2)
        try:
            info = agreement.form(form_id)
            case = rf.load_case(case_data(draft.data))
        except rf.UnknownFormError as exc:
            raise WebError(400, "unknown-form", str(exc), 2) from None
        except rf.CaseSchemaError:
            checked = await editor.check(draft, ui)
            banner = messages(ui)("banner.incomplete")
            return await editor.page(request, ui, checked, banner=banner, status=422, form=form)
        pages, proof = await work(_preview, case, draft.photo, form_id, lang)
        errors = sum(1 for f in rf.validate(case, form_id) if f.is_error)
        return page(
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
            draft=draft,
            by=str(form.get("_by") or ""),
            photo=draft.photo,
            photo_seal=draft.photo.seal(config.secret) if draft.photo else "",
            signer=config.key.name if config.key is not None else None,
        )

    @router.get("/login")
    async def login_page(request: Request) -> Response:
        return page(request, "login.html", ui_lang(request), failed=False)

    @router.post("/login")
    async def login(request: Request) -> Response:
        form = await read_form(request)
        ui = ui_lang(request, form)
        given = form.get("_token")
        if config.token is None or not token_matches(
            given if isinstance(given, str) else None, config.token
        ):
            return page(request, "login.html", ui, status=401, failed=True)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(TOKEN_COOKIE, config.token, httponly=True, samesite="strict")
        return response

    return router


# -- helpers ---------------------------------------------------------------------------------


def _empty_list(config: WebConfig) -> dict[str, Any]:
    """The start page's context when it is drawn again for an import problem."""
    return {
        "listed": [],
        "more": False,
        "asked": "",
        "asked_agreement": None,
        "shown": 1,
        "register_problem": None,
        "today": config.today(),
        "agreements": list(rf.agreements()),
    }


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


def file_stem(draft: Draft) -> str:
    """A file name for the case's downloads: its reference and version, or its agreement
    and the date (never personal data)."""
    if draft.ref:
        return f"{draft.ref}.v{draft.version}"
    data: Mapping[str, Any] = draft.data
    return f"case-{data.get('agreement', 'case')}-{dt.date.today().isoformat()}"


def _preview(
    case: rf.Case, photo: Photo | None, form: str, lang: rf.Lang
) -> tuple[list[str], list[str]]:
    with photo_on_disk(case, photo) as with_photo:
        errors = any(f.is_error for f in rf.validate(with_photo, form))
        pdf = rf.render(with_photo, form=form, lang=lang, draft=errors)
        proof = rf.render_proof(with_photo, form=form, lang=lang)
    return page_images(pdf), page_images(proof, width=1100)
