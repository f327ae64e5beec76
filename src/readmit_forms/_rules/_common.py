"""Helpers the rules share: field paths, labels in the three languages, forms in play."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .._case import Case, Evidence, IdentityDocument, Permit
from .._findings import Severity
from .._format import country_name
from .._lang import Lang
from .._scope import forms_in_play
from .._templates import texts
from .._validate import Check

__all__ = [
    "field_label",
    "in_play",
    "is_blank",
    "item_label",
    "nationalities",
    "resolve",
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


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, list | tuple | str) and not value)


def resolve(case: Case, pattern: str) -> Iterator[tuple[str, Any]]:
    """Each (path, value) that ``pattern`` names: ``escorts[].flight`` gives one per escort.

    A top-level name may be a property of the case (``escorted_transit``). A path
    through a missing section yields that section's path with None.
    """
    results: list[tuple[str, Any]] = [("", case)]
    for part in pattern.split("."):
        many = part.endswith("[]")
        name = part.removesuffix("[]")
        following: list[tuple[str, Any]] = []
        for path, obj in results:
            here = f"{path}.{name}" if path else name
            value = None if obj is None else getattr(obj, name)
            if many:
                following += [(f"{here}[{i}]", item) for i, item in enumerate(value or [])]
            else:
                following.append((here, value))
        results = following
    yield from results


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
