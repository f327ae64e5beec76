"""Pages from templates: the Jinja2 environment, the interface language, the error page.

Every page gets the clerk's words (``m``), the interface language (``ui``), the CSRF
token of its forms (``csrf``, also set as the cookie it is checked against), the
field labels (``label``) and the lists of countries and languages in that language.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from functools import cache
from typing import Any

from babel.dates import format_date, format_datetime
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.datastructures import FormData

import readmit_forms as rf

from ._errors import WebError
from ._form import LANGS, OTHER, PICK, slot_id
from ._i18n import UI_LANGS, Messages, messages, pick_ui_lang
from ._security import CSRF_COOKIE

__all__ = ["UI_COOKIE", "error_page", "page", "ui_lang"]

UI_COOKIE = "rf_ui"
_KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"


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
    env.globals["short"] = {a.id: a.short for a in rf.agreements()}
    env.globals["actions"] = {a.id: {d.id: d.action for d in a.deadlines} for a in rf.agreements()}
    env.globals["authorities"] = {
        a.id: {x.id: x.name for x in a.authorities or ()} for a in rf.agreements()
    }
    return env


def _day(lang: rf.Lang) -> Any:
    return lambda day: format_date(day, format="medium", locale=lang.babel_locale) if day else "—"


def _moment(lang: rf.Lang) -> Any:
    """A moment of the register (UTC) in this server's time zone, as the clerk reads it."""

    def shown(moment: dt.datetime | None) -> str:
        if moment is None:
            return "—"
        return format_datetime(moment.astimezone(), format="short", locale=lang.babel_locale)

    return shown


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


def page(
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
            day=_day(ui),
            moment=_moment(ui),
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status)
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    response.set_cookie(UI_COOKIE, ui.value, samesite="strict", max_age=365 * 86400)
    return response


def ui_lang(request: Request, form: FormData | None = None) -> rf.Lang:
    asked = form.get("_ui") if form is not None else None
    return pick_ui_lang(
        str(asked) if isinstance(asked, str) else request.query_params.get("ui"),
        request.cookies.get(UI_COOKIE),
        request.headers.get("accept-language"),
    )


def error_page(request: Request, error: WebError) -> HTMLResponse:
    """An error as a page in the clerk's language: the code and one line, no traceback."""
    ui = ui_lang(request)
    m = messages(ui)
    key = f"error.{error.code}"
    return page(
        request,
        "error.html",
        ui,
        status=error.status,
        error=error,
        title=m(key) if m.has(key) else error.code,
    )
