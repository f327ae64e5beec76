"""Reading what a page posts: its form (CSRF checked), the case it holds, the clerk's name.

The editor posts the whole case with every request (its inputs are the case's field
paths); the preview page holds it as JSON in ``_case``. A photo travels as the page
got it from the server (``_photo`` with its seal ``_photo_seal``) or as a new upload
(``_photo_file``). A case from the register also carries its reference (``_ref``),
the version it was opened at (``_version``) and that version's digest (``_saved``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote, unquote

from fastapi import Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.datastructures import FormData, UploadFile

import readmit_forms as rf

from ._casework import Photo, Serial
from ._config import WebConfig
from ._errors import WebError
from ._formdata import parse_form
from ._i18n import UI_LANGS
from ._security import check_csrf
from ._templates import ui_lang
from ._workbench import Draft

__all__ = [
    "CLERK_COOKIE",
    "ClosingRoute",
    "clerk",
    "lang_choice",
    "posted",
    "read_form",
    "remember_clerk",
    "upload",
    "uploaded",
]

CLERK_COOKIE = "rf_clerk"
_MAX_FIELDS = 5000
_MAX_PART = 16_000_000


async def read_form(request: Request) -> FormData:
    form = await request.form(max_files=2, max_fields=_MAX_FIELDS, max_part_size=_MAX_PART)
    check_csrf(request.cookies, form.get("_csrf"))
    return form


def uploaded(form: FormData, name: str) -> bool:
    value = form.get(name)
    return isinstance(value, UploadFile) and bool(value.filename)


async def upload(form: FormData, name: str) -> bytes | None:
    value = form.get(name)
    if isinstance(value, UploadFile) and value.filename:
        data = await value.read()
        return data or None
    return None


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _held(form: FormData) -> dict[str, Any]:
    held = form.get("_case")
    if isinstance(held, str) and held:
        try:
            data = json.loads(held)
        except ValueError:
            raise WebError(400, "case-file", "the page's copy of the case is damaged", 2) from None
        if not isinstance(data, dict):
            raise WebError(400, "case-file", "the page's copy of the case is damaged", 2)
        return data
    return parse_form((k, v) for k, v in form.multi_items() if isinstance(v, str))


async def _draft(form: FormData, config: WebConfig, work: Serial) -> tuple[Draft, str | None]:
    """The draft a page posted, and a photo problem to show (or None)."""
    data = _held(form)
    photo_problem = None
    photo: Photo | None = None
    try:
        new = await upload(form, "_photo_file")
        if new is not None:
            photo = await work(Photo.upload, new)
        elif form.get("_action") != "photo-remove":
            held_photo, seal = _text(form, "_photo"), _text(form, "_photo_seal")
            photo = await work(Photo.from_field, held_photo, seal, config.secret)
    except rf.PhotoError as exc:
        photo_problem = exc.reason
    if isinstance(data.get("person"), dict):
        data["person"].pop("photo", None)  # a file path from a client is never opened
    draft = Draft(data, photo)
    ref, version = _text(form, "_ref"), _text(form, "_version")
    if ref:
        draft.ref = ref
        draft.version = int(version) if version.isdigit() else 0
        draft.saved = _text(form, "_saved")
    return draft, photo_problem


async def posted(
    request: Request, config: WebConfig, work: Serial
) -> tuple[FormData, rf.Lang, Draft, str | None]:
    """A page's post: its form (CSRF checked), the interface language, the draft it holds
    and a photo problem to show."""
    form = await read_form(request)
    draft, photo_problem = await _draft(form, config, work)
    return form, ui_lang(request, form), draft, photo_problem


def clerk(request: Request, config: WebConfig, form: FormData | None = None) -> str:
    """Who is working: the name the page gives, else the one last given, else the
    server's default (on this machine, the login name it runs under)."""
    given = " ".join(_text(form, "_by").split())[:200] if form is not None else ""
    return given or unquote(request.cookies.get(CLERK_COOKIE, "")) or config.clerk or ""


def remember_clerk(response: Response, name: str) -> None:
    """Keep the clerk's name for their next save (in their browser only)."""
    response.set_cookie(CLERK_COOKIE, quote(name), samesite="strict", max_age=365 * 86400)


def lang_choice(value: object, agreement: rf.Agreement | None, ui: rf.Lang) -> rf.Lang:
    """The language of the documents: as chosen, else the agreement's working language."""
    if isinstance(value, str) and value in {lang.value for lang in UI_LANGS}:
        return rf.Lang(value)
    if agreement is not None:
        working = agreement.languages.working
        if working.stated and working.value in {lang.value for lang in UI_LANGS}:
            return rf.Lang(str(working.value))
    return ui


class ClosingRoute(APIRoute):
    """A route that closes the request's uploads (temporary files) once it has answered."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def run(request: Request) -> Response:
            try:
                return await handler(request)
            finally:
                await request.close()

        return run
