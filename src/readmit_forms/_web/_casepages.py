"""The pages over the register: open a saved case, save it, download its documents (each
rendered from the saved version by the register and recorded there, signed with the
server's key where one is configured), and the case's record: its versions, documents,
transmissions and receipts, and the forms that record a transmission or a receipt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

import readmit_forms as rf

from ._api import attachment
from ._casework import Serial
from ._config import WebConfig
from ._editor import Conflict, Editor
from ._errors import WebError, from_library
from ._i18n import messages
from ._posted import ClosingRoute, clerk, lang_choice, posted, read_form, remember_clerk
from ._store import CaseStore
from ._templates import page, ui_lang
from ._workbench import Checked, Draft, digest

__all__ = ["case_pages_router"]

STATES = ("draft", "sent", "answered", "transferred", "closed")  # as the register has them


@dataclass
class _Refused(Exception):
    """A download or save the page answers with a banner (the clerk's page is kept)."""

    status: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    conflict: Conflict | None = None


def _choice(value: str) -> tuple[str, str, bool]:
    """``readmission-request:pdf``, ``…:pdf:signed``, ``bundle``, ``bundle:signed`` →
    (form or "bundle", format, signed)."""
    parts = value.split(":")
    signed = parts[-1] == "signed"
    if signed:
        parts = parts[:-1]
    if parts[0] == "bundle":
        return "bundle", "pdf", signed
    return parts[0], (parts[1] if len(parts) > 1 else "pdf").lower(), signed


def _text(form: FormData, name: str) -> str | None:
    value = form.get(name)
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text or None


def _moment(value: str | None) -> dt.datetime | None:
    """A time a clerk picked (``datetime-local``: their local time), or None for now."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Refused(422, "record.bad_time") from None


def case_pages_router(config: WebConfig, work: Serial, store: CaseStore) -> APIRouter:
    router = APIRouter(include_in_schema=False, route_class=ClosingRoute)
    editor = Editor(config, work, store)

    async def refused(
        request: Request, ui: rf.Lang, checked: Checked, form: FormData, why: _Refused
    ) -> Response:
        banner = messages(ui)(why.key, **why.params)
        return await editor.page(
            request, ui, checked, banner=banner, status=why.status, form=form, conflict=why.conflict
        )

    def conflict(ref: str, based_on: int) -> Conflict:
        view = store.view(ref)
        return Conflict(based_on, view.entry.version, view.after(based_on))

    @router.get("/cases/{ref}")
    async def open_case(request: Request, ref: str) -> Response:
        ui = ui_lang(request)
        try:
            opened = await work(store.open, ref)
        except rf.ReadmitFormsError as exc:
            raise from_library(exc) from None
        entry = opened.entry
        draft = Draft.saved_version(
            opened.case, opened.photo, entry.ref, entry.version, opened.notices
        )
        saved = request.query_params.get("saved", "")
        notice = None
        if saved.isdigit():
            m = messages(ui)
            notice = m("saved.version", ref=entry.ref, n=saved) if saved != "0" else None
            notice = notice or m("saved.unchanged")
        return await editor.page(request, ui, await editor.check(draft, ui), notice=notice)

    @router.post("/case/save")
    async def save(request: Request) -> Response:
        form, ui, draft, _ = await posted(request, config, work)
        checked = await editor.check(draft, ui)
        by = clerk(request, config, form)
        based = str(form.get("_based_on") or "")
        based_on = int(based) if based.isdigit() else draft.version
        try:
            if not by:
                raise _Refused(422, "banner.who")
            if checked.case is None:
                raise _Refused(422, "banner.save_incomplete", {"n": checked.errors})
            if draft.ref and not checked.unsaved and based_on == draft.version:
                response = RedirectResponse(f"/cases/{draft.ref}?saved=0", status_code=303)
                remember_clerk(response, by)
                return response
            entry = await work(store.save, checked.case, draft.photo, draft.ref, based_on, by)
        except _Refused as why:
            return await refused(request, ui, checked, form, why)
        except rf.VersionConflictError as exc:
            assert draft.ref is not None
            clash = await work(conflict, draft.ref, based_on)
            late = _Refused(409, "conflict.title", {"ref": exc.ref}, clash)
            return await refused(request, ui, checked, form, late)
        except rf.RegisterError as exc:
            error = from_library(exc)
            banner = messages(ui)("banner.register", reason=str(exc))
            return await editor.page(
                request, ui, checked, banner=banner, status=error.status, form=form
            )
        response = RedirectResponse(f"/cases/{entry.ref}?saved={entry.version}", status_code=303)
        remember_clerk(response, by)
        return response

    def give_out(
        draft: Draft, case: rf.Case, choice: str, lang: rf.Lang, draft_mark: bool, by: str
    ) -> tuple[bytes, str, str]:
        """The document asked for, rendered from the saved version by the register and
        recorded there (and its signed copy): bytes, file name, media type."""
        assert draft.ref is not None
        form_id, fmt, signed = _choice(choice)
        key = config.key
        if signed and key is None:
            raise WebError(400, "signing-not-configured", "this server has no signing key")
        if signed and (draft_mark or fmt != "pdf"):
            raise _Refused(422, "banner.not_signed")
        register = store.register
        if form_id == "bundle":
            document, data = register.bundle(draft.ref, by=by, langs=[lang.value])
        else:
            document, data = register.render(
                draft.ref, form=form_id, lang=lang.value, format=fmt, draft=draft_mark, by=by
            )
        if document.version != draft.version:  # saved by someone else meanwhile
            raise _Refused(
                409, "conflict.newer", {"ref": draft.ref}, conflict(draft.ref, draft.version)
            )
        name = f"{draft.ref}.v{document.version}.{form_id}.{lang.value}"
        if signed:
            assert key is not None
            data = key.sign(data, source=f"{name}.pdf")
            register.add_document(draft.ref, data, derived_from=document.sha256, by=by)
            name += ".signed"
        return data, f"{name}.{fmt}", rf.MEDIA_TYPES[fmt]

    @router.post("/case/download")
    async def download(request: Request) -> Response:
        form, ui, draft, _ = await posted(request, config, work)
        checked = await editor.check(draft, ui)
        by = clerk(request, config, form)
        lang = lang_choice(form.get("_lang"), draft.agreement, ui)
        choice = str(form.get("_download") or "")
        try:
            if draft.ref is None:
                raise _Refused(409, "banner.save_first")
            if checked.case is None:
                raise _Refused(422, "banner.incomplete")
            if digest(checked.case, draft.photo) != draft.saved:
                raise _Refused(409, "banner.unsaved")
            if not by:
                raise _Refused(422, "banner.who")
            draft_mark = form.get("_draft") == "on"
            data, name, media = await work(
                give_out, draft, checked.case, choice, lang, draft_mark, by
            )
        except _Refused as why:
            return await refused(request, ui, checked, form, why)
        except (rf.CaseRefusedError, rf.LanguageNotAllowedError) as exc:
            banner = messages(ui)("banner.refused", form=_choice(choice)[0]) + f" ({exc})"
            return await editor.page(request, ui, checked, banner=banner, status=422, form=form)
        except (rf.RegisterError, rf.SigningError) as exc:
            error = from_library(exc)
            banner = messages(ui)("banner.register", reason=str(exc))
            return await editor.page(
                request, ui, checked, banner=banner, status=error.status, form=form
            )
        except rf.ReadmitFormsError as exc:
            raise from_library(exc) from None
        response = Response(data, media_type=media, headers=attachment(name))
        remember_clerk(response, by)
        return response

    # -- the record of a case ---------------------------------------------------------------

    async def record_page(
        request: Request, ref: str, ui: rf.Lang, banner: str | None = None, status: int = 200
    ) -> Response:
        try:
            view = await work(store.view, ref)
        except rf.ReadmitFormsError as exc:
            raise from_library(exc) from None
        done = request.query_params.get("done", "")
        m = messages(ui)
        return page(
            request,
            "record.html",
            ui,
            status=status,
            view=view,
            agreement=rf.get_agreement(view.entry.agreement),
            states=STATES,
            clerk=clerk(request, config),
            banner=banner,
            notice=m(f"record.done.{done}") if m.has(f"record.done.{done}") else None,
        )

    @router.get("/cases/{ref}/record")
    async def record(request: Request, ref: str) -> Response:
        return await record_page(request, ref, ui_lang(request))

    @router.post("/cases/{ref}/{action}")
    async def record_action(request: Request, ref: str, action: str) -> Response:
        if action not in ("transmit", "receive", "state"):
            raise WebError(404, "not-found", "no such page")
        form = await read_form(request)
        ui = ui_lang(request, form)
        by = clerk(request, config, form)
        try:
            if not by:
                raise _Refused(422, "banner.who")
            await work(_record_action, store.register, ref, action, form, by)
        except _Refused as why:
            banner = messages(ui)(why.key, **why.params)
            return await record_page(request, ref, ui, banner, why.status)
        except rf.RecordIncompleteError as exc:
            m = messages(ui)
            item = m.get("record.item." + exc.field.replace(" ", "_")) or exc.field
            banner = m("record.incomplete", item=item, article=exc.article)
            return await record_page(request, ref, ui, banner, 422)
        except rf.UnknownCaseError as exc:
            raise from_library(exc) from None
        except rf.ReadmitFormsError as exc:
            error = from_library(exc)
            banner = messages(ui)("banner.register", reason=str(exc))
            return await record_page(request, ref, ui, banner, error.status)
        response = RedirectResponse(f"/cases/{ref}/record?done={action}", status_code=303)
        remember_clerk(response, by)
        return response

    return router


def _record_action(register: rf.Register, ref: str, action: str, form: FormData, by: str) -> None:
    if action == "state":
        register.set_state(ref, _text(form, "_state") or "")
    elif action == "transmit":
        register.transmit(
            ref,
            document=_text(form, "_document") or "",
            to=_text(form, "_to") or "",
            by=by,
            purpose=_text(form, "_purpose"),
            recipient_person=_text(form, "_recipient_person"),
            at=_moment(_text(form, "_at")),
        )
    else:
        reply = _text(form, "_reply")
        day = _text(form, "_reply_date")
        try:
            reply_date = dt.date.fromisoformat(day) if day else None
        except ValueError:
            raise _Refused(422, "record.bad_time") from None
        register.receive(
            ref,
            sender=_text(form, "_from") or "",
            by=by,
            purpose=_text(form, "_purpose"),
            sender_person=_text(form, "_sender_person"),
            note=_text(form, "_note"),
            reply={"positive": True, "negative": False}.get(reply or ""),
            reply_date=reply_date,
            at=_moment(_text(form, "_at")),
        )
