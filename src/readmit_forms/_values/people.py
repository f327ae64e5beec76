"""The people on a form: names, birth, description, nationality, family.

The ``person`` functions serve the person, the spouse and each child (``spouse.*``,
``child.*``): they take any `PersonCore`, and a field only the person has reads as
missing for the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from .._case import Case, PersonCore
from .._document import Rich, Run
from .._format import age_in_years, format_date, language_name, plural_category
from .._paths import locate
from .._vocabulary import nationality_name
from ._core import CODE, DATE, NAME, NUMBER, TEXT, Ctx, Registry, Shows, Value, join, lines, text

VALUES = Registry()

NAMES: Shows = (
    (NAME, "surnames[]"),
    (NAME, "given_names[]"),
    (NAME, "patronymic"),
    (NAME, "second_name"),
)
"""The fields of a person's name."""


def under(prefix: str, shows: Shows) -> Shows:
    """``shows`` of the object at ``prefix`` (``spouse``, ``children[]``)."""
    return tuple((kind, f"{prefix}.{path}") for kind, path in shows)


_DESCRIPTION: Shows = (
    (NUMBER, "description.height_cm"),
    (TEXT, "description.eye_colour"),
    (TEXT, "description.hair_colour"),
    (TEXT, "description.marks"),
)
_BIRTH_PLACE: Shows = ((TEXT, "place_of_birth.name"), (CODE, "place_of_birth.country"))
_FAMILY_NAMES: Shows = (*under("spouse", NAMES), *under("children[]", NAMES))

VALUES.items["children"] = lambda ctx: ctx.case.children


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


def plain_name(ctx: Ctx, person: PersonCore) -> str:
    return "".join(run.text for run in _names(ctx, person))


@VALUES.value("person.full_name", shows=NAMES)
def _full_name(ctx: Ctx, person: PersonCore) -> Value:
    return _names(ctx, person)


def _place(ctx: Ctx, person: PersonCore) -> str | None:
    place = person.place_of_birth
    if place is None:
        return None
    return join([ctx.pick(place.name), ctx.country(place.country)])


@VALUES.value("person.birth_date_place", shows=((DATE, "date_of_birth"), *_BIRTH_PLACE))
def _birth_date_place(ctx: Ctx, person: PersonCore) -> Value:
    return text(join([ctx.date(person.date_of_birth), _place(ctx, person)]))


@VALUES.value("person.sex", shows=((CODE, "sex"),))
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


@VALUES.value("person.sex_description", shows=((CODE, "sex"), *_DESCRIPTION))
def _sex_description(ctx: Ctx, person: PersonCore) -> Value:
    sex = ctx.t(f"sex.{person.sex.value}") if person.sex else None
    return text(join([sex, _description(ctx, person)], "; "))


@VALUES.value("person.aliases", shows=((NAME, "aliases[]"),))
def _aliases(ctx: Ctx, person: PersonCore) -> Value:
    return text(join(ctx.pick(alias) for alias in person.aliases))


def nationality_names(ctx: Ctx, codes: Iterable[str]) -> str | None:
    return join(nationality_name(code, ctx.lang, ctx.texts) for code in codes)


@VALUES.value("person.nationality", shows=((CODE, "nationality[]"),))
def _nationality(ctx: Ctx, person: PersonCore) -> Value:
    return text(nationality_names(ctx, person.nationality))


@VALUES.value("person.nationality_language", shows=((CODE, "nationality[]"), (CODE, "languages[]")))
def _nationality_language(ctx: Ctx, person: PersonCore) -> Value:
    nationality = nationality_names(ctx, person.nationality)
    languages = join(language_name(code, ctx.lang) for code in person.languages)
    return text(
        join([nationality, ctx.t("languages", languages=languages) if languages else None], "; ")
    )


@VALUES.value(
    "person.nationality_previous",
    shows=((CODE, "nationality[]"), (CODE, "previous_nationality[]")),
)
def _nationality_previous(ctx: Ctx, person: PersonCore) -> Value:
    current = nationality_names(ctx, person.nationality)
    previous = nationality_names(ctx, getattr(person, "previous_nationality", ()))
    return text(
        join([current, ctx.t("previous_nationality", names=previous) if previous else None], "; ")
    )


@VALUES.choice("person.marital_status", shows=((CODE, "marital_status"),))
def _marital_status(ctx: Ctx, person: PersonCore) -> frozenset[str] | None:
    status = getattr(person, "marital_status", None)
    return frozenset({status.value}) if status else None


@VALUES.value(
    "person.last_addresses",
    shows=((TEXT, "last_address_requesting"), (TEXT, "last_address_requested")),
)
def _last_addresses(ctx: Ctx, person: PersonCore) -> Value:
    """The last address in each state the case gives one for, each under its state's name
    (KZ–AT Annex 7 A.8: the requested Party can check the address in its own state)."""
    case = ctx.case
    return lines(
        ctx.t("address_in", state=ctx.country(state), address=address)
        for state, address in (
            (case.requesting_state, ctx.pick(getattr(person, "last_address_requesting", None))),
            (case.requested_state, ctx.pick(getattr(person, "last_address_requested", None))),
        )
        if address
    )


# -- the family ------------------------------------------------------------------------


def age_text(ctx: Ctx, born: dt.date | None) -> str | None:
    if born is None:
        return None
    on = ctx.case.letter.date
    if on is None or on < born:
        return ctx.t("born", date=format_date(born, ctx.lang))
    years = age_in_years(born, on)
    return ctx.t(f"age.{plural_category(years, ctx.lang)}", years=years)


def born_text(ctx: Ctx, member: PersonCore) -> str | None:
    """ "born 3 May 2015", where the date of birth is known."""
    if member.date_of_birth is None:
        return None
    return ctx.t("born", date=ctx.date(member.date_of_birth))


def _age(ctx: Ctx, member: PersonCore) -> str | None:
    return age_text(ctx, member.date_of_birth)


def _where(ctx: Ctx, member: PersonCore) -> str | None:
    return ctx.pick(getattr(member, "whereabouts", None))


Detail = Callable[[Ctx, PersonCore], str | None]


def member_lines(ctx: Ctx, members: Sequence[PersonCore], *details: Detail) -> Value:
    """One line per family member: the name, then each of ``details`` that is known."""
    return lines(
        join([plain_name(ctx, member), *(detail(ctx, member) for detail in details)], ", ")
        for member in members
    )


def relation(ctx: Ctx, key: str, person: PersonCore) -> str:
    """What a family member is to the person: "wife", "son", "child" (by their sex)."""
    role = "spouse" if key == "spouse" else "child"
    sex = person.sex.value if person.sex else "unknown"
    return ctx.t(f"relation.{role}.{sex}")


@VALUES.value(
    "case.transferred_names",
    shows=(
        *under("person", NAMES),
        *_FAMILY_NAMES,
        (DATE, "spouse.date_of_birth"),
        (DATE, "children[].date_of_birth"),
    ),
)
def _transferred_names(ctx: Ctx, case: Case) -> Value:
    """The person's name, then each family member transferred with the person: name
    (surname underlined), what they are to the person, and the date of birth (KZ–AT
    Annex 2, "ФИО (фамилии подчеркнуть)")."""
    runs = list(_names(ctx, case.person))
    for member in case.transferred_family:
        about = join([relation(ctx, locate(case, member) or "", member), born_text(ctx, member)])
        runs += [Run("\n"), *_names(ctx, member), Run(f" ({about})")]
    return tuple(runs)


@VALUES.value("case.spouse_name", shows=under("spouse", NAMES))
def _spouse_name(ctx: Ctx, case: Case) -> Value:
    return _names(ctx, case.spouse) if case.spouse else None


@VALUES.value(
    "case.spouse_name_whereabouts", shows=(*under("spouse", NAMES), (TEXT, "spouse.whereabouts"))
)
def _spouse_name_whereabouts(ctx: Ctx, case: Case) -> Value:
    spouse = case.spouse
    if spouse is None:
        return None
    where = ctx.pick(spouse.whereabouts)
    return _names(ctx, spouse) + ((Run(" — " + where),) if where else ())


@VALUES.value("case.children_names_ages", shows=under("children[]", NAMES))
def _children(ctx: Ctx, case: Case) -> Value:
    return member_lines(ctx, case.children, _age)


@VALUES.value(
    "case.children_names_ages_whereabouts",
    shows=(*under("children[]", NAMES), (TEXT, "children[].whereabouts")),
)
def _children_whereabouts(ctx: Ctx, case: Case) -> Value:
    return member_lines(ctx, case.children, _age, _where)


@VALUES.value("case.family_names_ages", shows=_FAMILY_NAMES)
def _family_names_ages(ctx: Ctx, case: Case) -> Value:
    """Spouse and children transferred with the person: name, and age where known."""
    return member_lines(ctx, case.transferred_family, _age)


@VALUES.value(
    "case.family_members",
    shows=(
        *under("spouse", NAMES),
        (DATE, "spouse.date_of_birth"),
        *under("children[]", NAMES),
        (DATE, "children[].date_of_birth"),
    ),
)
def _family_members(ctx: Ctx, case: Case) -> Value:
    """The spouse and children transferred with the person, with their dates of birth."""
    return member_lines(ctx, case.transferred_family, born_text)
