"""Fillable forms: the case a fillable PDF was made from travels in it, and what a clerk
fills into its fields comes back out as a case.

`render(..., fillable=True)` attaches the case data (``case.json``, /AFRelationship
/Source, as a bundle does) and ``fillable.json`` (form, language, this format) to the
PDF the backend made with its fields. `extract_filled` reads the filled fields named
by a case path into that case: text as typed (a list path, ``…[]``, one item a line; a
date also as DD.MM.YYYY), a radio group's option code; fields under ``form.`` show no
single case field and are listed as not read back. The result is checked against the
case schema before it is returned.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pikepdf
from pydantic import BaseModel, ValidationError

from ._case import Case
from ._errors import CaseSchemaError, FilledFormError, PdfFileError
from ._signing._pdf import is_pdf

__all__ = ["FILLABLE_FILE", "FilledCase", "attach_case", "extract_filled", "is_fillable"]

FILLABLE_FILE = "fillable.json"
CASE_FILE = "case.json"
FORMAT = "readmit-forms fillable form"
_FORM_PREFIX = "form."


def attach_case(pdf: bytes, case_json: bytes, *, form: str, lang: str) -> bytes:
    """``pdf`` with the case data and a note of its form and language attached."""
    note = {"format": FORMAT, "format_version": 1, "form": form, "lang": lang, "case": CASE_FILE}
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        specs = []
        for name, data, description, relationship in (
            (CASE_FILE, case_json, "the case this form was rendered from", "/Source"),
            (
                FILLABLE_FILE,
                (json.dumps(note, indent=2) + "\n").encode("utf-8"),
                "what readmit-forms extract needs to read the filled fields",
                "/Data",
            ),
        ):
            spec = pikepdf.AttachedFileSpec(
                opened, data, description=description, filename=name, mime_type="application/json"
            )
            spec.obj.AFRelationship = pikepdf.Name(relationship)
            opened.attachments[name] = spec
            specs.append(spec.obj)
        opened.Root.AF = pikepdf.Array(specs)
        out = io.BytesIO()
        opened.save(out, deterministic_id=True)
        return out.getvalue()


@dataclass(frozen=True, slots=True)
class FilledCase:
    """What `extract_filled` read: the case as JSON, the form and language of the PDF,
    the case paths filled in, and the filled fields that show no single case field."""

    case_json: bytes
    form: str
    lang: str
    read: tuple[str, ...]
    not_read: tuple[str, ...]


def _open(pdf: bytes, source: str) -> pikepdf.Pdf:
    if not is_pdf(pdf):
        raise PdfFileError(source, "not a PDF file (no %PDF- header)")
    try:
        return pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as exc:
        raise PdfFileError(source, f"a damaged PDF that cannot be read ({exc})") from None


def is_fillable(pdf: bytes) -> bool:
    """Whether ``pdf`` is a fillable form made by `render` (it carries ``fillable.json``)."""
    try:
        with _open(pdf, "<pdf>") as opened:
            return FILLABLE_FILE in opened.attachments
    except (PdfFileError, pikepdf.PdfError):
        return False


def _fields(node: pikepdf.Object, prefix: str = "") -> Iterator[tuple[str, pikepdf.Object]]:
    """Every terminal field under ``node`` with its fully qualified name."""
    name = prefix
    if "/T" in node:
        part = str(node.T)
        name = f"{prefix}.{part}" if prefix else part
    kids = [kid for kid in node.get("/Kids", ()) if "/T" in kid]
    if not kids:
        yield name, node
    for kid in kids:
        yield from _fields(kid, name)


def _options(field: pikepdf.Object) -> list[str]:
    """A radio group's export values, in the order of its buttons."""
    found = []
    for widget in field.get("/Kids", ()):
        for key in widget.AP.N.keys():  # noqa: SIM118 - a pikepdf Dictionary's keys
            if key != "/Off" and key[1:] not in found:
                found.append(key[1:])
    return found


def _annotation(path: str) -> Any:
    """The type the case schema declares at ``path`` (``a.b``, ``a[0].b``, ``a.b[]``)."""
    model: Any = Case
    for part in path.split("."):
        name = part.split("[")[0]
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        info = model.model_fields.get(name)
        if info is None:
            return None
        model = _inner(info.annotation, list_item="[" in part)
    return model


def _inner(annotation: Any, *, list_item: bool) -> Any:
    """``X`` of ``X | None``; with ``list_item``, the item type of a list."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if list_item and typing.get_origin(annotation) in (list, tuple):
        annotation = typing.get_args(annotation)[0]
    return annotation


_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


def _text_value(text: str, path: str) -> Any:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.endswith("[]"):
        return [line.strip() for line in text.split("\n") if line.strip()]
    kind = _annotation(path)
    match = _DATE.fullmatch(text.strip())
    if kind is dt.date and match:
        day, month, year = (int(g) for g in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    return text


def _choice_value(code: str, options: list[str], path: str) -> Any:
    if _annotation(path) is bool:  # yes/no, escorted/unescorted: the first option is "yes"
        return code == options[0] if code not in ("true", "false") else code == "true"
    return code


def _set(data: Any, path: str, value: Any) -> None:
    """``value`` into the JSON ``data`` at ``path`` (objects made on the way)."""
    parts = path.removesuffix("[]").split(".")
    for index, part in enumerate(parts):
        name, _, rest = part.partition("[")
        last = index == len(parts) - 1
        if not rest:
            if last:
                data[name] = value
            else:
                data = data.setdefault(name, {})
            continue
        position = int(rest.rstrip("]"))
        items = data.setdefault(name, [])
        while len(items) <= position:
            items.append({})
        if last:
            items[position] = value
        else:
            data = items[position]


def extract_filled(pdf: bytes, *, source: str = "<pdf>") -> FilledCase:
    """The case of a filled fillable form, with what was filled into its fields.

    Raises `PdfFileError` for a file that is not a readable PDF, `FilledFormError` for
    a PDF that is no fillable form of this tool (or lost its case data), and
    `CaseSchemaError` naming the field when a filled value does not fit the schema.
    """
    with _open(pdf, source) as opened:
        files = {name: spec.get_file().read_bytes() for name, spec in opened.attachments.items()}
        if FILLABLE_FILE not in files:
            has_fields = "/AcroForm" in opened.Root and len(opened.Root.AcroForm.get("/Fields", ()))
            raise FilledFormError(
                source,
                "not a fillable form of readmit-forms (render it with --fillable)"
                if not has_fields
                else "its form fields were not made by readmit-forms render --fillable",
            )
        try:
            note = json.loads(files[FILLABLE_FILE])
            data = json.loads(files[note["case"]])
        except (KeyError, ValueError, TypeError):
            raise FilledFormError(source, "its attached case data is missing or corrupt") from None
        read, not_read = [], []
        for top in opened.Root.AcroForm.get("/Fields", ()):
            for name, field in _fields(top):
                kind, value = field.get("/FT"), field.get("/V")
                if kind not in ("/Tx", "/Btn") or value is None:
                    continue
                text = str(value)
                if (kind == "/Tx" and not text.strip()) or (kind == "/Btn" and text == "/Off"):
                    continue
                if name.startswith(_FORM_PREFIX) or "[]." in name:
                    not_read.append(name)
                    continue
                if kind == "/Tx":
                    _set(data, name, _text_value(text, name))
                else:
                    _set(data, name, _choice_value(text[1:], _options(field), name))
                read.append(name)
    try:
        Case.model_validate(data)
    except ValidationError as exc:
        from ._loading import schema_problems

        raise CaseSchemaError(source, schema_problems(exc)) from None
    case_json = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return FilledCase(case_json, str(note["form"]), str(note["lang"]), tuple(read), tuple(not_read))
