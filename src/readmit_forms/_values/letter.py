"""The letterhead and signature: authorities, number, place and date, signatory."""

from __future__ import annotations

from typing import Any

from .._agreements import Role
from .._case import (
    Case,
)
from .._lang import Lang
from ._core import Ctx, Value, join, lines, text, value

# -- authorities, letter, signatory ----------------------------------------------------


def _authority(ctx: Ctx, state: str, override: Any, role: Role) -> Value:
    if override is not None:
        return lines([ctx.pick(override.name), ctx.pick(override.address)])
    authority = ctx.agreement.authority_for(state, ctx.form, role)
    return text(authority.name[ctx.lang]) if authority else None


@value("case.requesting_authority")
def _requesting_authority(ctx: Ctx, case: Case) -> Value:
    """By default the requesting state's authority that sends this kind of form."""
    return _authority(ctx, case.requesting_state, case.requesting_authority, "sends")


@value("case.requested_authority")
def _requested_authority(ctx: Ctx, case: Case) -> Value:
    """By default the requested state's authority that examines this kind of form
    (KZ–BY Protocol Art. 1(5): the State Border Committee examines transit requests)."""
    return _authority(ctx, case.requested_state, case.requested_authority, "examines")


@value("case.requesting_state")
def _requesting_state(ctx: Ctx, case: Case) -> Value:
    return text(ctx.country(case.requesting_state))


@value("case.requested_state")
def _requested_state(ctx: Ctx, case: Case) -> Value:
    return text(ctx.country(case.requested_state))


@value("case.notes")
def _notes(ctx: Ctx, case: Case) -> Value:
    return text(ctx.pick(case.notes))


@value("letter.number")
def _letter_number(ctx: Ctx, letter: Any) -> Value:
    return text(letter.number)


@value("letter.place")
def _letter_place(ctx: Ctx, letter: Any) -> Value:
    return text(ctx.pick(letter.place))


@value("letter.date")
def _letter_date(ctx: Ctx, letter: Any) -> Value:
    return text(ctx.date(letter.date))


@value("letter.place_date")
def _letter_place_date(ctx: Ctx, letter: Any) -> Value:
    return text(join([ctx.pick(letter.place), ctx.date(letter.date)]))


def _initials_surname(ctx: Ctx, name: str | dict[Lang, str]) -> str:
    return ctx.pick(name) or ""


@value("signatory.name")
def _signatory_name(ctx: Ctx, signatory: Any) -> Value:
    return text(_initials_surname(ctx, signatory.name))


@value("signatory.name_position")
def _signatory_name_position(ctx: Ctx, signatory: Any) -> Value:
    return text(join([ctx.pick(signatory.position), ctx.pick(signatory.name)]))
