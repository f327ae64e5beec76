"""Validated string types for case values: literal data, printable, optionally per language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from ._charset import char_problem
from ._lang import LANGS, Lang

__all__ = ["Line", "LocalizedLine", "LocalizedText", "fragment", "kind_of", "pick"]

_MAX_LINE = 500
_MAX_PARA = 20_000


def kind_of(value: Any) -> str:
    """What ``value`` is, in a few words, for a message that must not echo it."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    if value is None:
        return "nothing (null)"
    return type(value).__name__


def _checked(value: Any, *, multiline: bool) -> str:
    if not isinstance(value, str):
        hint = " (write it in quotes)" if isinstance(value, int | float) else ""
        raise ValueError(f"expected text, got {kind_of(value)}{hint}")
    if multiline:
        value = value.replace("\r\n", "\n")
    problem = char_problem(value, multiline=multiline)
    if problem:
        raise ValueError(problem)
    if not value.strip():
        raise ValueError("must not be empty or only spaces")
    limit = _MAX_PARA if multiline else _MAX_LINE
    if len(value) > limit:
        raise ValueError(f"is {len(value)} characters long; at most {limit} are allowed")
    return str(value)


def fragment(value: str, keep: int = 12) -> str:
    """``value`` quoted, cut to a short fragment: a message never echoes a whole value."""
    return repr(value) if len(value) <= keep else f"{value[:keep]!r}… (cut)"


def _line(value: Any) -> str:
    return _checked(value, multiline=False)


def _para(value: Any) -> str:
    return _checked(value, multiline=True)


def _localized(check: Callable[[Any], str]) -> Callable[[Any], str | dict[Lang, str]]:
    def validate(value: Any) -> str | dict[Lang, str]:
        if isinstance(value, dict):
            if not value:
                raise ValueError("give the text, or at least one of the languages kk, ru, en")
            result: dict[Lang, str] = {}
            for key, text in value.items():
                if key not in LANGS:
                    shown = fragment(key) if isinstance(key, str) else kind_of(key)
                    raise ValueError(f"{shown} is not a language of the forms; use kk, ru or en")
                try:
                    result[Lang(key)] = check(text)
                except ValueError as exc:
                    raise ValueError(f"{key} version {exc}") from None
            return result
        return check(value)

    return validate


def _dump(value: str | dict[Lang, str]) -> str | dict[str, str]:
    return value if isinstance(value, str) else {str(k): v for k, v in value.items()}


def _schema(max_length: int, description: str) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1, "maxLength": max_length}
    return {
        "description": description,
        "anyOf": [
            text,
            {
                "type": "object",
                "propertyNames": {"enum": [lang.value for lang in LANGS]},
                "additionalProperties": text,
                "minProperties": 1,
            },
        ],
    }


Line = Annotated[
    str,
    PlainValidator(_line),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": _MAX_LINE}),
]
"""One line of text (a number, a code): printable, no line breaks."""

LocalizedLine = Annotated[
    str | dict[Lang, str],
    PlainValidator(_localized(_line)),
    PlainSerializer(_dump),
    WithJsonSchema(_schema(_MAX_LINE, "one line, the same in every language or per language")),
]
"""A one-line value (a name, a place), the same in every language or given per language."""

LocalizedText = Annotated[
    str | dict[Lang, str],
    PlainValidator(_localized(_para)),
    PlainSerializer(_dump),
    WithJsonSchema(_schema(_MAX_PARA, "free text, one version or per language (kk, ru, en)")),
]
"""Free text, either one version for every language or per language, e.g. {"ru": ..., "en": ...}."""


def pick(value: str | dict[Lang, str], lang: Lang, fallback: tuple[Lang, ...] = ()) -> str:
    """The version of ``value`` for ``lang``, else the first of ``fallback`` that exists."""
    if isinstance(value, str):
        return value
    for candidate in (lang, *fallback):
        if candidate in value:
            return value[candidate]
    return next(iter(value.values()))
