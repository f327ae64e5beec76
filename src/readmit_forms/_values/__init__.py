"""Value ids: how each item of a form is filled from the case, in a given language.

A structure file names a value id such as ``person.full_name`` or
``transit.destination``; this package resolves it. The first part names the
object (``case``, ``person``, ``letter``, … or a repeat variable such as
``child``), the second the formatting function. Functions return a `Rich`
value, or None when the case has nothing for the item (the form then shows
dotted lines). Choice functions return the set of ticked option codes. Each
function declares the case fields it shows (`Registry.value`).

All wording comes from ``templates/<lang>/common.yaml`` (``values.*``); the
functions only pick and arrange the case's data. One module per topic, each with
its own `Registry`, merged here in `TOPICS`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._errors import DataError
from .._paths import locate, walk
from .._structure import (
    BlockSpec,
    ChoicesSpec,
    EachSpec,
    FieldSpec,
    PhotoSpec,
    SlotsSpec,
    Structure,
    WithSpec,
)
from . import _path_values as paths
from . import (
    documents,
    escorts,
    events,
    grounds,
    handover,
    letter,
    people,
    statement,
    transit,
)
from ._core import (
    CODE,
    DATE,
    FAMILIES,
    NAME,
    NUMBER,
    TEXT,
    TIME,
    ChoiceDef,
    Ctx,
    Kind,
    Registry,
    Value,
    ValueDef,
    fallback_langs,
)

__all__ = [
    "CHOICES",
    "CODE",
    "DATE",
    "FAMILIES",
    "ITEMS",
    "NAME",
    "NUMBER",
    "TEXT",
    "TIME",
    "TOPICS",
    "VALUES",
    "Ctx",
    "Kind",
    "Value",
    "check_structure",
    "fallback_langs",
    "raw_values",
    "resolve",
    "resolve_choice",
    "resolve_items",
    "unknown_value",
    "value_paths",
]

TOPICS: tuple[Registry, ...] = (
    people.VALUES,
    letter.VALUES,
    documents.VALUES,
    events.VALUES,
    grounds.VALUES,
    transit.VALUES,
    handover.VALUES,
    escorts.VALUES,
    statement.VALUES,
)
"""Every topic's registry: adding a topic module is adding it here."""


def _merged(tables: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for table in tables:
        twice = set(merged) & set(table)
        if twice:
            raise RuntimeError(f"ids registered by two topics: {', '.join(sorted(twice))}")
        merged.update(table)
    return merged


VALUES: dict[str, ValueDef] = _merged([topic.values for topic in TOPICS])
CHOICES: dict[str, ChoiceDef] = _merged([topic.choices for topic in TOPICS])
ITEMS: dict[str, Any] = _merged([topic.items for topic in TOPICS])
"""What a repeated block (``each: {items: ...}``) runs over."""


def _split(value_id: str) -> tuple[str, str]:
    root, _, name = value_id.partition(".")
    return root, f"{FAMILIES[root]}.{name}"


def _root(ctx: Ctx, name: str) -> Any:
    if name in ctx.scope:
        return ctx.scope[name]
    if name == "case":
        return ctx.case
    return getattr(ctx.case, name, None)


def resolve(ctx: Ctx, value_id: str) -> Value:
    """The value for ``value_id`` (None when the case has nothing for it)."""
    generic = paths.parse(value_id)
    if generic is not None:
        return paths.resolve_path(ctx, generic)
    root, key = _split(value_id)
    obj = _root(ctx, root)
    return None if obj is None and root != "case" else VALUES[key].fn(ctx, obj)


def resolve_choice(ctx: Ctx, value_id: str) -> frozenset[str] | None:
    """The ticked option codes for ``value_id`` (None when the case is silent)."""
    generic = paths.parse(value_id)
    if generic is not None:
        return paths.resolve_path_choice(ctx, generic)
    root, key = _split(value_id)
    obj = _root(ctx, root)
    return None if obj is None and root != "case" else CHOICES[key].fn(ctx, obj)


def resolve_items(ctx: Ctx, items_id: str) -> Sequence[Any]:
    """The objects a repeated block runs over (children, documents, escorts): a registered
    id, or else a list field of the case (``transferred_family``, ``permits``)."""
    if items_id in ITEMS:
        return list(ITEMS[items_id](ctx))
    return list(getattr(ctx.case, items_id, None) or ())


def unknown_value(
    value_id: str, *, kind: str = "value", scope: Sequence[str] = ()
) -> tuple[str | None, tuple[str, ...]] | None:
    """What is wrong with ``value_id`` in a structure (None: nothing): the reason (None: an
    unknown id) and the allowed values. ``kind`` is ``value``, ``choice`` or ``items``;
    ``scope`` the repeat variables bound where it is used."""
    if kind == "items":
        fields = paths.check(f"list({value_id})", choice=False)
        if value_id in ITEMS or fields is None:
            return None
        return None, tuple(sorted(ITEMS))
    problem = paths.check(value_id, choice=kind == "choice", scope=scope)
    if problem is not None:
        return f"{value_id}: {problem}", ()
    if paths.parse(value_id) is not None:
        return None
    table: Mapping[str, Any] = CHOICES if kind == "choice" else VALUES
    root, _, name = value_id.partition(".")
    if root in FAMILIES and f"{FAMILIES[root]}.{name}" in table:
        return None
    return None, tuple(sorted(table))


def _shown_from(
    ctx: Ctx, value_id: str, choice: bool
) -> tuple[Any, str | None, tuple[tuple[Kind, str], ...]]:
    """The object the ``shows`` paths of a value (or choice) start from, its path in the
    case (None where it is not an object of the case), and the paths."""
    generic = paths.parse(value_id)
    if generic is not None:
        where = _where(ctx, generic.root)
        shows = ((paths.kind_of(generic), generic.rest),) if generic.rest else ()
        return paths.root_object(ctx, generic.root), where, shows
    root, key = _split(value_id)
    definition: ValueDef | ChoiceDef = CHOICES[key] if choice else VALUES[key]
    obj = _root(ctx, root)
    via = getattr(definition, "via", None)
    if via is not None and obj is not None:
        obj = via(obj)
        return obj, locate(ctx.case, obj), definition.shows
    if root == "case":
        return obj, "", definition.shows
    if root in ctx.scope:
        return obj, locate(ctx.case, obj), definition.shows
    return obj, root, definition.shows


def _where(ctx: Ctx, root: str) -> str | None:
    """The path in the case of a path value's root (None where it is not in the case)."""
    if root == "case":
        return ""
    if root in ctx.scope:
        return locate(ctx.case, ctx.scope[root])
    return root if root in type(ctx.case).model_fields else None


def value_paths(ctx: Ctx, value_id: str, *, choice: bool = False) -> tuple[str, ...]:
    """The case fields ``value_id`` shows (or would show: a blank names them too), as
    paths from the case, e.g. ``children[1].surnames[]`` (``[]``: every item); ``choice``
    for the id of a choice."""
    _, where, shows = _shown_from(ctx, value_id, choice)
    if where is None:
        return ()
    return tuple(f"{where}.{path}" if where else path for _, path in shows)


def raw_values(ctx: Ctx, value_id: str) -> list[tuple[Kind, Any]]:
    """(kind, raw value) of every case field ``value_id`` shows, as the case gives it."""
    obj, _, shows = _shown_from(ctx, value_id, False)
    if obj is None:
        return []
    return [
        (kind, value)
        for kind, path in shows
        for _, value in walk(obj, path, lenient=True)
        if value is not None
    ]


def _named(blocks: Sequence[BlockSpec], where: str, scope: tuple[str, ...]) -> Any:
    """(path in the file, value id, kind, scope) of every value a structure's blocks name."""
    for index, block in enumerate(blocks):
        at = f"{where}[{index}]"
        if isinstance(block, FieldSpec) and block.value:
            yield f"{at}.value", block.value, "value", scope
        elif isinstance(block, ChoicesSpec):
            yield f"{at}.value", block.value, "choice", scope
        elif isinstance(block, SlotsSpec):
            for number, slot in enumerate(block.slots):
                if slot.value:
                    yield f"{at}.slots[{number}].value", slot.value, "value", scope
        elif isinstance(block, EachSpec):
            yield f"{at}.items", block.items, "items", scope
            yield from _named(block.blocks, f"{at}.blocks", (*scope, block.as_))
        elif isinstance(block, WithSpec | PhotoSpec):
            yield from _named(block.blocks, f"{at}.blocks", scope)


def check_structure(structure: Structure) -> None:
    """Raise `DataError` for the first value, choice or items id of ``structure`` that the
    toolkit does not know (or a path value naming a field the case schema lacks)."""
    for where, value_id, kind, scope in _named(structure.blocks, "blocks", ()):
        problem = unknown_value(value_id, kind=kind, scope=scope)
        if problem is not None:
            reason, allowed = problem
            raise DataError(structure.file or structure.texts, where, value_id, allowed, reason)
