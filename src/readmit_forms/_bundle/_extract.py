"""``extract``: the case data back out of a bundle, byte for byte, after checking every
listed document (and the case data itself) against the SHA-256 the bundle lists."""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

import pikepdf

from .._errors import BundleError, PdfFileError
from .._signing import is_pdf
from ._manifest import FORMAT, MANIFEST_FILE, BundleContents, BundledDocument

__all__ = ["extract"]


def _attachments(pdf: bytes, source: str) -> dict[str, bytes | BaseException]:
    """Every attached file by name: its bytes, or the error met decoding it."""
    if not is_pdf(pdf):
        raise PdfFileError(source, "not a PDF file (no %PDF- header)")
    try:
        opened = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as exc:
        raise PdfFileError(source, f"a damaged PDF that cannot be read ({exc})") from None
    files: dict[str, bytes | BaseException] = {}
    with opened:
        if opened.is_encrypted:
            raise PdfFileError(source, "an encrypted PDF: not a case bundle")
        for name, spec in opened.attachments.items():
            try:
                files[name] = spec.get_file().read_bytes()
            except (pikepdf.PdfError, ValueError, KeyError, AttributeError) as exc:
                files[name] = exc
    return files


def _read(files: dict[str, bytes | BaseException], name: str, source: str) -> bytes:
    found = files.get(name)
    if found is None:
        raise BundleError(source, f"{name} is listed but not attached")
    if isinstance(found, BaseException):
        raise BundleError(source, f"the attachment {name} is corrupt (its data cannot be decoded)")
    return found


def _checked(files: dict[str, bytes | BaseException], entry: dict[str, Any], source: str) -> bytes:
    name = str(entry["file"])
    data = _read(files, name, source)
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise BundleError(
            source,
            f"the attachment {name} is corrupt or was changed: its SHA-256 differs from "
            "the one the bundle lists",
        )
    return data


def extract(pdf: bytes, *, source: str = "<pdf>") -> BundleContents:
    """The case data and the documents of a bundle made by `bundle`, each checked.

    Raises `PdfFileError` for a file that is not a readable PDF and `BundleError` for
    a PDF that is not a bundle, or one whose attachments are missing, corrupt or differ
    from the SHA-256 it lists.
    """
    files = _attachments(pdf, source)
    if MANIFEST_FILE not in files:
        raise BundleError(source, f"not a case bundle (no {MANIFEST_FILE} attached)")
    try:
        manifest = json.loads(_read(files, MANIFEST_FILE, source))
        if manifest.get("format") != FORMAT:
            raise ValueError("another format")
        case = manifest["case"]
        documents = tuple(
            BundledDocument(
                file=str(d["file"]),
                form=str(d["form"]),
                lang=str(d["lang"]),
                language_status=str(d["language_status"]),
                pages=(int(d["pages"][0]), int(d["pages"][1])),
                sha256=str(d["sha256"]),
            )
            for d in manifest["documents"]
        )
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        raise BundleError(source, f"the attachment {MANIFEST_FILE} is corrupt") from None
    for document in documents:
        _checked(files, document.as_dict(), source)
    case_json = _checked(files, case, source)
    return BundleContents(
        case_json=case_json,
        schema_version=str(case.get("schema_version", "")),
        agreement=str(manifest.get("agreement", "")),
        case_reference=manifest.get("case_reference"),
        documents=documents,
    )
