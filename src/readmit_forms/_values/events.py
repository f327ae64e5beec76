"""The unlawful stay, the special circumstances, the interview."""

from __future__ import annotations

from .._case import Interview, UnlawfulStay
from ._core import CODE, DATE, TEXT, Ctx, Registry, Value, lines, text

VALUES = Registry()


@VALUES.value("unlawful_stay.grounds", shows=((TEXT, "grounds"), (DATE, "finding_date")))
def _grounds(ctx: Ctx, stay: UnlawfulStay) -> Value:
    return lines(
        [
            ctx.pick(stay.grounds),
            ctx.t("finding_date", date=ctx.date(stay.finding_date)) if stay.finding_date else None,
        ]
    )


@VALUES.value("unlawful_stay.acts", shows=((TEXT, "acts[]"),))
def _acts(ctx: Ctx, stay: UnlawfulStay) -> Value:
    return lines(ctx.pick(act) for act in stay.acts)


@VALUES.value("unlawful_stay.legal_obstacles", shows=((TEXT, "legal_obstacles[]"),))
def _obstacles(ctx: Ctx, stay: UnlawfulStay) -> Value:
    return lines(ctx.pick(act) for act in stay.legal_obstacles)


@VALUES.choice("interview.reason", shows=((CODE, "reason"),))
def _interview_reason(ctx: Ctx, interview: Interview) -> frozenset[str] | None:
    return frozenset({interview.reason.value})


@VALUES.value("interview.proposed_place", shows=((TEXT, "place"),))
def _proposed_place(ctx: Ctx, interview: Interview) -> Value:
    """KZ–AT Annex 7 G: where the interview is proposed to be held (Art. 5(4): at the
    requested Party's diplomatic or consular mission, or elsewhere by agreement)."""
    place = ctx.pick(interview.place)
    return text(ctx.t("interview_place", place=place)) if place else None
