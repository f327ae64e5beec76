"""The core of value ids: the context, the registries, and resolving an id."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .._agreements import Agreement
from .._case import (
    Case,
)
from .._document import Rich, Run
from .._format import (
    country_name,
    format_date,
)
from .._lang import LANGS, Lang
from .._templates import Texts
from .._text import pick

__all__ = [
    "CHOICES",
    "ITEMS",
    "ROOT_KINDS",
    "VALUES",
    "Ctx",
    "resolve",
    "resolve_choice",
    "resolve_items",
]


@dataclass(frozen=True)
class Ctx:
    """What a value function may use: the case, its agreement, the form and the language."""

    case: Case
    agreement: Agreement
    form: str
    lang: Lang
    texts: Texts
    scope: dict[str, Any]

    @property
    def fallback(self) -> tuple[Lang, ...]:
        """Languages to fall back on for free text lacking a version in ``lang``."""
        prevailing = self.agreement.languages.prevailing.value
        order = [Lang(prevailing)] if prevailing in LANGS else []
        order += [lang for lang in (Lang.RU, Lang.EN, Lang.KK) if lang not in order]
        return tuple(lang for lang in order if lang != self.lang)

    def t(self, key: str, **params: object) -> str:
        return self.texts.format(f"common.values.{key}", **params)

    def pick(self, value: str | dict[Lang, str] | None) -> str | None:
        return None if value is None else pick(value, self.lang, self.fallback)

    def date(self, value: dt.date | None) -> str | None:
        return None if value is None else format_date(value, self.lang)

    def country(self, code: str | None) -> str | None:
        return None if code is None else country_name(code, self.lang)


Value = Rich | None
ValueFn = Callable[[Ctx, Any], Value]
ChoiceFn = Callable[[Ctx, Any], frozenset[str] | None]

VALUES: dict[str, ValueFn] = {}
CHOICES: dict[str, ChoiceFn] = {}

ITEMS: dict[str, Callable[[Ctx], Sequence[Any]]] = {
    "children": lambda ctx: ctx.case.children,
    "documents": lambda ctx: ctx.case.documents,
    "escorts": lambda ctx: ctx.case.escorts,
}
"""What a repeated block (``each: {items: ...}``) runs over; topic modules add theirs."""

ROOT_KINDS: dict[str, str] = {
    "case": "case",
    "person": "person",
    "spouse": "person",
    "child": "person",
    "letter": "letter",
    "signatory": "signatory",
    "unlawful_stay": "unlawful_stay",
    "circumstances": "circumstances",
    "interview": "interview",
    "transit": "transit",
    "handover": "handover",
    "statement": "statement",
    "document": "document",
    "escort": "escort",  # one escort, inside `each: {items: escorts}`
}
"""Object names a value id may start with, and the family of functions they take."""


def value(name: str) -> Callable[[ValueFn], ValueFn]:
    """Register a value function under ``name`` (a name may be registered once)."""
    if name in VALUES:
        raise RuntimeError(f"value id {name!r} is registered twice")

    def register(fn: ValueFn) -> ValueFn:
        VALUES[name] = fn
        return fn

    return register


def choice(name: str) -> Callable[[ChoiceFn], ChoiceFn]:
    """Register a choice function under ``name`` (a name may be registered once)."""
    if name in CHOICES:
        raise RuntimeError(f"choice id {name!r} is registered twice")

    def register(fn: ChoiceFn) -> ChoiceFn:
        CHOICES[name] = fn
        return fn

    return register


def text(value: str | None) -> Value:
    return (Run(value),) if value else None


def lines(parts: Iterable[str | None], sep: str = "\n") -> Value:
    kept = [part for part in parts if part]
    return text(sep.join(kept)) if kept else None


def join(parts: Iterable[str | None], sep: str = ", ") -> str | None:
    kept = [part for part in parts if part]
    return sep.join(kept) if kept else None


def _root(ctx: Ctx, name: str) -> Any:
    if name in ctx.scope:
        return ctx.scope[name]
    if name == "case":
        return ctx.case
    return getattr(ctx.case, name, None)


def resolve(ctx: Ctx, value_id: str) -> Value:
    """The value for ``value_id`` (None when the case has nothing for it)."""
    root, _, name = value_id.partition(".")
    fn = VALUES[f"{ROOT_KINDS[root]}.{name}"]
    obj = _root(ctx, root)
    return None if obj is None and root != "case" else fn(ctx, obj)


def resolve_choice(ctx: Ctx, value_id: str) -> frozenset[str] | None:
    root, _, name = value_id.partition(".")
    fn = CHOICES[f"{ROOT_KINDS[root]}.{name}"]
    obj = _root(ctx, root)
    return None if obj is None and root != "case" else fn(ctx, obj)


def resolve_items(ctx: Ctx, items_id: str) -> Sequence[Any]:
    """The objects a repeated block runs over (children, documents, escorts)."""
    return ITEMS[items_id](ctx)
