"""The people on a form: names, birth, description, nationality, family."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .._case import (
    Case,
    Child,
    Person,
    PersonCore,
    Relative,
)
from .._document import Rich, Run
from .._format import (
    age_in_years,
    format_date,
    language_name,
    plural_category,
)
from ._core import Ctx, Value, choice, join, lines, text, value

# -- people -----------------------------------------------------------------------------


def _names(ctx: Ctx, person: PersonCore) -> Rich:
    runs: list[Run] = []
    for surname in person.surnames:
        if runs:
            runs.append(Run(" "))
        runs.append(Run(ctx.pick(surname) or "", underline=True))
    rest = [ctx.pick(n) for n in person.given_names]
    rest += [ctx.pick(person.patronymic), ctx.pick(person.second_name)]
    tail = join(rest, " ")
    if tail:
        runs.append(Run(" " + tail))
    return tuple(runs)


@value("person.full_name")
def _full_name(ctx: Ctx, person: PersonCore) -> Value:
    return _names(ctx, person)


@value("person.birth_surname")
def _birth_surname(ctx: Ctx, person: PersonCore) -> Value:
    return text(ctx.pick(person.birth_surname))


@value("person.birth_date")
def _birth_date(ctx: Ctx, person: PersonCore) -> Value:
    return text(ctx.date(person.date_of_birth))


def _place(ctx: Ctx, person: PersonCore) -> str | None:
    place = person.place_of_birth
    if place is None:
        return None
    return join([ctx.pick(place.name), ctx.country(place.country)])


@value("person.birth_place")
def _birth_place(ctx: Ctx, person: PersonCore) -> Value:
    return text(_place(ctx, person))


@value("person.birth_date_place")
def _birth_date_place(ctx: Ctx, person: PersonCore) -> Value:
    return text(join([ctx.date(person.date_of_birth), _place(ctx, person)]))


@value("person.sex")
def _sex(ctx: Ctx, person: PersonCore) -> Value:
    return text(ctx.t(f"sex.{person.sex.value}") if person.sex else None)


def _description(ctx: Ctx, person: PersonCore) -> str | None:
    d = person.description
    if d is None:
        return None
    return join(
        [
            ctx.t("height", cm=d.height_cm) if d.height_cm else None,
            ctx.t("eyes", colour=ctx.pick(d.eye_colour)) if d.eye_colour else None,
            ctx.t("hair", colour=ctx.pick(d.hair_colour)) if d.hair_colour else None,
            ctx.t("marks", marks=ctx.pick(d.marks)) if d.marks else None,
        ],
        "; ",
    )


@value("person.description")
def _description_value(ctx: Ctx, person: PersonCore) -> Value:
    return text(_description(ctx, person))


@value("person.sex_description")
def _sex_description(ctx: Ctx, person: PersonCore) -> Value:
    sex = ctx.t(f"sex.{person.sex.value}") if person.sex else None
    return text(join([sex, _description(ctx, person)], "; "))


@value("person.aliases")
def _aliases(ctx: Ctx, person: PersonCore) -> Value:
    return text(join(ctx.pick(alias) for alias in person.aliases))


def nationality_names(ctx: Ctx, codes: Iterable[str]) -> str | None:
    names: list[str | None] = []
    for code in codes:
        if code in ("stateless", "unknown"):
            names.append(ctx.t(f"nationality.{code}"))
        else:
            names.append(ctx.country(code))
    return join(names)


@value("person.nationality")
def _nationality(ctx: Ctx, person: PersonCore) -> Value:
    return text(nationality_names(ctx, person.nationality))


@value("person.languages")
def _languages(ctx: Ctx, person: PersonCore) -> Value:
    return text(join(language_name(code, ctx.lang) for code in person.languages))


@value("person.nationality_language")
def _nationality_language(ctx: Ctx, person: PersonCore) -> Value:
    nationality = nationality_names(ctx, person.nationality)
    languages = join(language_name(code, ctx.lang) for code in person.languages)
    return text(
        join(
            [
                nationality,
                ctx.t("languages", languages=languages) if languages else None,
            ],
            "; ",
        )
    )


@value("person.nationality_previous")
def _nationality_previous(ctx: Ctx, person: Person) -> Value:
    current = nationality_names(ctx, person.nationality)
    previous = nationality_names(ctx, getattr(person, "previous_nationality", ()))
    return text(
        join([current, ctx.t("previous_nationality", names=previous) if previous else None], "; ")
    )


@choice("person.marital_status")
def _marital_status(ctx: Ctx, person: Person | Child) -> frozenset[str] | None:
    status = getattr(person, "marital_status", None)
    return frozenset({status.value}) if status else None


@value("person.whereabouts")
def _whereabouts(ctx: Ctx, person: Relative | Child) -> Value:
    return text(ctx.pick(getattr(person, "whereabouts", None)))


@value("person.last_address_requesting")
def _last_address_requesting(ctx: Ctx, person: Person) -> Value:
    return text(ctx.pick(person.last_address_requesting))


@value("person.last_address_requested")
def _last_address_requested(ctx: Ctx, person: Person) -> Value:
    return text(ctx.pick(person.last_address_requested))


@value("person.last_addresses")
def _last_addresses(ctx: Ctx, person: Person) -> Value:
    """The last address in each state the case gives one for, each under its state's name
    (KZ–AT Annex 7 A.8: the requested Party can check the address in its own state)."""
    case = ctx.case
    return lines(
        ctx.t("address_in", state=ctx.country(state), address=address)
        for state, address in (
            (case.requesting_state, ctx.pick(person.last_address_requesting)),
            (case.requested_state, ctx.pick(person.last_address_requested)),
        )
        if address
    )


@value("person.routes")
def _routes(ctx: Ctx, person: Person) -> Value:
    return text(ctx.pick(person.routes))


def age_text(ctx: Ctx, born: dt.date | None) -> str | None:
    if born is None:
        return None
    on = ctx.case.letter.date
    if on is None or on < born:
        return ctx.t("born", date=format_date(born, ctx.lang))
    years = age_in_years(born, on)
    return ctx.t(f"age.{plural_category(years, ctx.lang)}", years=years)


def relation(ctx: Ctx, key: str, person: PersonCore) -> str:
    """What a family member is to the person: "wife", "son", "child" (by their sex)."""
    role = "spouse" if key == "spouse" else "child"
    sex = person.sex.value if person.sex else "unknown"
    return ctx.t(f"relation.{role}.{sex}")


def plain_name(ctx: Ctx, person: PersonCore) -> str:
    return "".join(run.text for run in _names(ctx, person))


def family_key(case: Case, member: PersonCore) -> str:
    """ "spouse" or "children[N]": who ``member`` is in the case."""
    if member is case.spouse:
        return "spouse"
    return f"children[{next(i for i, c in enumerate(case.children) if c is member)}]"


@value("case.transferred_names")
def _transferred_names(ctx: Ctx, case: Case) -> Value:
    """The person's name, then each family member transferred with the person: name
    (surname underlined), what they are to the person, and the date of birth (KZ–AT
    Annex 2, "ФИО (фамилии подчеркнуть)")."""
    runs = list(_names(ctx, case.person))
    for member in case.transferred_family:
        about = join(
            [
                relation(ctx, family_key(case, member), member),
                ctx.t("born", date=ctx.date(member.date_of_birth))
                if member.date_of_birth
                else None,
            ]
        )
        runs += [Run("\n"), *_names(ctx, member), Run(f" ({about})")]
    return tuple(runs)


@value("case.spouse_name")
def _spouse_name(ctx: Ctx, case: Case) -> Value:
    return _names(ctx, case.spouse) if case.spouse else None


@value("case.spouse_name_whereabouts")
def _spouse_name_whereabouts(ctx: Ctx, case: Case) -> Value:
    spouse = case.spouse
    if spouse is None:
        return None
    where = ctx.pick(spouse.whereabouts)
    return _names(ctx, spouse) + ((Run(" — " + where),) if where else ())


@value("case.children_names_ages")
def _children(ctx: Ctx, case: Case) -> Value:
    return lines(
        join([plain_name(ctx, child), age_text(ctx, child.date_of_birth)], ", ")
        for child in case.children
    )


@value("case.children_names_ages_whereabouts")
def _children_whereabouts(ctx: Ctx, case: Case) -> Value:
    return lines(
        join(
            [
                plain_name(ctx, child),
                age_text(ctx, child.date_of_birth),
                ctx.pick(child.whereabouts),
            ],
            ", ",
        )
        for child in case.children
    )
