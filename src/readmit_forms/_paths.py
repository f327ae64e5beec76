"""Case field paths, as the agreement data, the findings and the value ids write them.

``escorts[].passport.number`` names a field of every escort; a finding's path is
concrete (``escorts[1].passport.number``). One walker serves them all: the rules
(which items a form requires), the values (which case fields a form item shows),
and the personal-data rule (every field that holds a value).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

__all__ = ["is_date", "locate", "schema_paths", "set_paths", "walk"]


def walk(
    obj: Any, pattern: str, *, prefix: str = "", lenient: bool = False
) -> Iterator[tuple[str, Any]]:
    """Each (path, value) that ``pattern`` names from ``obj``: ``escorts[].flight`` gives
    one per escort, ``escorts[0].flight``, ``escorts[1].flight``, ….

    A name may be a property (``escorted_transit``). A path through a missing (None)
    object yields that path with None; a list through one yields nothing. ``prefix``
    is the path of ``obj`` itself. ``lenient`` takes a field that ``obj``'s kind does
    not have as missing (a value of the person family shown for a child).
    """
    results: list[tuple[str, Any]] = [(prefix, obj)]
    for part in pattern.split("."):
        many = part.endswith("[]")
        name = part.removesuffix("[]")
        following: list[tuple[str, Any]] = []
        for path, item in results:
            here = f"{path}.{name}" if path else name
            if item is None:
                value = None
            else:
                value = getattr(item, name, None) if lenient else getattr(item, name)
            if many:
                following += [(f"{here}[{i}]", member) for i, member in enumerate(value or [])]
            else:
                following.append((here, value))
        results = following
    yield from results


def set_paths(data: Any, path: str = "") -> Iterator[str]:
    """The path of every value set in ``data`` (a case as JSON data: mappings and lists),
    e.g. ``children[0].description.height_cm``; None, false and "" are not set."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from set_paths(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from set_paths(value, f"{path}[{index}]")
    elif data not in (None, False, ""):
        yield path


def locate(root: Any, obj: Any) -> str | None:
    """The path of ``obj`` among the fields of the model ``root`` (``spouse``,
    ``children[1]``, ``documents[0]``), found by identity; None where it is not there."""
    if obj is None:
        return None
    for name in type(root).model_fields:
        value = getattr(root, name)
        if value is obj:
            return str(name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if item is obj:
                    return f"{name}[{index}]"
    return None


def _leaf(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``X | None`` / ``list[X]``, and whether it is a list."""
    many = False
    while True:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
        elif origin in (list, tuple) and args:
            annotation, many = args[0], True
        elif origin is typing.Annotated:
            annotation = args[0]
        else:
            return annotation, many


@cache
def schema_paths(model: type[BaseModel]) -> dict[str, Any]:
    """Every field path of ``model`` (``escorts[].passport.number``), with the field's type;
    properties (``escorted_transit``) are paths too, typed ``property``."""
    found: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        kind, many = _leaf(info.annotation)
        path = f"{name}[]" if many else name
        found[path] = kind
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            for sub, sub_kind in schema_paths(kind).items():
                found[f"{path}.{sub}"] = sub_kind
    for name, member in vars(model).items():
        if isinstance(member, property) and not name.startswith("_"):
            found[name] = property
    return found


def is_date(kind: Any) -> bool:
    """Whether a field of type ``kind`` (see `schema_paths`) holds a date."""
    return isinstance(kind, type) and issubclass(kind, dt.date)
