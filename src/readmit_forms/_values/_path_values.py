"""Values named by a case field and a formatter, so that a new form needs no value function.

A structure may name, instead of a registered value id, a *path value*::

    date(handover.date)                 a date, written in the form's language
    name(person.surnames[])             names, one after another
    text(circumstances.health)          free text (or a line) in the form's language
    number(letter.number)               a number or reference, as given
    time(handover.time)                 a time of day
    country(person.nationality[])       countries named in the language
    list(unlawful_stay.acts[])          one line per item
    person(transferred_family[])        a person: name and date of birth, one a line
    document(documents[])               a document or permit summarised, one a line
    term(handover.mode, transport)      a code named by ``common.values.<group>.<code>``

and, for the boxes of a ``choices`` item::

    tick(reply.decision)                the box whose option code is the field's value
                                        (``yes``/``no`` for a true/false field)
    is(handover.mode, land)             ``yes`` where the field has that value, else ``no``

The path starts at a root a value id could start with (``case``, ``person``, ``letter``, a
repeat variable such as ``child``, …) or at ``requesting_authority`` /
``requested_authority``: the case's authority where it gives one, else the agreement's
authority of that state for the form. ``[]`` runs over a list. `check` says whether a
path value names fields the case schema has (run when an agreement's structures load).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .._agreements import Authority as AgreementAuthority
from .._case import Authority as CaseAuthority
from .._case import Case, Child, Escort, IdentityDocument, Permit, PersonCore, Spouse
from .._format import format_datetime, format_time
from .._paths import schema_paths, walk
from ._core import CODE, DATE, NAME, NUMBER, TEXT, TIME, Ctx, Kind, Value, join, lines, text
from .documents import document_summary
from .people import born_text, plain_name

__all__ = [
    "CHOICE_FORMATTERS",
    "FORMATTERS",
    "PathValue",
    "check",
    "parse",
    "resolve_path",
    "resolve_path_choice",
]

_PATTERN = re.compile(r"(?P<fmt>[a-z]+)\((?P<path>[A-Za-z_][\w.\[\]]*)(?:,\s*(?P<arg>[\w-]+))?\)")

AUTHORITIES: dict[str, tuple[str, str]] = {
    "requesting_authority": ("requesting_state", "sends"),
    "requested_authority": ("requested_state", "examines"),
}
"""Authority roots: the state whose authority it is, and what that authority does with the form."""


@dataclass(frozen=True)
class PathValue:
    """A parsed path value: ``fmt(root.rest, arg)``."""

    fmt: str
    root: str
    rest: str
    arg: str | None

    @property
    def path(self) -> str:
        return f"{self.root}.{self.rest}" if self.rest else self.root


def parse(value_id: str) -> PathValue | None:
    """The path value ``value_id`` writes, or None for a registered value id."""
    found = _PATTERN.fullmatch(value_id)
    if found is None:
        return None
    root, _, rest = found["path"].partition(".")
    if root.endswith("[]"):  # a list of the case: walked from the case
        return PathValue(found["fmt"], "case", found["path"], found["arg"])
    return PathValue(found["fmt"], root, rest, found["arg"])


# -- what the formatters make of the values found ----------------------------------------


def _as_text(ctx: Ctx, value: Any) -> str | None:
    if isinstance(value, str | dict):
        return ctx.pick(value)
    if isinstance(value, bool):
        return ctx.t("yes" if value else "no")
    return str(value)


def _date(ctx: Ctx, value: Any) -> str | None:
    if hasattr(value, "hour"):
        return format_datetime(value, ctx.lang)
    return ctx.date(value)


def _document(ctx: Ctx, value: Any) -> str | None:
    if isinstance(value, IdentityDocument):
        return document_summary(ctx, value)
    if isinstance(value, Permit):
        return join(
            [
                join([ctx.t(f"permit.{value.kind.value}"), value.number], " "),
                ctx.t("issued_by", state=ctx.country(value.issuing_state)),
                ctx.date(value.issue_date),
                ctx.t("valid_until", date=ctx.date(value.expiry_date))
                if value.expiry_date
                else None,
            ]
        )
    return _as_text(ctx, value)


def _person(ctx: Ctx, value: Any) -> str | None:
    if isinstance(value, PersonCore):
        return join([plain_name(ctx, value), born_text(ctx, value)])
    return _as_text(ctx, value)


Each = Callable[[Ctx, Any, str | None], str | None]


@dataclass(frozen=True)
class Formatter:
    """How one kind of path value writes each value it finds, and how it joins them."""

    kind: Kind
    each: Each
    sep: str = ", "
    needs_arg: bool = False


FORMATTERS: dict[str, Formatter] = {
    "text": Formatter(TEXT, lambda ctx, v, _: _as_text(ctx, v)),
    "name": Formatter(NAME, lambda ctx, v, _: _as_text(ctx, v), " "),
    "number": Formatter(NUMBER, lambda ctx, v, _: str(v)),
    "date": Formatter(DATE, lambda ctx, v, _: _date(ctx, v)),
    "time": Formatter(TIME, lambda ctx, v, _: format_time(v, ctx.lang)),
    "country": Formatter(CODE, lambda ctx, v, _: ctx.country(v)),
    "list": Formatter(TEXT, lambda ctx, v, _: _as_text(ctx, v), "\n"),
    "person": Formatter(NAME, lambda ctx, v, _: _person(ctx, v), "\n"),
    "document": Formatter(TEXT, lambda ctx, v, _: _document(ctx, v), "\n"),
    "term": Formatter(
        CODE, lambda ctx, v, group: ctx.t(f"{group}.{getattr(v, 'value', v)}"), needs_arg=True
    ),
}
"""The formatters of field values, by name."""


def _code(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(getattr(value, "value", value))


CHOICE_FORMATTERS: dict[str, tuple[Callable[[Any, str | None], frozenset[str]], bool]] = {
    "tick": (lambda value, _: frozenset({_code(value)}), False),
    "is": (lambda value, code: frozenset({"yes" if _code(value) == code else "no"}), True),
}
"""The formatters of boxes, by name: (ticked codes of a value found, needs an argument)."""


# -- resolving -----------------------------------------------------------------------------


def root_object(ctx: Ctx, root: str) -> Any:
    """The object a path value starts from (None where the case has none)."""
    if root in ctx.scope:
        return ctx.scope[root]
    if root == "case":
        return ctx.case
    if root in AUTHORITIES:
        given = getattr(ctx.case, root)
        if given is not None:
            return given
        state_field, role = AUTHORITIES[root]
        state = getattr(ctx.case, state_field)
        return ctx.agreement.authority_for(state, ctx.form, role)  # type: ignore[arg-type]
    return getattr(ctx.case, root, None)


def found(ctx: Ctx, value: PathValue) -> list[Any]:
    """The values the path names in the case, in order, missing ones left out."""
    obj = root_object(ctx, value.root)
    if obj is None:
        return []
    if not value.rest:
        return [obj]
    return [item for _, item in walk(obj, value.rest, lenient=True) if item not in (None, "")]


def resolve_path(ctx: Ctx, value: PathValue) -> Value:
    formatter = FORMATTERS[value.fmt]
    parts = [formatter.each(ctx, item, value.arg) for item in found(ctx, value)]
    if formatter.sep == "\n":
        return lines(parts)
    return text(join(parts, formatter.sep))


def resolve_path_choice(ctx: Ctx, value: PathValue) -> frozenset[str] | None:
    tick, _ = CHOICE_FORMATTERS[value.fmt]
    values = found(ctx, value)
    if not values:
        return None
    return frozenset().union(*(tick(item, value.arg) for item in values))


def kind_of(value: PathValue) -> Kind:
    formatter = FORMATTERS.get(value.fmt)
    return formatter.kind if formatter else CODE


# -- checking against the case schema ---------------------------------------------------


ROOT_TYPES: dict[str, tuple[type[BaseModel], ...]] = {
    "case": (Case,),
    "child": (Child,),
    "spouse": (Spouse,),
    "escort": (Escort,),
    "document": (IdentityDocument, Permit),
    **dict.fromkeys(AUTHORITIES, (CaseAuthority, AgreementAuthority)),
}
"""The types a root that is not a field of the case may hold."""


def _known(types_: Iterable[type[BaseModel]]) -> dict[str, Any]:
    """Every field path of any of ``types_`` (see `schema_paths`); a property is also
    named with ``[]`` (``transferred_family[]``)."""
    known: dict[str, Any] = {}
    for kind in types_:
        known.update(schema_paths(kind))
    return known | {f"{path}[]": kind for path, kind in known.items() if kind is property}


def _below(known: Mapping[str, Any], parent: str) -> list[str]:
    names = (path.removeprefix(f"{parent}.") for path in known if path.startswith(f"{parent}."))
    top = known if not parent else names
    return sorted({name.split(".")[0] for name in top})


def check(value_id: str, *, choice: bool, scope: Iterable[str] = ()) -> str | None:
    """What is wrong with the path value ``value_id`` (None: nothing). ``scope``: the repeat
    variables bound where it is used (their fields are not checked)."""
    value = parse(value_id)
    if value is None:
        return None
    table: dict[str, Any] = CHOICE_FORMATTERS if choice else FORMATTERS
    if value.fmt not in table:
        return f"unknown formatter {value.fmt!r}; allowed are: {', '.join(table)}"
    needs_arg = table[value.fmt][1] if choice else table[value.fmt].needs_arg
    if needs_arg != (value.arg is not None):
        return f"{value.fmt}(...) {'needs' if needs_arg else 'takes no'} second argument"
    if value.root in ROOT_TYPES:
        known, path, walked = _known(ROOT_TYPES[value.root]), value.rest, value.root
    elif value.root in scope:
        return None
    else:
        known, path, walked = _known([Case]), value.path, ""
    here = ""
    for part in path.split(".") if path else ():
        following = f"{here}.{part}" if here else part
        if following not in known:
            allowed = ", ".join(_below(known, here))
            name = ".".join(filter(None, [walked if value.root in ROOT_TYPES else "", here]))
            return f"{name or 'the case'} has no field {part!r}; allowed are: {allowed}"
        here = following
    return None
