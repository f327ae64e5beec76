"""The letterhead and signature: authorities, number, place and date, signatory."""

from __future__ import annotations

from .._agreements import Role
from .._case import Authority, Case, Letter, Signatory
from ._core import DATE, NAME, TEXT, Ctx, Registry, Value, join, lines, text

VALUES = Registry()


def _authority(ctx: Ctx, state: str, override: Authority | None, role: Role) -> Value:
    if override is not None:
        return lines([ctx.pick(override.name), ctx.pick(override.address)])
    authority = ctx.agreement.authority_for(state, ctx.form, role)
    return text(authority.name[ctx.lang]) if authority else None


@VALUES.value(
    "case.requesting_authority",
    shows=((TEXT, "requesting_authority.name"), (TEXT, "requesting_authority.address")),
)
def _requesting_authority(ctx: Ctx, case: Case) -> Value:
    """By default the requesting state's authority that sends this kind of form."""
    return _authority(ctx, case.requesting_state, case.requesting_authority, "sends")


@VALUES.value(
    "case.requested_authority",
    shows=((TEXT, "requested_authority.name"), (TEXT, "requested_authority.address")),
)
def _requested_authority(ctx: Ctx, case: Case) -> Value:
    """By default the requested state's authority that examines this kind of form
    (KZ–BY Protocol Art. 1(5): the State Border Committee examines transit requests)."""
    return _authority(ctx, case.requested_state, case.requested_authority, "examines")


@VALUES.value("letter.place_date", shows=((TEXT, "place"), (DATE, "date")))
def _letter_place_date(ctx: Ctx, letter: Letter) -> Value:
    return text(join([ctx.pick(letter.place), ctx.date(letter.date)]))


@VALUES.value("signatory.name_position", shows=((NAME, "name"), (TEXT, "position")))
def _signatory_name_position(ctx: Ctx, signatory: Signatory) -> Value:
    return text(join([ctx.pick(signatory.position), ctx.pick(signatory.name)]))
