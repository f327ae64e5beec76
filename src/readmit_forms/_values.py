"""Value ids: how each item of a form is filled from the case, in a given language.

A structure file names a value id such as ``person.full_name`` or
``transit.destination``; this module resolves it. The first part names the
object (``case``, ``person``, ``letter``, … or a repeat variable such as
``child``), the second the formatting function. Functions return a `Rich`
value, or None when the case has nothing for the item (the form then shows
dotted lines). Choice functions return the set of ticked option codes.

All wording comes from ``templates/<lang>/common.yaml`` (``values.*``); the
functions only pick and arrange the case's data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ._agreements import Agreement
from ._case import (
    Case,
    Child,
    Escort,
    Evidence,
    IdentityDocument,
    Person,
    PersonCore,
    Relative,
)
from ._document import Rich, Run
from ._evidence import classify, reference_date
from ._format import (
    age_in_years,
    country_name,
    format_date,
    format_datetime,
    format_time,
    language_name,
    plural_category,
)
from ._lang import LANGS, Lang
from ._templates import Texts
from ._text import pick

__all__ = ["CHOICES", "ROOT_KINDS", "VALUES", "Ctx", "resolve"]


@dataclass(frozen=True)
class Ctx:
    """What a value function may use: the case, its agreement, the form and the language."""

    case: Case
    agreement: Agreement
    form: str
    lang: Lang
    texts: Texts
    scope: dict[str, Any]

    @property
    def fallback(self) -> tuple[Lang, ...]:
        """Languages to fall back on for free text lacking a version in ``lang``."""
        prevailing = self.agreement.languages.prevailing.value
        order = [Lang(prevailing)] if prevailing in LANGS else []
        order += [lang for lang in (Lang.RU, Lang.EN, Lang.KK) if lang not in order]
        return tuple(lang for lang in order if lang != self.lang)

    def t(self, key: str, **params: object) -> str:
        return self.texts.format(f"common.values.{key}", **params)

    def pick(self, value: str | dict[Lang, str] | None) -> str | None:
        return None if value is None else pick(value, self.lang, self.fallback)

    def date(self, value: dt.date | None) -> str | None:
        return None if value is None else format_date(value, self.lang)

    def country(self, code: str | None) -> str | None:
        return None if code is None else country_name(code, self.lang)


Value = Rich | None
ValueFn = Callable[[Ctx, Any], Value]
ChoiceFn = Callable[[Ctx, Any], frozenset[str] | None]

VALUES: dict[str, ValueFn] = {}
CHOICES: dict[str, ChoiceFn] = {}

ROOT_KINDS: dict[str, str] = {
    "case": "case",
    "person": "person",
    "spouse": "person",
    "child": "person",
    "letter": "letter",
    "signatory": "signatory",
    "unlawful_stay": "unlawful_stay",
    "circumstances": "circumstances",
    "interview": "interview",
    "transit": "transit",
    "handover": "handover",
    "statement": "statement",
    "document": "document",
}
"""Object names a value id may start with, and the family of functions they take."""


def value(name: str) -> Callable[[ValueFn], ValueFn]:
    def register(fn: ValueFn) -> ValueFn:
        VALUES[name] = fn
        return fn

    return register


def choice(name: str) -> Callable[[ChoiceFn], ChoiceFn]:
    def register(fn: ChoiceFn) -> ChoiceFn:
        CHOICES[name] = fn
        return fn

    return register


def text(value: str | None) -> Value:
    return (Run(value),) if value else None


def lines(parts: Iterable[str | None], sep: str = "\n") -> Value:
    kept = [part for part in parts if part]
    return text(sep.join(kept)) if kept else None


def join(parts: Iterable[str | None], sep: str = ", ") -> str | None:
    kept = [part for part in parts if part]
    return sep.join(kept) if kept else None


def _root(ctx: Ctx, name: str) -> Any:
    if name in ctx.scope:
        return ctx.scope[name]
    if name == "case":
        return ctx.case
    return getattr(ctx.case, name, None)


def resolve(ctx: Ctx, value_id: str) -> Value:
    """The value for ``value_id`` (None when the case has nothing for it)."""
    root, _, name = value_id.partition(".")
    fn = VALUES[f"{ROOT_KINDS[root]}.{name}"]
    obj = _root(ctx, root)
    return None if obj is None and root != "case" else fn(ctx, obj)


def resolve_choice(ctx: Ctx, value_id: str) -> frozenset[str] | None:
    root, _, name = value_id.partition(".")
    fn = CHOICES[f"{ROOT_KINDS[root]}.{name}"]
    obj = _root(ctx, root)
    return None if obj is None and root != "case" else fn(ctx, obj)


def resolve_items(ctx: Ctx, items_id: str) -> Sequence[Any]:
    """The objects a repeated block runs over (children, documents, escorts)."""
    return ITEMS[items_id](ctx)


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


@value("person.routes")
def _routes(ctx: Ctx, person: Person) -> Value:
    return text(ctx.pick(person.routes))


def _age(ctx: Ctx, born: dt.date | None) -> str | None:
    if born is None:
        return None
    on = ctx.case.letter.date
    if on is None or on < born:
        return ctx.t("born", date=format_date(born, ctx.lang))
    years = age_in_years(born, on)
    return ctx.t(f"age.{plural_category(years, ctx.lang)}", years=years)


def _plain_name(ctx: Ctx, person: PersonCore) -> str:
    return "".join(run.text for run in _names(ctx, person))


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
        join([_plain_name(ctx, child), _age(ctx, child.date_of_birth)], ", ")
        for child in case.children
    )


@value("case.children_names_ages_whereabouts")
def _children_whereabouts(ctx: Ctx, case: Case) -> Value:
    return lines(
        join(
            [
                _plain_name(ctx, child),
                _age(ctx, child.date_of_birth),
                ctx.pick(child.whereabouts),
            ],
            ", ",
        )
        for child in case.children
    )


# -- authorities, letter, signatory ----------------------------------------------------


def _authority(ctx: Ctx, state: str, override: Any) -> Value:
    if override is not None:
        return lines([ctx.pick(override.name), ctx.pick(override.address)])
    authority = ctx.agreement.authority_for(state, ctx.form)
    return text(authority.name[ctx.lang]) if authority else None


@value("case.requesting_authority")
def _requesting_authority(ctx: Ctx, case: Case) -> Value:
    return _authority(ctx, case.requesting_state, case.requesting_authority)


@value("case.requested_authority")
def _requested_authority(ctx: Ctx, case: Case) -> Value:
    return _authority(ctx, case.requested_state, case.requested_authority)


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


# -- documents and permits ----------------------------------------------------------------


def document_kind(ctx: Ctx, document: IdentityDocument) -> str:
    name = ctx.t(f"document.{document.kind.value}")
    if document.title is not None:
        name = ctx.pick(document.title) or name
    if document.copy_only:
        name = ctx.t("copy_of", document=name)
    holder = _holder(ctx, document.holder)
    return ctx.t("held_by", document=name, holder=holder) if holder else name


def _holder(ctx: Ctx, holder: str) -> str | None:
    """The name of a relative who holds a document (None for the person's own)."""
    if holder == "spouse" and ctx.case.spouse is not None:
        return _plain_name(ctx, ctx.case.spouse)
    if holder.startswith("children["):
        index = int(holder[len("children[") : -1])
        if index < len(ctx.case.children):
            return _plain_name(ctx, ctx.case.children[index])
    return None


@value("document.kind")
def _doc_kind(ctx: Ctx, document: IdentityDocument) -> Value:
    return text(document_kind(ctx, document))


@value("document.number")
def _doc_number(ctx: Ctx, document: IdentityDocument) -> Value:
    if document.number and document.copy_only:
        return text(ctx.t("copy_of", document=document.number))
    return text(document.number)


@value("document.kind_number")
def _doc_kind_number(ctx: Ctx, document: IdentityDocument) -> Value:
    number = ctx.t("number", number=document.number) if document.number else None
    return text(join([document_kind(ctx, document), number], " "))


@value("document.issue_date_place")
def _doc_issue(ctx: Ctx, document: IdentityDocument) -> Value:
    return text(join([ctx.date(document.issue_date), ctx.pick(document.issue_place)]))


@value("document.authority")
def _doc_authority(ctx: Ctx, document: IdentityDocument) -> Value:
    authority = ctx.pick(document.issuing_authority)
    return text(join([authority, ctx.country(document.issuing_state) if not authority else None]))


@value("document.expiry")
def _doc_expiry(ctx: Ctx, document: IdentityDocument) -> Value:
    return text(ctx.date(document.expiry_date))


def document_summary(ctx: Ctx, document: IdentityDocument) -> str:
    number = ctx.t("number", number=document.number) if document.number else None
    issued = join([ctx.date(document.issue_date), ctx.pick(document.issue_place)])
    authority = ctx.pick(document.issuing_authority) or ctx.country(document.issuing_state)
    return (
        join(
            [
                join([document_kind(ctx, document), number], " "),
                ctx.t("issued", details=join([issued, authority])) if issued or authority else None,
                ctx.t("valid_until", date=ctx.date(document.expiry_date))
                if document.expiry_date
                else None,
            ],
            "; ",
        )
        or ""
    )


_TRAVEL_KINDS = (
    "passport",
    "diplomatic-passport",
    "service-passport",
    "emergency-passport",
    "collective-passport",
    "travel-document",
    "refugee-travel-document",
    "return-certificate",
    "national-passport",
    "id-card",
)


def travel_document(case: Case) -> IdentityDocument | None:
    """The document the person travels on: the first passport-like original."""
    originals = [d for d in case.documents if not d.copy_only and not d.forged]
    for kind in _TRAVEL_KINDS:
        for document in originals:
            if document.kind.value == kind:
                return document
    return None


@value("case.travel_document")
def _travel_document(ctx: Ctx, case: Case) -> Value:
    document = travel_document(case)
    if document is None:
        return None
    number = ctx.t("number", number=document.number) if document.number else None
    return text(join([document_kind(ctx, document), number], " "))


@value("case.identity_document")
def _identity_document(ctx: Ctx, case: Case) -> Value:
    return lines(document_summary(ctx, d) for d in case.documents)


@value("case.permits")
def _permits(ctx: Ctx, case: Case) -> Value:
    entries = []
    for permit in case.permits:
        number = ctx.t("number", number=permit.number) if permit.number else None
        entries.append(
            join(
                [
                    join([ctx.t(f"permit.{permit.kind.value}"), number], " "),
                    ctx.t("issued_by", state=ctx.country(permit.issuing_state)),
                    ctx.date(permit.issue_date),
                    ctx.t("valid_until", date=ctx.date(permit.expiry_date))
                    if permit.expiry_date
                    else None,
                ],
                ", ",
            )
        )
    return lines(entries)


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


# -- transit and handover ---------------------------------------------------------------


def crossing_point(ctx: Ctx, point: str | dict[Lang, str] | None) -> str | None:
    """A border crossing point: its name in the agreement data, or as the case gives it."""
    if point is None:
        return None
    if isinstance(point, str):
        for known in ctx.agreement.border_crossing_points:
            if known.id == point:
                return known.name[ctx.lang]
    return ctx.pick(point)


def _when(ctx: Ctx, date: dt.date | None, time: dt.time | None) -> str | None:
    return join([ctx.date(date), format_time(time, ctx.lang) if time else None])


def _yes_no(flag: bool | None) -> frozenset[str] | None:
    return None if flag is None else frozenset({"yes" if flag else "no"})


@choice("transit.mode")
def _transit_mode(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return frozenset({transit.mode.value})


@value("transit.destination")
def _destination(ctx: Ctx, transit: Any) -> Value:
    return text(ctx.country(transit.destination))


@value("transit.transit_states")
def _transit_states(ctx: Ctx, transit: Any) -> Value:
    return text(join(ctx.country(code) for code in transit.transit_states))


@value("transit.route")
def _transit_route(ctx: Ctx, transit: Any) -> Value:
    return text(ctx.pick(transit.route))


@value("transit.crossing_date_time")
def _transit_crossing(ctx: Ctx, transit: Any) -> Value:
    return text(
        join(
            [
                crossing_point(ctx, transit.border_crossing_point),
                _when(ctx, transit.date, transit.time),
            ]
        )
    )


@value("case.transit_crossing_escorts")
def _transit_crossing_escorts(ctx: Ctx, case: Case) -> Value:
    transit = case.transit
    crossing = (
        join(
            [
                crossing_point(ctx, transit.border_crossing_point),
                _when(ctx, transit.date, transit.time),
            ]
        )
        if transit
        else None
    )
    return lines([crossing, escort_lines(ctx, case.escorts)])


@choice("transit.admission_assured")
def _admission(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return _yes_no(transit.admission_assured)


@choice("transit.refusal_grounds_known")
def _refusal_known(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return _yes_no(transit.refusal_grounds_known)


@value("transit.refusal_grounds")
def _refusal_grounds(ctx: Ctx, transit: Any) -> Value:
    return text(ctx.pick(transit.refusal_grounds))


@choice("case.transit_escorted")
def _transit_escorted(ctx: Ctx, case: Case) -> frozenset[str] | None:
    escorted = case.escorted_transit
    return None if escorted is None else frozenset({"escorted" if escorted else "unescorted"})


@choice("case.handover_escorted")
def _handover_escorted(ctx: Ctx, case: Case) -> frozenset[str] | None:
    return _yes_no(case.escorted_handover)


@value("handover.mode")
def _handover_mode(ctx: Ctx, handover: Any) -> Value:
    return text(ctx.t(f"transport.{handover.mode.value}") if handover.mode else None)


@choice("handover.mode")
def _handover_mode_choice(ctx: Ctx, handover: Any) -> frozenset[str] | None:
    return frozenset({handover.mode.value}) if handover.mode else None


@value("handover.date")
def _handover_date(ctx: Ctx, handover: Any) -> Value:
    return text(ctx.date(handover.date))


@value("handover.time")
def _handover_time(ctx: Ctx, handover: Any) -> Value:
    return text(format_time(handover.time, ctx.lang) if handover.time else None)


@value("handover.date_time")
def _handover_date_time(ctx: Ctx, handover: Any) -> Value:
    return text(_when(ctx, handover.date, handover.time))


@value("handover.crossing_point")
def _handover_crossing(ctx: Ctx, handover: Any) -> Value:
    return text(crossing_point(ctx, handover.border_crossing_point))


@value("handover.transport")
def _handover_transport(ctx: Ctx, handover: Any) -> Value:
    mode = ctx.t(f"transport.{handover.mode.value}") if handover.mode else None
    return text(join([mode, ctx.pick(handover.transport)], "; "))


@value("handover.route")
def _handover_route(ctx: Ctx, handover: Any) -> Value:
    return text(ctx.pick(handover.route))


@value("case.handover_health")
def _handover_health(ctx: Ctx, case: Case) -> Value:
    if case.handover is not None and case.handover.health is not None:
        return text(ctx.pick(case.handover.health))
    if case.circumstances is not None:
        return text(ctx.pick(case.circumstances.health))
    return None


@value("handover.security_measures")
def _security(ctx: Ctx, handover: Any) -> Value:
    return text(ctx.pick(handover.security_measures))


def escort_line(ctx: Ctx, escort: Escort) -> str:
    name = join([ctx.pick(escort.surname), ctx.pick(escort.given_names)], " ")
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
                join([name, ctx.pick(escort.position)], ", "),
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


@value("case.escorts")
def _escorts(ctx: Ctx, case: Case) -> Value:
    return text(escort_lines(ctx, case.escorts))


@value("case.escort_names")
def _escort_names(ctx: Ctx, case: Case) -> Value:
    return text(
        join(join([ctx.pick(e.surname), ctx.pick(e.given_names)], " ") for e in case.escorts)
    )


@value("case.transit_notes")
def _transit_notes(ctx: Ctx, case: Case) -> Value:
    """KZ–AT Annex 8 D: remarks, where the names of escorts are to be given (C.7 footnote)."""
    escorts = escort_lines(ctx, case.escorts) if case.escorted_transit else None
    return lines([escorts, ctx.pick(case.notes)])


# -- the person's statement (KZ–BY Annex 1) ----------------------------------------------


@value("statement.relatives")
def _relatives(ctx: Ctx, statement: Any) -> Value:
    return text(ctx.pick(statement.relatives_in_requested_state))


@value("statement.other")
def _other(ctx: Ctx, statement: Any) -> Value:
    return text(ctx.pick(statement.other_information))


@value("statement.date")
def _statement_date(ctx: Ctx, statement: Any) -> Value:
    return text(ctx.date(statement.date))


@value("statement.place")
def _statement_place(ctx: Ctx, statement: Any) -> Value:
    return text(ctx.pick(statement.place))


@value("statement.official")
def _statement_official(ctx: Ctx, statement: Any) -> Value:
    official = statement.official
    return text(ctx.pick(official.name)) if official else None


# -- repeated items ------------------------------------------------------------------------


_PASSPORTS = frozenset(
    {
        "passport",
        "national-passport",
        "diplomatic-passport",
        "service-passport",
        "collective-passport",
        "emergency-passport",
    }
)
_ID_CARDS = frozenset({"id-card", "temporary-id-card"})
_LICENCES = frozenset({"driving-licence"})


def _of_kinds(ctx: Ctx, kinds: frozenset[str]) -> list[IdentityDocument]:
    return [d for d in ctx.case.documents if d.kind.value in kinds]


def _other_documents(ctx: Ctx) -> list[IdentityDocument]:
    known = _PASSPORTS | _ID_CARDS | _LICENCES
    return [d for d in ctx.case.documents if d.kind.value not in known]


def _classified(ctx: Ctx, strength: str) -> list[Any]:
    return [c.item for c in classify(ctx.case, ctx.agreement) if c.strength == strength]


def _proof_documents(ctx: Ctx) -> list[Any]:
    return [item for item in _classified(ctx, "proof") if isinstance(item, IdentityDocument)]


@value("case.presumption")
def _presumption(ctx: Ctx, case: Case) -> Value:
    """Documents and information that give grounds to presume nationality (prima facie)."""
    entries: list[str] = []
    for item in _classified(ctx, "prima-facie"):
        if isinstance(item, IdentityDocument):
            entries.append(document_summary(ctx, item))
        elif isinstance(item, Evidence):
            entries.append(
                join(
                    [
                        ctx.t(f"evidence.{item.kind.value}"),
                        ctx.pick(item.description),
                        ctx.date(item.date),
                    ],
                    ": ",
                )
                or ""
            )
    return lines(entries)


ITEMS: dict[str, Callable[[Ctx], Sequence[Any]]] = {
    "children": lambda ctx: ctx.case.children,
    "documents": lambda ctx: ctx.case.documents,
    "documents.passports": lambda ctx: _of_kinds(ctx, _PASSPORTS),
    "documents.id_cards": lambda ctx: _of_kinds(ctx, _ID_CARDS),
    "documents.driving_licences": lambda ctx: _of_kinds(ctx, _LICENCES),
    "documents.other": _other_documents,
    "documents.proof": _proof_documents,
    "escorts": lambda ctx: ctx.case.escorts,
}


# == KZ–BY forms (Executive Protocol Annexes 1–4 and the model handover notice) ===#
# Added for the KZ–BY forms; kept together so that parallel additions merge cleanly.
# Words come from ``common.values.kz-by.*``.


def _new_value(name: str) -> Callable[[ValueFn], ValueFn]:
    """Register ``name``, refusing to silently replace a function registered elsewhere."""
    if name in VALUES:
        raise RuntimeError(f"value id {name!r} is registered twice")
    return value(name)


ROOT_KINDS.setdefault("escort", "escort")  # one escort, inside `each: {items: escorts}`


@_new_value("case.family_names_ages")
def _family_names_ages(ctx: Ctx, case: Case) -> Value:
    """Spouse and children transferred with the person: name, and age where known."""
    members: list[PersonCore] = [*([case.spouse] if case.spouse else []), *case.children]
    return lines(
        join([_plain_name(ctx, member), _age(ctx, member.date_of_birth)], ", ")
        for member in members
    )


@_new_value("escort.given_names_surname")
def _escort_name(ctx: Ctx, escort: Escort) -> Value:
    """Protocol Art. 8(1): "имена, фамилии" of the escorts."""
    return text(join([ctx.pick(escort.given_names), ctx.pick(escort.surname)], " "))


@_new_value("escort.position")
def _escort_position(ctx: Ctx, escort: Escort) -> Value:
    return text(ctx.pick(escort.position))


@_new_value("escort.passport_kind")
def _escort_passport_kind(ctx: Ctx, escort: Escort) -> Value:
    passport = escort.passport
    if passport is None:
        return None
    return text(ctx.pick(passport.kind) or ctx.t("document.passport"))


@_new_value("escort.passport_number")
def _escort_passport_number(ctx: Ctx, escort: Escort) -> Value:
    return text(escort.passport.number if escort.passport else None)


@_new_value("escort.passport_issue_date")
def _escort_passport_issued(ctx: Ctx, escort: Escort) -> Value:
    return text(ctx.date(escort.passport.issue_date) if escort.passport else None)


@_new_value("escort.passport_expiry_date")
def _escort_passport_expiry(ctx: Ctx, escort: Escort) -> Value:
    return text(ctx.date(escort.passport.expiry_date) if escort.passport else None)


@_new_value("escort.expected_stay")
def _escort_stay(ctx: Ctx, escort: Escort) -> Value:
    """Protocol Art. 8(1): the expected period of stay; else the arrival and departure days."""
    start = escort.stay_from or (escort.arrival.date() if escort.arrival else None)
    end = escort.stay_until or (escort.departure.date() if escort.departure else None)
    if start is None and end is None:
        return None
    if start == end:
        return text(ctx.date(start))
    return text(ctx.t("kz-by.period", start=ctx.date(start) or "…", end=ctx.date(end) or "…"))


# -- KZ–AT Annexes 2 and 8; model forms for KZ–HU and KZ–FR ----------------------------


def _escort_full_name(ctx: Ctx, escort: Escort) -> str | None:
    return join([ctx.pick(escort.surname), ctx.pick(escort.given_names)], " ")


@value("case.transit_crossing_escort_names")
def _transit_crossing_escort_names(ctx: Ctx, case: Case) -> Value:
    """KZ–AT Annex 8 C.4: crossing point, date and time, and who escorts (names only:
    the footnote to C.7 asks for the escorts' details under D)."""
    transit = case.transit
    crossing = None
    if transit is not None:
        where = crossing_point(ctx, transit.border_crossing_point)
        crossing = join([where, _when(ctx, transit.date, transit.time)])
    names = join(_escort_full_name(ctx, escort) for escort in case.escorts)
    return lines([crossing, ctx.t("escorts", names=names) if names else None])


@choice("case.readmission_ground")
def _readmission_ground(ctx: Ctx, case: Case) -> frozenset[str] | None:
    """Model forms: whom the request concerns — a national of the requested State
    (KZ–HU Art. 1) or a third-country national or stateless person (Art. 2), and for
    the latter which ground of Art. 2 the case shows: entry directly from the requested
    State (Art. 2(1)) or a valid visa or residence permit it issued (Art. 2(2))."""
    nationality = case.person.nationality
    if case.requested_state in nationality:
        return frozenset({"own-national"})
    if not nationality or nationality == ["unknown"]:
        return None
    codes = {"third-country"}
    stay = case.unlawful_stay
    if stay is not None and stay.entered_from == case.requested_state:
        codes.add("third-country-direct")
    on = reference_date(case)
    for permit in case.permits:
        valid = permit.expiry_date is None or on is None or permit.expiry_date >= on
        issued_there = permit.issuing_state == case.requested_state
        if issued_there and valid and permit.kind.value != "transit-visa":
            codes.add("third-country-permit")
    return frozenset(codes)


@value("case.evidence")
def _evidence_list(ctx: Ctx, case: Case) -> Value:
    """Every item of evidence of the case (statements, tickets, language, …), one a line."""
    entries = []
    for item in case.evidence:
        kind = ctx.t(f"evidence.{item.kind.value}")
        if item.copy_only:
            kind = ctx.t("copy_of", document=kind)
        entry = join([kind, ctx.pick(item.description)], ": ") or kind
        date = ctx.date(item.date)
        entries.append(f"{entry} ({date})" if date else entry)
    return lines(entries)


def _name_born(ctx: Ctx, person: PersonCore) -> str | None:
    born = ctx.t("born", date=ctx.date(person.date_of_birth)) if person.date_of_birth else None
    return join([_plain_name(ctx, person), born])


@value("case.family_members")
def _family_members(ctx: Ctx, case: Case) -> Value:
    """The spouse and children named in the case, with their dates of birth."""
    family: list[PersonCore] = [case.spouse] if case.spouse else []
    return lines(_name_born(ctx, member) for member in [*family, *case.children])


@choice("transit.tickets_and_permits")
def _tickets_and_permits(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return _yes_no(transit.tickets_and_permits)


@choice("transit.destination_admission_statement")
def _admission_statement(ctx: Ctx, transit: Any) -> frozenset[str] | None:
    return _yes_no(transit.destination_admission_statement)
