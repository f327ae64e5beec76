"""Reading the case an API request sends: JSON, YAML, or a form with the case and a photo.

The case is parsed by the library (`readmit_forms.parse_case_text`), so that a
malformed body, a duplicate key or a schema mismatch gets the same line and field
path as on the command line. A ``person.photo`` path in the case is refused: the
photo comes as bytes, in the multipart part ``photo``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request

import readmit_forms as rf

from ._casework import Photo, refuse_photo_path
from ._errors import WebError, from_library

__all__ = ["CASE_BODY", "Submitted", "read_case"]

_JSON = ("application/json",)
_YAML = ("application/yaml", "application/x-yaml", "text/yaml")
_FORM = ("multipart/form-data",)
_MAX_CASE = 5_000_000


@dataclass(frozen=True)
class Submitted:
    case: rf.Case
    photo: Photo | None = None


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _parse(raw: bytes, suffix: str) -> rf.Case:
    if len(raw) > _MAX_CASE:
        raise WebError(413, "body-too-large", f"a case may have {_MAX_CASE} bytes at most")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise from_library(rf.CaseFileError("body", f"not UTF-8 text (byte {exc.start})")) from None
    try:
        return refuse_photo_path(rf.parse_case_text(text, source="body", suffix=suffix))
    except rf.ReadmitFormsError as exc:
        raise from_library(exc) from None


async def _part(value: Any) -> bytes:
    if isinstance(value, UploadFile):
        return await value.read()
    return str(value).encode("utf-8")


async def read_case(request: Request) -> Submitted:
    """The case (and photo) of an API request; raises `WebError` with the CLI's codes."""
    media = _media_type(request)
    if media in _JSON or media in _YAML:
        return Submitted(_parse(await request.body(), ".json" if media in _JSON else ".yaml"))
    if media in _FORM:
        async with request.form(max_files=2, max_fields=4, max_part_size=_MAX_CASE) as form:
            if "case" not in form:
                raise WebError(400, "case-file", "body: the form has no part named 'case'", 2)
            case = _parse(await _part(form["case"]), "")
            photo = None
            if "photo" in form:
                try:
                    photo = Photo.upload(await _part(form["photo"]))
                except rf.PhotoError as exc:
                    raise from_library(exc) from None
            return Submitted(case, photo)
    raise WebError(
        415,
        "unsupported-media-type",
        f"send the case as application/json, application/yaml or multipart/form-data, "
        f"not {media or 'no content type'}",
    )


_CASE_REF = {"$ref": "#/components/schemas/Case"}

CASE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The case, as a case file has it (see GET /api/v1/schema). A photo "
        "comes as the multipart part 'photo'; a photo file path in the case is refused.",
        "content": {
            "application/json": {"schema": _CASE_REF},
            "application/yaml": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["case"],
                    "properties": {
                        "case": {"type": "string", "description": "the case, JSON or YAML"},
                        "photo": {
                            "type": "string",
                            "format": "binary",
                            "description": "JPEG or PNG; checked, metadata stripped",
                        },
                    },
                }
            },
        },
    }
}
"""The OpenAPI request body of every operation that takes a case."""
