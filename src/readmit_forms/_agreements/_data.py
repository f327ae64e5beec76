"""The building blocks of the agreement data: a source, a fact that has one, a text in three
languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .._lang import Lang

__all__ = ["Data", "Fact", "Role", "Source", "Trilingual", "sources_in"]

T = TypeVar("T")


class Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled by its generic origin and arguments (``Fact[str]`` is no module's name),
        # for the cache on disk; unpickling checks nothing, as copying does not
        meta = type(self).__pydantic_generic_metadata__
        kind = (meta["origin"], meta["args"]) if meta["origin"] else (type(self), ())
        return _restore, (*kind, self.__getstate__())


def _restore(origin: type[Data], args: tuple[Any, ...], state: dict[Any, Any]) -> Data:
    kind = origin[args if len(args) > 1 else args[0]] if args else origin  # type: ignore[index]
    data: Data = kind.__new__(kind)
    data.__setstate__(state)
    return data


Trilingual = dict[Lang, str]
"""A text given in kk, ru and en (checked to have all three)."""


class Source(Data):
    """Where a fact comes from: a file of ``../shared/sources`` and the provision in it."""

    doc: str = Field(description="source file, e.g. '003_28cab8fd1c094838.txt'")
    ref: str = Field(description="the provision, e.g. 'Art. 14' or 'Annex 1, Art. 3(2)'")
    lines: str | None = Field(None, description="line numbers in the file, e.g. 'ru 1296; kk 292'")

    def __str__(self) -> str:
        return f"{self.ref} ({self.doc}{', lines ' + self.lines if self.lines else ''})"


def sources_in(obj: Any, path: str = "") -> Iterator[tuple[str, Source, Any]]:
    """(path, source, the object holding it) for every Source in agreement data ``obj``."""
    if isinstance(obj, BaseModel):
        items: Any = ((f"{path}.{name}", getattr(obj, name)) for name in type(obj).model_fields)
    elif isinstance(obj, list | tuple):
        items = ((f"{path}[{index}]", item) for index, item in enumerate(obj))
    elif isinstance(obj, dict):
        items = ((f"{path}.{key}", item) for key, item in obj.items())
    else:
        return
    owner = obj if isinstance(obj, BaseModel) else None
    for here, value in items:
        if isinstance(value, Source):
            yield here, value, owner
        else:
            yield from sources_in(value, here)


class Fact(Data, Generic[T]):
    """A fact with its source, or the explicit statement that the sources say nothing."""

    value: T | None = None
    source: Source | None = None
    not_stated: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _sourced_or_not_stated(self) -> Fact[T]:
        if self.not_stated:
            if self.value is not None:
                raise ValueError("a fact that is not stated in the sources cannot have a value")
            if not self.note:
                raise ValueError("say why the fact is not stated (note)")
        elif self.value is None or self.source is None:
            raise ValueError("a stated fact needs both a value and a source")
        return self

    @property
    def stated(self) -> bool:
        return not self.not_stated


Role = Literal["sends", "examines"]
