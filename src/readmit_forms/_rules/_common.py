"""Helpers the rules share: field paths, labels in the three languages, forms in play."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._case import Evidence, IdentityDocument, Permit
from .._category import forms_in_play
from .._findings import Severity
from .._format import country_name
from .._lang import Lang
from .._templates import texts
from ._check import Check

__all__ = [
    "field_label",
    "in_play",
    "is_blank",
    "item_label",
    "nationalities",
    "severity",
    "states",
]

Localized = Callable[[Lang], str]


def in_play(check: Check, *forms: str) -> bool:
    """Whether to check rules for ``forms``: the form asked for, or (for every form)
    the forms the case is sent with."""
    if check.form is not None:
        return check.form in forms
    return bool(set(forms) & forms_in_play(check.case, check.agreement))


def in_play_needing(check: Check, *sections: str | None, procedure: str | None = None) -> bool:
    """Whether to check rules for the forms filled from ``sections`` of the case (see
    `Agreement.forms_needing`): ``None`` for the request itself."""
    return in_play(check, *check.agreement.forms_needing(*sections, procedure=procedure))


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, list | tuple | str) and not value)


def field_label(pattern: str) -> Localized:
    """The name of a case field as a clerk knows it, e.g. "date of birth"."""
    return lambda lang: texts(lang)[f"messages.field.{pattern}"]


def item_label(item: IdentityDocument | Permit | Evidence) -> Localized:
    """A document, permit or evidence item by its kind, e.g. "passport"."""
    group = {IdentityDocument: "document", Permit: "permit", Evidence: "evidence"}[type(item)]
    return lambda lang: texts(lang)[f"common.values.{group}.{item.kind.value}"]


def states(codes: list[str] | tuple[str, ...]) -> Localized:
    """Country names in the language, joined with commas."""
    return lambda lang: ", ".join(country_name(code, lang) for code in codes)


def nationalities(codes: list[str] | tuple[str, ...]) -> Localized:
    """Nationalities by country name, or "stateless" / "unknown"."""

    def name(code: str, lang: Lang) -> str:
        if code in ("stateless", "unknown"):
            return texts(lang)[f"common.values.nationality.{code}"]
        return country_name(code, lang)

    return lambda lang: ", ".join(name(code, lang) for code in codes)


def severity(value: str | None, default: Severity) -> Severity:
    """The severity the agreement data gives a provision, else the rule's default."""
    return Severity(value) if value else default
