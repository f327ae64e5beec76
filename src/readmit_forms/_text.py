"""Validated string types for case values: literal data, printable, optionally per language."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from ._charset import char_problem
from ._lang import Lang

__all__ = ["Line", "LocalizedLine", "LocalizedText", "Para", "pick"]


def _normalise_newlines(value: Any) -> Any:
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def _printable_line(value: str) -> str:
    problem = char_problem(value, multiline=False)
    if problem:
        raise ValueError(problem)
    if not value.strip():
        raise ValueError("must not be empty or only spaces")
    return value


def _printable_para(value: str) -> str:
    problem = char_problem(value, multiline=True)
    if problem:
        raise ValueError(problem)
    if not value.strip():
        raise ValueError("must not be empty or only spaces")
    return value


Line = Annotated[str, AfterValidator(_printable_line), Field(max_length=500)]
"""One line of text (a name, a number, a place): printable, no line breaks."""

Para = Annotated[
    str, BeforeValidator(_normalise_newlines), AfterValidator(_printable_para),
    Field(max_length=20000),
]
"""Free text that a clerk types; may span several lines."""


def _one_or_more_languages(value: Any) -> Any:
    if isinstance(value, dict) and not value:
        raise ValueError("give the text, or at least one of the languages kk, ru, en")
    return value


LocalizedLine = Annotated[Line | dict[Lang, Line], BeforeValidator(_one_or_more_languages)]
"""A one-line value, either the same in every language or given per language."""

LocalizedText = Annotated[Para | dict[Lang, Para], BeforeValidator(_one_or_more_languages)]
"""Free text, either one version for every language or per language, e.g. {"ru": ..., "en": ...}."""


def pick(value: str | dict[Lang, str], lang: Lang, fallback: tuple[Lang, ...] = ()) -> str:
    """The version of ``value`` for ``lang``, else the first of ``fallback`` that exists."""
    if isinstance(value, str):
        return value
    for candidate in (lang, *fallback):
        if candidate in value:
            return value[candidate]
    return next(iter(value.values()))
