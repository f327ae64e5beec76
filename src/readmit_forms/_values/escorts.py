"""The escorts: who they are, their passports, flights and stay."""

from __future__ import annotations

from collections.abc import Sequence

from .._case import Case, Escort
from .._format import format_datetime
from ._core import DATE, NAME, NUMBER, TEXT, Ctx, Registry, Shows, Value, join, text

VALUES = Registry()

DETAILS: Shows = (
    (NAME, "escorts[].surname"),
    (NAME, "escorts[].given_names"),
    (TEXT, "escorts[].position"),
    (NUMBER, "escorts[].passport.number"),
    (DATE, "escorts[].passport.issue_date"),
    (DATE, "escorts[].passport.expiry_date"),
    (NUMBER, "escorts[].flight"),
    (DATE, "escorts[].arrival"),
    (DATE, "escorts[].departure"),
    (DATE, "escorts[].stay_from"),
    (DATE, "escorts[].stay_until"),
)
"""Every escort's details, as `escort_line` shows them."""
NAMES: Shows = DETAILS[:2]

VALUES.items["escorts"] = lambda ctx: ctx.case.escorts


def escort_name(ctx: Ctx, escort: Escort) -> str | None:
    """Surname and given names."""
    return join([ctx.pick(escort.surname), ctx.pick(escort.given_names)], " ")


def escort_names(ctx: Ctx, escorts: Sequence[Escort]) -> str | None:
    return join(escort_name(ctx, escort) for escort in escorts)


def escort_line(ctx: Ctx, escort: Escort) -> str:
    """Name and position; passport; flight, arrival and departure; the stay."""
    passport = escort.passport
    passport_text = None
    if passport is not None:
        passport_text = join(
            [
                join(
                    [
                        ctx.pick(passport.kind) or ctx.t("document.passport"),
                        ctx.t("number", number=passport.number) if passport.number else None,
                    ],
                    " ",
                ),
                ctx.t("issued_on", date=ctx.date(passport.issue_date))
                if passport.issue_date
                else None,
                ctx.t("valid_until", date=ctx.date(passport.expiry_date))
                if passport.expiry_date
                else None,
            ],
            ", ",
        )
    stay = None
    if escort.stay_from or escort.stay_until:
        stay = ctx.t(
            "stay", start=ctx.date(escort.stay_from) or "…", end=ctx.date(escort.stay_until) or "…"
        )
    return (
        join(
            [
                join([escort_name(ctx, escort), ctx.pick(escort.position)], ", "),
                passport_text,
                ctx.t("flight", flight=escort.flight) if escort.flight else None,
                ctx.t("arrival", when=format_datetime(escort.arrival, ctx.lang))
                if escort.arrival
                else None,
                ctx.t("departure", when=format_datetime(escort.departure, ctx.lang))
                if escort.departure
                else None,
                stay,
            ],
            "; ",
        )
        or ""
    )


def escort_lines(ctx: Ctx, escorts: Sequence[Escort]) -> str | None:
    return join((escort_line(ctx, escort) for escort in escorts), "\n")


@VALUES.value("case.escorts", shows=DETAILS)
def _escorts(ctx: Ctx, case: Case) -> Value:
    return text(escort_lines(ctx, case.escorts))


@VALUES.value("escort.given_names_surname", shows=((NAME, "given_names"), (NAME, "surname")))
def _escort_name(ctx: Ctx, escort: Escort) -> Value:
    """Protocol Art. 8(1): "имена, фамилии" of the escorts."""
    return text(join([ctx.pick(escort.given_names), ctx.pick(escort.surname)], " "))


@VALUES.value("escort.passport_kind", shows=((TEXT, "passport.kind"),))
def _escort_passport_kind(ctx: Ctx, escort: Escort) -> Value:
    passport = escort.passport
    if passport is None:
        return None
    return text(ctx.pick(passport.kind) or ctx.t("document.passport"))


@VALUES.value(
    "escort.expected_stay",
    shows=((DATE, "stay_from"), (DATE, "stay_until"), (DATE, "arrival"), (DATE, "departure")),
)
def _escort_stay(ctx: Ctx, escort: Escort) -> Value:
    """Protocol Art. 8(1): the expected period of stay; else the arrival and departure days."""
    start = escort.stay_from or (escort.arrival.date() if escort.arrival else None)
    end = escort.stay_until or (escort.departure.date() if escort.departure else None)
    if start is None and end is None:
        return None
    if start == end:
        return text(ctx.date(start))
    return text(ctx.t("period", start=ctx.date(start) or "…", end=ctx.date(end) or "…"))
