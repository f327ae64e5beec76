"""The unlawful stay, the special circumstances, the interview."""

from __future__ import annotations

from typing import Any

from ._core import Ctx, Value, choice, lines, text, value

# -- unlawful stay, circumstances -----------------------------------------------------


@value("unlawful_stay.grounds")
def _grounds(ctx: Ctx, stay: Any) -> Value:
    return lines(
        [
            ctx.pick(stay.grounds),
            ctx.t("finding_date", date=ctx.date(stay.finding_date)) if stay.finding_date else None,
        ]
    )


@value("unlawful_stay.entry_date")
def _entry_date(ctx: Ctx, stay: Any) -> Value:
    return text(ctx.date(stay.entry_date))


@value("unlawful_stay.entry_mode")
def _entry_mode(ctx: Ctx, stay: Any) -> Value:
    return text(ctx.pick(stay.entry_mode))


@value("unlawful_stay.entry_purpose")
def _entry_purpose(ctx: Ctx, stay: Any) -> Value:
    return text(ctx.pick(stay.entry_purpose))


@value("unlawful_stay.acts")
def _acts(ctx: Ctx, stay: Any) -> Value:
    return lines(ctx.pick(act) for act in stay.acts)


@value("unlawful_stay.legal_obstacles")
def _obstacles(ctx: Ctx, stay: Any) -> Value:
    return lines(ctx.pick(act) for act in stay.legal_obstacles)


@value("unlawful_stay.asylum")
def _asylum(ctx: Ctx, stay: Any) -> Value:
    return text(ctx.pick(stay.asylum_applications))


@value("circumstances.health")
def _health(ctx: Ctx, circumstances: Any) -> Value:
    return text(ctx.pick(circumstances.health))


@value("circumstances.danger")
def _danger(ctx: Ctx, circumstances: Any) -> Value:
    return text(ctx.pick(circumstances.danger))


@value("circumstances.special_needs")
def _needs(ctx: Ctx, circumstances: Any) -> Value:
    return text(ctx.pick(circumstances.special_needs))


@value("circumstances.protection")
def _protection(ctx: Ctx, circumstances: Any) -> Value:
    return text(ctx.pick(circumstances.protection_measures))


# -- interview -----------------------------------------------------------------------------


@choice("interview.reason")
def _interview_reason(ctx: Ctx, interview: Any) -> frozenset[str] | None:
    return frozenset({interview.reason.value})


@value("interview.place")
def _interview_place(ctx: Ctx, interview: Any) -> Value:
    return text(ctx.pick(interview.place))


@value("interview.proposed_place")
def _proposed_place(ctx: Ctx, interview: Any) -> Value:
    """KZ–AT Annex 7 G: where the interview is proposed to be held (Art. 5(4): at the
    requested Party's diplomatic or consular mission, or elsewhere by agreement)."""
    place = ctx.pick(interview.place)
    return text(ctx.t("interview_place", place=place)) if place else None
