"""Whom a readmission request concerns, and on what ground (the model forms' boxes)."""

from __future__ import annotations

from .._case import Case
from .._category import grounds
from ._core import CODE, DATE, Ctx, Registry

VALUES = Registry()


@VALUES.choice(
    "case.readmission_ground",
    shows=(
        (CODE, "person.nationality[]"),
        (CODE, "unlawful_stay.entered_from"),
        (CODE, "permits[].kind"),
        (CODE, "permits[].issuing_state"),
        (DATE, "permits[].expiry_date"),
    ),
)
def _readmission_ground(ctx: Ctx, case: Case) -> frozenset[str] | None:
    """Model forms: a national of the requested State (KZ–HU Art. 1), or a third-country
    national or stateless person (Art. 2) and which ground of Art. 2 the case shows —
    the same grounds validation checks (`grounds`)."""
    return frozenset(grounds(case, ctx.agreement))
