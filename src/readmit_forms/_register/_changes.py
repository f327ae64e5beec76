"""What a saved version changed, who the case's data subjects are, what kinds of data it holds.

Pure functions of the case data; the register stores their results so that
history, the subject report and the record never recompute them from the bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .._case import Case, PersonCore
from .._lang import LANGS, Lang
from .._text import pick

__all__ = ["CATEGORIES", "Person", "categories", "changed", "name_tokens", "people"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _flat(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict) and not (data and set(data) <= {"kk", "ru", "en"}):
        for key, value in data.items():
            yield from _flat(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list) and data and isinstance(data[0], dict):
        for index, value in enumerate(data):
            yield from _flat(value, f"{path}[{index}]")
    elif data not in (None, [], {}, ""):
        yield path, data


def changed(before: dict[str, Any] | None, after: dict[str, Any]) -> tuple[str, ...]:
    """The field paths whose value differs between two versions (values are not listed)."""
    old = dict(_flat(before or {}))
    new = dict(_flat(after))
    return tuple(sorted(path for path in old.keys() | new.keys() if old.get(path) != new.get(path)))


# -- the data subjects ------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A person whose data a case holds: their role in it, their names, their birth date."""

    role: str
    names: dict[Lang, str]
    born: dt.date | None
    languages: tuple[str, ...]
    tokens: str


def name_tokens(text: str) -> list[str]:
    """The words of a name, case-folded, for matching ("Жумабеков Ерлан" → two words)."""
    return [word.casefold() for word in _WORD.findall(text)]


def _all_versions(value: str | dict[Lang, str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value.values())


def _display(person: PersonCore, lang: Lang) -> str:
    parts = [pick(s, lang, LANGS) for s in person.surnames]
    parts += [pick(g, lang, LANGS) for g in person.given_names]
    if person.patronymic is not None:
        parts.append(pick(person.patronymic, lang, LANGS))
    return " ".join(parts)


def _person(role: str, person: PersonCore, languages: list[str]) -> Person:
    words: list[str] = []
    values = [*person.surnames, *person.given_names, *person.aliases]
    values += [v for v in (person.patronymic, person.birth_surname, person.second_name) if v]
    for value in values:
        for text in _all_versions(value):
            words += name_tokens(text)
    unique = list(dict.fromkeys(words))
    return Person(
        role,
        {lang: _display(person, lang) for lang in LANGS},
        person.date_of_birth,
        tuple(languages),
        " " + " ".join(unique) + " ",
    )


def people(case: Case) -> list[Person]:
    """The person, the spouse and each child, as data subjects of the case."""
    found = [_person("person", case.person, case.person.languages)]
    if case.spouse is not None:
        found.append(_person("spouse", case.spouse, case.spouse.languages))
    for index, child in enumerate(case.children):
        found.append(_person(f"children[{index}]", child, child.languages))
    return found


# -- kinds of personal data ---------------------------------------------------------------

CATEGORIES: dict[str, tuple[str, ...]] = {
    "particulars": (
        "person.surnames",
        "person.given_names",
        "person.patronymic",
        "person.date_of_birth",
        "person.place_of_birth",
        "person.sex",
        "person.nationality",
    ),
    "description": ("person.description", "person.languages", "person.marital_status"),
    "photo": ("person.photo",),
    "addresses": (
        "person.last_address_requesting",
        "person.last_address_requested",
        "person.routes",
    ),
    "family": ("spouse", "children"),
    "documents": ("documents",),
    "permits": ("permits",),
    "stay": ("unlawful_stay",),
    "evidence": ("evidence",),
    "health": ("circumstances", "handover.health", "handover.security_measures"),
    "statement": ("statement",),
    "transfer": ("handover", "transit", "escorts"),
}
"""A kind of personal data → the case fields that hold it (labels: ``register.category.*``)."""


def categories(data: dict[str, Any]) -> list[str]:
    """The kinds of personal data a case version holds, in the order of `CATEGORIES`."""
    paths = [path for path, _value in _flat(data)]
    return [
        name
        for name, prefixes in CATEGORIES.items()
        if any(p == pre or p.startswith((pre + ".", pre + "[")) for p in paths for pre in prefixes)
    ]
