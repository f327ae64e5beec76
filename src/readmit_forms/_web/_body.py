"""Reading the case an API request sends: JSON, YAML, or a form with the case and a photo.

The case is parsed by the library (`readmit_forms.parse_case_text`), so that a
malformed body, a duplicate key or a schema mismatch gets the same line and field
path as on the command line. A ``person.photo`` path in the case is refused: the
photo comes as bytes, in the multipart part ``photo``, or — in a JSON case — as a
data URL in ``person.photo`` (``data:image/jpeg;base64,…``). Either is checked like an
upload (`readmit_forms.clean_photo`: size, pixels, format by its content, metadata
removed); the media type the data URL names is not trusted.
"""

from __future__ import annotations

import base64
import binascii
import json
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
_MAX_PART = 16_000_000  # a case part with its photo as a data URL, or the photo part


@dataclass(frozen=True)
class Submitted:
    case: rf.Case
    photo: Photo | None = None


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len({key for key, _ in pairs}) != len(pairs):
        raise _Duplicate
    return dict(pairs)


def _data_url_photo(raw: bytes) -> tuple[bytes, Photo | None]:
    """A JSON case whose ``person.photo`` is a data URL: the case without it, and the
    photo (checked). Any other body is given back as it is, for the library to read."""
    if b'"data:' not in raw:
        return raw, None
    try:
        data = json.loads(raw, object_pairs_hook=_no_duplicates)
    except ValueError:  # not JSON, or a duplicate key: the library says so, with the line
        return raw, None
    person = data.get("person") if isinstance(data, dict) else None
    if not isinstance(person, dict):
        return raw, None
    value = person.get("photo")
    if not (isinstance(value, str) and value.startswith("data:")):
        return raw, None
    header, _, payload = value.partition(",")
    if not header.lower().endswith(";base64"):
        raise rf.PhotoError("give the photo as a base64 data URL (data:image/jpeg;base64,…)")
    try:
        photo = Photo.upload(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError):
        raise rf.PhotoError("the base64 of the photo's data URL is damaged") from None
    del person["photo"]
    return json.dumps(data, ensure_ascii=False).encode("utf-8"), photo


def _parse(raw: bytes, suffix: str) -> Submitted:
    try:
        raw, photo = _data_url_photo(raw) if suffix in (".json", "") else (raw, None)
    except rf.PhotoError as exc:
        raise from_library(exc) from None
    if len(raw) > _MAX_CASE:
        raise WebError(413, "body-too-large", f"a case may have {_MAX_CASE} bytes at most")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise from_library(rf.CaseFileError("body", f"not UTF-8 text (byte {exc.start})")) from None
    try:
        case = refuse_photo_path(rf.parse_case_text(text, source="body", suffix=suffix))
    except rf.ReadmitFormsError as exc:
        raise from_library(exc) from None
    return Submitted(case, photo)


async def _part(value: Any) -> bytes:
    if isinstance(value, UploadFile):
        return await value.read()
    return str(value).encode("utf-8")


async def read_case(request: Request) -> Submitted:
    """The case (and photo) of an API request; raises `WebError` with the CLI's codes."""
    media = _media_type(request)
    if media in _JSON or media in _YAML:
        return _parse(await request.body(), ".json" if media in _JSON else ".yaml")
    if media in _FORM:
        async with request.form(max_files=2, max_fields=4, max_part_size=_MAX_PART) as form:
            if "case" not in form:
                raise WebError(400, "case-file", "body: the form has no part named 'case'", 2)
            sent = _parse(await _part(form["case"]), "")
            if "photo" in form:
                if sent.photo is not None:
                    raise WebError(400, "bad-request", "body: send the photo once", 2)
                try:
                    return Submitted(sent.case, Photo.upload(await _part(form["photo"])))
                except rf.PhotoError as exc:
                    raise from_library(exc) from None
            return sent
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
        "comes as the multipart part 'photo', or in JSON as a data URL in person.photo "
        "(data:image/jpeg;base64,…), checked like an upload; a photo file path in the case "
        "is refused.",
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
