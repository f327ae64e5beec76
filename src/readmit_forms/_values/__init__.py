"""Value ids: how each item of a form is filled from the case, in a given language.

A structure file names a value id such as ``person.full_name`` or
``transit.destination``; this package resolves it. The first part names the
object (``case``, ``person``, ``letter``, … or a repeat variable such as
``child``), the second the formatting function. Functions return a `Rich`
value, or None when the case has nothing for the item (the form then shows
dotted lines). Choice functions return the set of ticked option codes.

All wording comes from ``templates/<lang>/common.yaml`` (``values.*``); the
functions only pick and arrange the case's data. One module per topic:
``people``, ``letter``, ``documents``, ``events``, ``transfer``, ``statement``.
"""

from __future__ import annotations

from . import documents, events, letter, model_forms, people, statement, transfer  # noqa: F401
from ._core import (
    CHOICES,
    ITEMS,
    ROOT_KINDS,
    VALUES,
    Ctx,
    Value,
    resolve,
    resolve_choice,
    resolve_items,
)

__all__ = [
    "CHOICES",
    "ITEMS",
    "ROOT_KINDS",
    "VALUES",
    "Ctx",
    "Value",
    "resolve",
    "resolve_choice",
    "resolve_items",
]
