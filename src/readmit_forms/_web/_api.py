"""The HTTP API, ``/api/v1``: the library's functions over HTTP, for case systems in any language.

Routes are thin: each reads the case (`read_case`), calls one public function of
`readmit_forms` and answers its result. Bodies are the library's models (the case,
the agreements) or the JSON of its results (findings, schedules); errors are
`WebError` JSON with the command line's codes and field paths (see ``_errors``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

import readmit_forms as rf

from ._body import CASE_BODY, Submitted, read_case
from ._casework import Serial, case_file, photo_on_disk
from ._config import WebConfig
from ._errors import WebError, from_library
from ._models import ErrorOut, ScheduleOut, ValidationOut

__all__ = ["api_router", "attachment"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": description}
    for status, description in (
        (400, "a name the library does not know, or a body that is not a case"),
        (401, "the access token is missing"),
        (403, "a request from another site, or an unknown host name"),
        (404, "no such agreement"),
        (503, "the server's key cannot sign (an expired certificate, the timestamp authority)"),
        (413, "the body is over the size limit"),
        (415, "the body is not JSON, YAML or multipart/form-data"),
        (422, "the case does not match the schema, or has errors for the form"),
    )
}

FormQ = Annotated[str, Query(description="form id, e.g. readmission-request")]
LangQ = Annotated[str, Query(description="kk, ru or en")]
FormatQ = Annotated[str, Query(description="pdf, docx or html")]
SignQ = Annotated[
    bool,
    Query(
        description="sign the PDF with the server's key (PAdES; only on a server started "
        "with a key, which needs an access token); not for drafts, DOCX or HTML"
    ),
]


def attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}


def _library(call: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, **kwargs)
    except rf.ReadmitFormsError as exc:
        raise from_library(exc) from None


def _binary(description: str) -> dict[int | str, dict[str, Any]]:
    media = {media: {"schema": {"type": "string", "format": "binary"}} for media in _MEDIA}
    return {200: {"content": media, "description": description}, **_ERRORS}


_MEDIA = sorted(set(rf.MEDIA_TYPES.values()))


async def _document(
    work: Serial,
    sent: Submitted,
    make: Callable[[rf.Case], bytes],
    name: str,
    format: str,
    signer: Callable[[bytes, str], bytes] | None = None,
) -> Response:
    """The bytes ``make`` draws from the case (photo in place), as a download, signed by
    ``signer`` when given."""
    key = format.strip().lower()

    def run() -> bytes:
        with photo_on_disk(sent.case, sent.photo) as case:
            data: bytes = _library(make, case)
        if signer is not None:
            data = _library(signer, data, f"{name}.{key}")
        return data

    data = await work(run)
    return Response(data, media_type=rf.MEDIA_TYPES[key], headers=attachment(f"{name}.{key}"))


def _signer(config: WebConfig, sign: bool, signable: bool) -> Callable[[bytes, str], bytes] | None:
    """How to sign an answer: None when not asked; refused where it cannot be done."""
    if not sign:
        return None
    if config.key is None:
        raise WebError(400, "signing-not-configured", "this server has no signing key")
    if not signable:
        raise WebError(400, "bad-request", "sign: only a final PDF is signed (no draft)", 2)
    return config.key.sign


def api_router(config: WebConfig, work: Serial) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["readmit-forms"], responses=_ERRORS)

    @router.get("/agreements", response_model=list[rf.Agreement])
    def agreements() -> list[rf.Agreement]:
        """Every agreement: parties, authorities, deadlines, languages, evidence, forms."""
        return list(rf.agreements())

    @router.get("/agreements/{agreement_id}", response_model=rf.Agreement)
    def agreement(agreement_id: str) -> rf.Agreement:
        """One agreement, every fact with its source."""
        found: rf.Agreement = _library(rf.get_agreement, agreement_id)
        return found

    @router.get("/agreements/{agreement_id}/forms", response_model=list[rf.FormInfo])
    def forms(agreement_id: str) -> list[rf.FormInfo]:
        """The forms an agreement defines (annexes, or model forms built from its articles)."""
        found: rf.Agreement = _library(rf.get_agreement, agreement_id)
        return list(found.forms)

    @router.get("/schema")
    def schema() -> dict[str, Any]:
        """The JSON Schema of case files (as ``readmit-forms schema`` prints it)."""
        document = rf.Case.model_json_schema()
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        return document

    # validate and deadlines answer their JSON directly: its shape is the documented model
    # (the schemathesis test checks every answer against it), and FastAPI's second pass
    # over it would cost as much as the rest of the request.
    @router.post("/validate", response_model=ValidationOut, openapi_extra=CASE_BODY)
    async def validate(request: Request, form: str | None = None) -> Response:
        """Every finding of the case (for one form, or every form), with field paths."""
        sent = await read_case(request)

        def run() -> dict[str, Any]:
            with photo_on_disk(sent.case, sent.photo) as case:
                findings = _library(rf.validate, case, form)
            return {
                "agreement": sent.case.agreement,
                "form": form,
                "valid": not any(f.is_error for f in findings),
                "applicable_forms": list(rf.applicable_forms(sent.case)),
                "findings": [f.to_dict() for f in findings],
            }

        return JSONResponse(await work(run))

    @router.post("/deadlines", response_model=ScheduleOut, openapi_extra=CASE_BODY)
    async def deadlines(
        request: Request,
        today: Annotated[dt.date | None, Query(description="default: the server's date")] = None,
        calendar: Annotated[
            str | None,
            Query(
                description="whose working days count: a state code, or several separated by commas"
            ),
        ] = None,
        lang: Annotated[str | None, Query(description="kk, ru or en: add the words")] = None,
    ) -> Response:
        """Every time limit of the case, soonest first, with the article behind each."""
        sent = await read_case(request)
        states = [s.strip().upper() for s in calendar.split(",") if s.strip()] if calendar else None
        parties = rf.get_agreement(sent.case.agreement).states
        if states is not None and not set(states) <= set(parties):
            raise WebError(400, "bad-request", f"calendar: use {', '.join(parties)}", 2)

        def run() -> dict[str, Any]:
            schedule: rf.Schedule = _library(
                rf.deadlines, sent.case, today=today or config.today(), calendar=states
            )
            result = schedule.to_dict()
            if lang is not None:
                for item, due in zip(result["deadlines"], schedule.items, strict=True):
                    words = _library(rf.describe_deadline, due, lang)
                    item["text"] = {**words.__dict__, "details": list(words.details)}
            return result

        return JSONResponse(await work(run))

    @router.post(
        "/render",
        response_class=Response,
        openapi_extra=CASE_BODY,
        responses=_binary("the form"),
    )
    async def render(
        request: Request,
        form: FormQ,
        lang: LangQ,
        format: FormatQ = "pdf",
        draft: bool = False,
        purpose: Annotated[str, Query(description="default or submission")] = "default",
        fillable: Annotated[
            bool,
            Query(description="PDF only: a form field on every blank (named by its case path)"),
        ] = False,
        sign: SignQ = False,
    ) -> Response:
        """The form as bytes (PDF, DOCX or HTML); a case with errors needs ``draft=true``."""
        signer = _signer(config, sign, format.strip().lower() == "pdf" and not draft)
        sent = await read_case(request)
        return await _document(
            work,
            sent,
            lambda case: rf.render(
                case,
                form=form,
                lang=lang,
                format=format,
                draft=draft,
                purpose=purpose,
                fillable=fillable,
            ),
            f"{form}.{lang.strip().lower()}",
            format,
            signer,
        )

    @router.post(
        "/bundle",
        response_class=Response,
        openapi_extra=CASE_BODY,
        responses=_binary("the case bundle (PDF/A-3b)"),
    )
    async def bundle(
        request: Request,
        forms: Annotated[
            str, Query(description="applicable (default), all, or form ids separated by commas")
        ] = "applicable",
        lang: Annotated[
            list[str] | None,
            Query(description="kk, ru or en, repeated for several (default: the working one)"),
        ] = None,
        sign: SignQ = False,
    ) -> Response:
        """One PDF/A-3b file: a cover listing every document with its SHA-256, each form in
        each language, and the case data (JSON) and each document attached. A case with
        errors for one of the forms is refused (``case-refused``)."""
        signer = _signer(config, sign, True)
        sent = await read_case(request)

        def make(case: rf.Case) -> bytes:
            # From a case file with its photo beside it: the attached case data names
            # the photo by its file name, never a path of this server.
            with case_file(sent.case, sent.photo) as path:
                data: bytes = rf.bundle(path, forms=forms, langs=lang)
            return data

        return await _document(work, sent, make, "bundle", "pdf", signer)

    @router.post(
        "/proof",
        response_class=Response,
        openapi_extra=CASE_BODY,
        responses=_binary("the proof"),
    )
    async def proof(
        request: Request, form: FormQ, lang: LangQ = "en", format: FormatQ = "pdf"
    ) -> Response:
        """The translators' proof: the form in kk, ru and en side by side, flagged."""
        sent = await read_case(request)
        return await _document(
            work,
            sent,
            lambda case: rf.render_proof(case, form=form, lang=lang, format=format),
            f"{form}.proof",
            format,
        )

    return router
