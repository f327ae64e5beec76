"""The case values behind each value id, for the translators' proof.

A value function (``_values``) turns case fields into the text of an item in one
language. To check the three language versions of an item against each other,
the proof needs the raw fields that went in: names and numbers, which must read
the same in every language; dates, compared as dates; free text, which must have
a version per language. ``RAW`` says, per value function, which fields those are
(as paths from its object) and what kind each is. A value id missing here is
still proofed for missing texts; add it here when a form gets a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._case import Case
from ._evidence import travel_document
from ._values import ROOT_KINDS

__all__ = ["DATE", "NAME", "NUMBER", "RAW", "TEXT", "raw_values"]

NAME, NUMBER, DATE, TEXT = "name", "number", "date", "text"

_PERSON_NAMES = (
    (NAME, "surnames[]"),
    (NAME, "given_names[]"),
    (NAME, "patronymic"),
    (NAME, "second_name"),
)
_PERSON_NAMES_OF_PERSON = tuple((kind, f"person.{path}") for kind, path in _PERSON_NAMES)
_DESCRIPTION = (
    (NUMBER, "description.height_cm"),
    (TEXT, "description.eye_colour"),
    (TEXT, "description.hair_colour"),
    (TEXT, "description.marks"),
)
_DOCUMENT = (
    (TEXT, "title"),
    (NUMBER, "number"),
    (DATE, "issue_date"),
    (TEXT, "issue_place"),
    (TEXT, "issuing_authority"),
    (DATE, "expiry_date"),
)
_ESCORTS = (
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


def _under(prefix: str, paths: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((kind, f"{prefix}.{path}") for kind, path in paths)


_Raw = tuple[tuple[str, str], ...] | Callable[[Any, Case], list[tuple[str, Any]]]

RAW: dict[str, _Raw] = {
    # What each value function shows, as (kind, path from its object). Paths end in
    # case fields; "[]" runs over a list. Kinds: names and numbers must read the same
    # in every language, dates are compared as dates, free text must have a version
    # per language. A value id missing here is still proofed for missing texts.
    "person.full_name": _PERSON_NAMES,
    "person.birth_surname": ((NAME, "birth_surname"),),
    "person.birth_date": ((DATE, "date_of_birth"),),
    "person.birth_place": ((TEXT, "place_of_birth.name"),),
    "person.birth_date_place": ((DATE, "date_of_birth"), (TEXT, "place_of_birth.name")),
    "person.description": _DESCRIPTION,
    "person.sex_description": _DESCRIPTION,
    "person.aliases": ((NAME, "aliases[]"),),
    "person.whereabouts": ((TEXT, "whereabouts"),),
    "person.last_address_requesting": ((TEXT, "last_address_requesting"),),
    "person.last_address_requested": ((TEXT, "last_address_requested"),),
    "person.routes": ((TEXT, "routes"),),
    "person.last_addresses": ((TEXT, "last_address_requesting"), (TEXT, "last_address_requested")),
    "case.spouse_name": _under("spouse", _PERSON_NAMES),
    "case.spouse_name_whereabouts": (
        *_under("spouse", _PERSON_NAMES),
        (TEXT, "spouse.whereabouts"),
    ),
    "case.children_names_ages": _under("children[]", _PERSON_NAMES),
    "case.children_names_ages_whereabouts": (
        *_under("children[]", _PERSON_NAMES),
        (TEXT, "children[].whereabouts"),
    ),
    "case.requesting_authority": (
        (TEXT, "requesting_authority.name"),
        (TEXT, "requesting_authority.address"),
    ),
    "case.requested_authority": (
        (TEXT, "requested_authority.name"),
        (TEXT, "requested_authority.address"),
    ),
    "case.notes": ((TEXT, "notes"),),
    "letter.number": ((NUMBER, "number"),),
    "letter.place": ((TEXT, "place"),),
    "letter.date": ((DATE, "date"),),
    "letter.place_date": ((TEXT, "place"), (DATE, "date")),
    "signatory.name": ((NAME, "name"),),
    "signatory.name_position": ((NAME, "name"), (TEXT, "position")),
    "document.kind": ((TEXT, "title"),),
    "document.number": ((NUMBER, "number"),),
    "document.kind_number": ((TEXT, "title"), (NUMBER, "number")),
    "document.issue_date_place": ((DATE, "issue_date"), (TEXT, "issue_place")),
    "document.authority": ((TEXT, "issuing_authority"),),
    "document.expiry": ((DATE, "expiry_date"),),
    "case.travel_document": lambda case, _: [
        (kind, value)
        for kind, path in ((TEXT, "title"), (NUMBER, "number"))
        for value in _leaves(travel_document(case), path)
    ],
    "case.identity_document": _under("documents[]", _DOCUMENT),
    "case.documents_by_holder": _under("documents[]", _DOCUMENT),
    "holder.title": _under("person", _PERSON_NAMES),
    "case.attached_evidence": ((TEXT, "evidence[].description"), (DATE, "evidence[].date")),
    "case.permits": (
        (NUMBER, "permits[].number"),
        (DATE, "permits[].issue_date"),
        (DATE, "permits[].expiry_date"),
    ),
    "case.presumption": (
        *_under("documents[]", _DOCUMENT),
        (TEXT, "evidence[].description"),
        (DATE, "evidence[].date"),
    ),
    "unlawful_stay.grounds": ((TEXT, "grounds"), (DATE, "finding_date")),
    "unlawful_stay.entry_date": ((DATE, "entry_date"),),
    "unlawful_stay.entry_mode": ((TEXT, "entry_mode"),),
    "unlawful_stay.entry_purpose": ((TEXT, "entry_purpose"),),
    "unlawful_stay.acts": ((TEXT, "acts[]"),),
    "unlawful_stay.legal_obstacles": ((TEXT, "legal_obstacles[]"),),
    "unlawful_stay.asylum": ((TEXT, "asylum_applications"),),
    "circumstances.health": ((TEXT, "health"),),
    "circumstances.danger": ((TEXT, "danger"),),
    "circumstances.special_needs": ((TEXT, "special_needs"),),
    "circumstances.protection": ((TEXT, "protection_measures"),),
    "interview.place": ((TEXT, "place"),),
    "interview.proposed_place": ((TEXT, "place"),),
    "transit.route": ((TEXT, "route"),),
    "transit.crossing_date_time": ((TEXT, "border_crossing_point"), (DATE, "date")),
    "case.transit_crossing_escorts": (
        (TEXT, "transit.border_crossing_point"),
        (DATE, "transit.date"),
        *_ESCORTS,
    ),
    "transit.refusal_grounds": ((TEXT, "refusal_grounds"),),
    "handover.date": ((DATE, "date"),),
    "handover.date_time": ((DATE, "date"),),
    "handover.crossing_point": ((TEXT, "border_crossing_point"),),
    "handover.transport": ((TEXT, "transport"),),
    "handover.route": ((TEXT, "route"),),
    "case.handover_health": ((TEXT, "handover.health"), (TEXT, "circumstances.health")),
    "handover.security_measures": ((TEXT, "security_measures"),),
    "case.escorts": _ESCORTS,
    "case.escort_names": _ESCORTS[:2],
    "case.transit_notes": ((TEXT, "transit.route"), *_ESCORTS, (TEXT, "notes")),
    "case.route_notes": ((TEXT, "transit.route"), (TEXT, "notes")),
    "case.transferred_names": (
        *_PERSON_NAMES_OF_PERSON,
        *_under("spouse", _PERSON_NAMES),
        *_under("children[]", _PERSON_NAMES),
    ),
    "statement.relatives": ((TEXT, "relatives_in_requested_state"),),
    "statement.other": ((TEXT, "other_information"),),
    "statement.date": ((DATE, "date"),),
    "statement.place": ((TEXT, "place"),),
    "statement.official": ((NAME, "official.name"),),
    # value functions of the forms being built on other branches (KZ–AT Annexes 2 and 8,
    # KZ–BY, the model forms): harmless until they land
    "case.evidence": ((TEXT, "evidence[].description"), (DATE, "evidence[].date")),
    "case.family_members": (
        *_under("spouse", _PERSON_NAMES),
        (DATE, "spouse.date_of_birth"),
        *_under("children[]", _PERSON_NAMES),
        (DATE, "children[].date_of_birth"),
    ),
    "case.family_names_ages": (
        *_under("spouse", _PERSON_NAMES),
        *_under("children[]", _PERSON_NAMES),
    ),
    "case.transit_crossing_escort_names": (
        (TEXT, "transit.border_crossing_point"),
        (DATE, "transit.date"),
        *_ESCORTS[:2],
    ),
    "handover.time": ((DATE, "time"),),
    "escort.given_names_surname": ((NAME, "given_names"), (NAME, "surname")),
    "escort.position": ((TEXT, "position"),),
    "escort.passport_kind": ((TEXT, "passport.kind"),),
    "escort.passport_number": ((NUMBER, "passport.number"),),
    "escort.passport_issue_date": ((DATE, "passport.issue_date"),),
    "escort.passport_expiry_date": ((DATE, "passport.expiry_date"),),
}


def _leaves(obj: Any, path: str) -> list[Any]:
    items = [obj]
    for part in path.split("."):
        name = part.removesuffix("[]")
        found: list[Any] = []
        for item in items:
            value = getattr(item, name, None) if item is not None else None
            if value is None:
                continue
            if part.endswith("[]"):
                found.extend(value)
            else:
                found.append(value)
        items = found
    return items


def raw_values(value_id: str, scope: dict[str, Any], case: Case) -> list[tuple[str, Any]]:
    """(kind, raw value) of every case field that ``value_id`` shows, in ``scope``."""
    root, _, name = value_id.partition(".")
    spec = RAW.get(f"{ROOT_KINDS.get(root, root)}.{name}")
    if spec is None:
        return []
    obj = scope.get(root, case if root == "case" else getattr(case, root, None))
    if obj is None:
        return []
    if callable(spec):
        return spec(case, obj)
    return [(kind, value) for kind, path in spec for value in _leaves(obj, path)]
