"""The rendering entry point: case → findings check → composed document → bytes."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._agreements import get_agreement
from ._backends import backend, check_options
from ._case import Case
from ._compose import compose
from ._errors import UnknownFormatError, missing_part
from ._findings import CaseRefusedError
from ._lang import parse_lang
from ._languages import check_purpose
from ._loading import load_case
from ._validate import validate

__all__ = ["check_format", "render"]


def render(
    case: Case | str | Path | Mapping[str, Any],
    *,
    form: str,
    lang: str,
    format: str = "pdf",
    draft: bool = False,
    purpose: str = "default",
    **options: Any,
) -> bytes:
    """Render ``form`` of ``case`` in ``lang`` as ``format`` ("pdf", "docx", "html") as bytes.

    ``options`` go to the format's backend: ``docx_template=PATH`` draws a DOCX with
    an authority's own (restyled) template instead of the bundled one; ``fillable=True``
    makes a PDF with a form field on every blank (named by its case path, e.g.
    ``person.birth_surname``) and a radio group for every choice, which
    `extract_filled` reads back into a case. Every PDF has empty ``signature`` and
    ``seal`` fields at the form's own places, which `sign` fills.

    A case with errors for the form raises `CaseRefusedError` (with its findings)
    unless ``draft`` is true; a draft carries a visible DRAFT mark.

    ``purpose="submission"`` is for the copy sent to the other Party: a language
    that is not the agreement's working language raises `LanguageNotAllowedError`
    naming the article (e.g. KZ–AT Art. 14: English). The default purpose renders
    any language; every document states its language status in its footer and
    metadata either way.
    """
    loaded = load_case(case)
    language = parse_lang(lang)
    draw = backend(format)
    if options:
        check_format(format, **options)
        options = {key: value for key, value in options.items() if value not in (None, False)}
    check_purpose(get_agreement(loaded.agreement), language, purpose)  # refused before the work
    errors = [f for f in validate(loaded, form) if f.is_error]
    if errors and not draft:
        raise CaseRefusedError(form, errors)
    try:
        drawn = draw(compose(loaded, form, language, draft=draft, purpose=purpose), **options)
        if not options.get("fillable"):
            return drawn
        from ._fillable import attach_case
    except ImportError as exc:  # a fillable PDF needs the optional part 'sign' (pikepdf)
        raise (missing_part(exc) or exc) from None
    from ._saving import case_json

    form_id = get_agreement(loaded.agreement).form(form).id
    return attach_case(drawn, case_json(case, loaded), form=form_id, lang=language.value)


def check_format(format: str, **options: Any) -> str:
    """The name of ``format`` as `render` reads it ("PDF" → "pdf"), once its ``options``
    are checked: for a program that renders many documents, before the first.

    Raises `UnknownFormatError` for a format there is no backend for, and
    `TemplateError` for a ``docx_template`` that cannot be used.
    """
    name = str(format).strip().lower()
    if options.get("docx_template") is not None and name != "docx":
        raise UnknownFormatError(format, ["docx (the only format with a template)"])
    if options.get("fillable") and name != "pdf":
        raise UnknownFormatError(format, ["pdf (the only format with form fields)"])
    options = {key: value for key, value in options.items() if value not in (None, False)}
    check_options(format, **options)
    return name
