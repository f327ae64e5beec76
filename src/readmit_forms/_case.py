"""The case schema: one readmission case under one agreement.

Shape and types only. Whether a case is complete and consistent for a given
form (required items, dates in order, evidence) is decided by `validate`,
which returns findings; the schema only refuses what cannot be a case at all:
unknown fields, wrong types, impossible dates, unprintable characters, an
agreement or states that do not exist.

Every item of every annex form maps to a field here; the form structures in
``structure/`` name which field fills which item.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from ._agreements import agreement_ids, get_agreement
from ._errors import UnknownAgreementError
from ._photo import photo_inside
from ._text import Line, LocalizedLine, LocalizedText, fragment, kind_of
from ._vocabulary import NATIONALITY_WORDS, is_country, is_language

__all__ = [
    "Authority",
    "Case",
    "Child",
    "Description",
    "DocumentKind",
    "Escort",
    "Evidence",
    "EvidenceKind",
    "Handover",
    "IdentityDocument",
    "Interview",
    "Letter",
    "MaritalStatus",
    "Permit",
    "PermitKind",
    "Person",
    "Place",
    "Reply",
    "Signatory",
    "SpecialCircumstances",
    "Spouse",
    "Statement",
    "Transit",
    "UnlawfulStay",
]


# -- limits ------------------------------------------------------------------------

MAX_ITEMS: dict[str, int] = {
    "names": 10,  # surnames or given names of one person
    "aliases": 30,
    "nationalities": 5,
    "languages": 15,
    "children": 30,
    "documents": 60,
    "permits": 40,
    "evidence": 60,
    "acts": 30,  # acts recording the breach; legal obstacles
    "transit_states": 10,
    "escorts": 12,
}
"""The longest each list of a case may be: what a real case has, generously.

A limit bounds the time and memory a render takes (``benchmarks/bench_worst_case.py``
measures the worst case the schema accepts); it is in the JSON Schema as maxItems.
"""


# -- scalar types ------------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?")


def _got(value: Any) -> str:
    """What a wrong value is, without echoing it (dates of birth are personal data)."""
    return "text in another form" if isinstance(value, str) else kind_of(value)


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise ValueError("give a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"is not a real date ({exc})") from None
    raise ValueError(f"expected a date as YYYY-MM-DD, got {_got(value)}")


def _iso_time(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str) and _ISO_TIME.fullmatch(value):
        try:
            return dt.time.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"is not a real time of day ({exc})") from None
    raise ValueError(f"expected a time of day as HH:MM, got {_got(value)}")


def _iso_datetime(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                "expected a date and time as YYYY-MM-DDTHH:MM, got text that is not one"
            ) from None
        if parsed.tzinfo is not None:
            parsed = parsed.replace(tzinfo=None)
        return parsed
    raise ValueError(f"expected a date and time as YYYY-MM-DDTHH:MM, got {_got(value)}")


# Each kind of date has a range a real case stays in, so that any accepted date can be
# counted with (no deadline arithmetic reaches year 1 or 9999) and a typo such as
# 2062 for 2026 is caught. The range is in the JSON Schema too (formatMinimum and
# formatMaximum, and a pattern on the year), so case systems see it.
_YEARS = {
    (1900, 2100): "19[0-9]{2}|20[0-9]{2}|2100",
    (1900, 2150): "19[0-9]{2}|20[0-9]{2}|21[0-4][0-9]|2150",
    (1990, 2100): "199[0-9]|20[0-9]{2}|2100",
}


def _date_range(first: dt.date, last: dt.date, what: str) -> AfterValidator:
    def check(value: dt.date) -> dt.date:
        day = value.date() if isinstance(value, dt.datetime) else value
        if not first <= day <= last:
            raise ValueError(f"{what} must lie between {first.isoformat()} and {last.isoformat()}")
        return value

    return AfterValidator(check)


_LAST = dt.date(2100, 12, 31)


def _date_schema(first: dt.date, last: dt.date) -> Any:
    return Field(
        json_schema_extra={
            "format": "date",
            "pattern": f"^({_YEARS[first.year, last.year]})-[0-9]{{2}}-[0-9]{{2}}$",
            "formatMinimum": first.isoformat(),
            "formatMaximum": last.isoformat(),
        }
    )


_1900, _1990 = dt.date(1900, 1, 1), dt.date(1990, 1, 1)
_LAST_EXPIRY = dt.date(2150, 12, 31)  # a document issued in 2100 may run for decades

BirthDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    _date_range(_1900, _LAST, "a date of birth"),
    _date_schema(_1900, _LAST),
]
"""A date of birth: 1900-01-01 to 2100-12-31."""
DocumentDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    _date_range(_1900, _LAST_EXPIRY, "a date of a document, of evidence or of an entry"),
    _date_schema(_1900, _LAST_EXPIRY),
]
"""A document's, permit's or piece of evidence's date, or an entry: 1900-01-01 to 2150-12-31."""
Date = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    _date_range(_1990, _LAST, "a date of the case's events"),
    _date_schema(_1990, _LAST),
]
"""A date of the case's events (letter, finding, reply, transfer…): 1990-01-01 to 2100-12-31."""
Time = Annotated[dt.time, BeforeValidator(_iso_time)]
DateTime = Annotated[
    dt.datetime,
    BeforeValidator(_iso_datetime),
    _date_range(_1990, _LAST, "a date of the case's events"),
    Field(
        json_schema_extra={
            "pattern": f"^({_YEARS[1990, 2100]})-[0-9]{{2}}-[0-9]{{2}}[T ]",
            "formatMinimum": "1990-01-01T00:00:00",
            "formatMaximum": "2100-12-31T23:59:59",
        }
    ),
]


def _country(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError(f"expected a country code such as 'KZ', got {kind_of(value)}")
    code = value.strip().upper()
    if not is_country(code):
        raise ValueError(f"{fragment(value)} is not an ISO 3166-1 alpha-2 country code")
    return code


Country = Annotated[
    str,
    BeforeValidator(_country),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "description": "ISO 3166-1 alpha-2 country code, e.g. 'KZ'",
        }
    ),
]


def _nationality(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in NATIONALITY_WORDS:
        return value.strip().lower()
    return _country(value)


Nationality = Annotated[
    str,
    BeforeValidator(_nationality),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^([A-Z]{2}|stateless|unknown)$",
            "description": "ISO 3166-1 alpha-2 code, or 'stateless', or 'unknown'",
        }
    ),
]


def _language(value: Any) -> Any:
    if not isinstance(value, str) or not is_language(value.strip().lower()):
        shown = fragment(value) if isinstance(value, str) else kind_of(value)
        raise ValueError(f"{shown} is not an ISO 639 language code such as 'kk' or 'uz'")
    return value.strip().lower()


LanguageCode = Annotated[
    str,
    BeforeValidator(_language),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[a-z]{2,3}$",
            "description": "ISO 639 language code, e.g. 'ru'",
        }
    ),
]


def _non_negative(value: int) -> int:
    if value <= 0:
        raise ValueError("must be a positive number")
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, defer_build=True)


# -- people ------------------------------------------------------------------------


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class MaritalStatus(StrEnum):
    MARRIED = "married"
    SINGLE = "single"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class Place(_Model):
    """A place: its name as written, and the country it is in."""

    name: LocalizedLine = Field(description="city, village or other place, as written")
    country: Country | None = None


class Description(_Model):
    """Physical description (KZ–AT Annex 7 A.4; KZ–BY Protocol Annexes 2–4 A.4)."""

    height_cm: Annotated[StrictInt, AfterValidator(_non_negative)] | None = Field(
        None, le=260, description="height in centimetres"
    )
    eye_colour: LocalizedLine | None = None
    hair_colour: LocalizedLine | None = None
    marks: LocalizedText | None = Field(None, description="distinctive marks, other features")


class PersonCore(_Model):
    """Core data of any person on a form."""

    surnames: list[LocalizedLine] = Field(
        min_length=1,
        max_length=MAX_ITEMS["names"],
        description="surname(s); printed underlined where the form asks",
    )
    given_names: list[LocalizedLine] = Field(default_factory=list, max_length=MAX_ITEMS["names"])
    patronymic: LocalizedLine | None = Field(
        None, description="patronymic (отчество / әкесінің аты)"
    )
    second_name: LocalizedLine | None = Field(None, description="second name (второе имя)")
    birth_surname: LocalizedLine | None = Field(None, description="surname at birth / maiden name")
    aliases: list[LocalizedLine] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["aliases"],
        description="former names, other names used, names known by",
    )
    date_of_birth: BirthDate | None = None
    place_of_birth: Place | None = None
    sex: Sex | None = None
    description: Description | None = None
    nationality: list[Nationality] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["nationalities"],
        description="current nationality or nationalities",
    )
    languages: list[LanguageCode] = Field(
        default_factory=list, max_length=MAX_ITEMS["languages"], description="languages spoken"
    )


class Person(PersonCore):
    """The person to be readmitted or transited."""

    previous_nationality: list[Nationality] = Field(
        default_factory=list, max_length=MAX_ITEMS["nationalities"]
    )
    marital_status: MaritalStatus | None = None
    last_address_requesting: LocalizedText | None = Field(
        None, description="last address / whereabouts in the requesting state"
    )
    last_address_requested: LocalizedText | None = Field(
        None, description="last address in the requested state"
    )
    routes: LocalizedText | None = Field(None, description="routes of travel")
    photo: Path | None = Field(
        None, description="photograph, a JPEG or PNG file (relative to the case file)"
    )

    @field_validator("photo", mode="after")
    @classmethod
    def _resolve_photo(cls, value: Path | None, info: ValidationInfo) -> Path | None:
        if value is None:
            return None
        context = info.context or {}
        base = context.get("base_dir")
        if base is not None and not value.is_absolute():
            value = Path(base) / value
        folder = context.get("photo_folder")
        if folder is not None and not photo_inside(value, Path(folder)):
            raise ValueError(
                "the photo must be in the case file's folder or below it (a case file may "
                "not pull in other files of this machine); allow it with --allow-photo-outside"
            )
        return value


_TRANSFERRED = (
    "transferred (readmitted) together with the person; false for a family member the "
    "forms name who stays (e.g. already in the requested state)"
)


class Spouse(PersonCore):
    """The spouse of the person."""

    whereabouts: LocalizedText | None = Field(None, description="where the spouse is now")
    transferred: StrictBool = Field(True, description=_TRANSFERRED)


class Child(PersonCore):
    """A child of the person."""

    marital_status: MaritalStatus | None = None
    whereabouts: LocalizedText | None = Field(None, description="where the child is now")
    transferred: StrictBool = Field(True, description=_TRANSFERRED)


# -- documents and evidence --------------------------------------------------------


class DocumentKind(StrEnum):
    """Kinds of identity and travel documents named in the agreements' evidence lists."""

    PASSPORT = "passport"
    NATIONAL_PASSPORT = "national-passport"
    DIPLOMATIC_PASSPORT = "diplomatic-passport"
    SERVICE_PASSPORT = "service-passport"
    COLLECTIVE_PASSPORT = "collective-passport"
    EMERGENCY_PASSPORT = "emergency-passport"
    ID_CARD = "id-card"
    TEMPORARY_ID_CARD = "temporary-id-card"
    SEAMAN_ID = "seaman-id"
    MILITARY_ID = "military-id"
    RETURN_CERTIFICATE = "return-certificate"
    BIRTH_CERTIFICATE = "birth-certificate"
    DRIVING_LICENCE = "driving-licence"
    NATIONALITY_CERTIFICATE = "nationality-certificate"
    USSR_PASSPORT = "ussr-passport"
    TRAVEL_DOCUMENT = "travel-document"
    REFUGEE_CERTIFICATE = "refugee-certificate"
    REFUGEE_TRAVEL_DOCUMENT = "refugee-travel-document"
    STATELESS_CERTIFICATE = "stateless-certificate"
    OTHER = "other"


class IdentityDocument(_Model):
    """An identity or travel document of the person (original or copy)."""

    kind: DocumentKind
    holder: str = Field(
        "person",
        pattern=r"^(person|spouse|children\[\d+\])$",
        description="whose document it is: 'person' (default), 'spouse' or 'children[N]'",
    )
    title: LocalizedLine | None = Field(None, description="the document's own name, if 'other'")
    number: Line | None = None
    issuing_state: Country | None = None
    issue_date: DocumentDate | None = None
    issue_place: LocalizedLine | None = None
    issuing_authority: LocalizedLine | None = None
    expiry_date: DocumentDate | None = None
    copy_only: StrictBool = Field(False, description="only a copy is available")
    doubtful: StrictBool = Field(False, description="there are doubts about its authenticity")
    forged: StrictBool = Field(False, description="forged or falsified")
    birth_entry_in_parent_passport: StrictBool = Field(
        False, description="for a birth certificate: the child is entered in a parent's passport"
    )
    residence_endorsement_state: Country | None = Field(
        None, description="state whose endorsement in the document gives a right of residence"
    )
    registration_state: Country | None = Field(
        None, description="for a USSR passport: state of the residence registration stamp"
    )
    registration_date: DocumentDate | None = Field(
        None, description="for a USSR passport: date of the residence registration stamp"
    )


class PermitKind(StrEnum):
    VISA = "visa"
    TRANSIT_VISA = "transit-visa"
    TEMPORARY_RESIDENCE_PERMIT = "temporary-residence-permit"
    RESIDENCE_PERMIT = "residence-permit"


class Permit(_Model):
    """A visa or residence permit held now or before."""

    kind: PermitKind
    issuing_state: Country
    issued_in: Country | None = Field(None, description="state where it was issued, if abroad")
    number: Line | None = None
    issue_date: DocumentDate | None = None
    valid_from: DocumentDate | None = None
    expiry_date: DocumentDate | None = None
    obtained_by_fraud: StrictBool = Field(
        False, description="obtained with false documents or statements"
    )


class EvidenceKind(StrEnum):
    """Other evidence, as the agreements' evidence lists name it."""

    ENTRY_EXIT_STAMP = "entry-exit-stamp"
    STAMP_IN_FORGED_DOCUMENT = "stamp-in-forged-document"
    PHOTO_OF_ENTRY_EXIT = "photo-of-entry-exit"
    BILLS_AND_RECEIPTS = "bills-and-receipts"
    TICKETS = "tickets"
    PASSENGER_LIST = "passenger-list"
    COURIER_OR_TRAVEL_AGENCY = "courier-or-travel-agency"
    BORDER_OFFICIAL_STATEMENT = "border-official-statement"
    OFFICIAL_STATEMENT = "official-statement"
    WITNESS_STATEMENT = "witness-statement"
    PERSON_STATEMENT = "person-statement"
    STATEMENT_FORM = "statement-form"
    COURT_STATEMENT = "court-statement"
    APPREHENSION_REPORT = "apprehension-report"
    FINGERPRINTS = "fingerprints"
    BIOMETRICS = "biometrics"
    LANGUAGE = "language"
    EXPERT_REPORT = "expert-report"
    INTERVIEW_RESULT = "interview-result"
    VIS_HIT = "vis-hit"
    INTERNATIONAL_ORGANISATION = "international-organisation"
    OTHER = "other"


class Evidence(_Model):
    """Evidence other than an identity document: stamps, statements, tickets, biometrics."""

    kind: EvidenceKind
    description: LocalizedText | None = None
    date: DocumentDate | None = None
    copy_only: StrictBool = False
    doubtful: StrictBool = Field(
        False, description="there are doubts about its correctness (KZ–AT Annex 7, section F)"
    )


# -- the case's events -------------------------------------------------------------


class UnlawfulStay(_Model):
    """How and when the unlawful entry or stay was found (the start of the request deadline)."""

    grounds: LocalizedText | None = Field(
        None, description="grounds for the finding of unlawful entry or stay"
    )
    finding_date: Date | None = Field(None, description="date the unlawful entry or stay was found")
    identity_established_date: Date | None = None
    entry_date: DocumentDate | None = None
    entry_mode: LocalizedText | None = Field(None, description="how the person entered")
    entry_purpose: LocalizedText | None = None
    entered_from: Country | None = Field(None, description="state the person came from directly")
    entered_visa_free: StrictBool = Field(
        False, description="entered lawfully without a visa by treaty"
    )
    airport_transit_only: StrictBool = Field(
        False,
        description="only passed the international airport transit zone of the requested state",
    )
    apprehended_on: DateTime | None = Field(
        None, description="date and time of apprehension after crossing the border unlawfully"
    )
    acts: list[LocalizedText] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["acts"],
        description="acts recording the breach of entry and residence rules",
    )
    legal_obstacles: list[LocalizedText] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["acts"],
        description="acts that are legal obstacles to readmission or transit",
    )
    asylum_applications: LocalizedText | None = Field(
        None, description="past or current applications for asylum, refugee or stateless status"
    )


class SpecialCircumstances(_Model):
    """Health, special needs and dangerousness of the person."""

    health: LocalizedText | None = Field(
        None, description="state of health; special medical care; infectious disease (Latin name)"
    )
    special_needs: LocalizedText | None = None
    danger: LocalizedText | None = Field(
        None, description="indication of a particularly dangerous person"
    )
    protection_measures: LocalizedText | None = Field(
        None, description="protection or security measures needed on readmission"
    )


class InterviewReason(StrEnum):
    NO_DOCUMENTS = "no-documents"
    DOUBTFUL_DOCUMENTS = "doubtful-documents"


class Interview(_Model):
    """A petition for a consular interview to establish nationality."""

    reason: InterviewReason
    place: LocalizedText | None = Field(None, description="where the interview is to be held")
    held_on: Date | None = Field(None, description="date the interview took place")


class TransitMode(StrEnum):
    AIR = "air"
    LAND_OR_SEA = "land-or-sea"


class TransportMode(StrEnum):
    AIR = "air"
    LAND = "land"
    SEA = "sea"


class Transit(_Model):
    """A transit through the requested state to a third state."""

    mode: TransitMode = TransitMode.AIR
    destination: Country
    transit_states: list[Country] = Field(
        default_factory=list,
        max_length=MAX_ITEMS["transit_states"],
        description="other states of transit, in order",
    )
    route: LocalizedText | None = None
    border_crossing_point: LocalizedLine | None = Field(
        None, description="proposed border crossing point (an id from the agreement or a name)"
    )
    date: Date | None = None
    time: Time | None = None
    escorted: StrictBool | None = Field(None, description="defaults to whether escorts are given")
    admission_assured: StrictBool | None = Field(
        None, description="admission in further transit states and the destination is assured"
    )
    refusal_grounds_known: StrictBool | None = None
    refusal_grounds: LocalizedText | None = None
    tickets_and_permits: StrictBool | None = Field(
        None, description="all permits and tickets for onward travel are available"
    )
    destination_admission_statement: StrictBool | None = Field(
        None, description="the destination state's statement of admission is available"
    )


class Handover(_Model):
    """The transfer: date, time, place, transport, health, security."""

    date: Date | None = None
    time: Time | None = None
    mode: TransportMode | None = None
    border_crossing_point: LocalizedLine | None = Field(
        None, description="border crossing point (an id from the agreement or a name)"
    )
    transport: LocalizedText | None = Field(None, description="flight number, vehicle and so on")
    route: LocalizedText | None = None
    health: LocalizedText | None = Field(None, description="state of health at the transfer")
    security_measures: LocalizedText | None = Field(
        None, description="security measures to be taken at the place of destination"
    )
    escorted: StrictBool | None = Field(None, description="defaults to whether escorts are given")
    notice_date: Date | None = Field(
        None, description="date the notification of the transfer is (to be) sent"
    )
    notice_received_on: Date | None = Field(
        None, description="date the requested state received the notification of the transfer"
    )


class Reply(_Model):
    """The requested state's reply to the request (the start of later time limits)."""

    date: Date | None = Field(None, description="date of the reply")
    received_on: Date | None = Field(
        None, description="date the requesting state received the reply"
    )
    positive: StrictBool | None = Field(
        None, description="true: readmission or transit agreed; false: refused"
    )


class EscortPassport(_Model):
    kind: LocalizedLine | None = None
    number: Line | None = None
    issue_date: DocumentDate | None = None
    expiry_date: DocumentDate | None = None


class Escort(_Model):
    """An escort officer of the requesting state."""

    surname: LocalizedLine
    given_names: LocalizedLine | None = None
    position: LocalizedLine | None = None
    passport: EscortPassport | None = None
    flight: Line | None = None
    arrival: DateTime | None = None
    departure: DateTime | None = None
    stay_from: Date | None = None
    stay_until: Date | None = None


# -- the letter --------------------------------------------------------------------


class Authority(_Model):
    """An authority as printed on a form (defaults come from the agreement data)."""

    name: LocalizedText
    address: LocalizedText | None = None


class Signatory(_Model):
    name: LocalizedLine
    position: LocalizedLine | None = None


class Letter(_Model):
    """The letterhead data: document number, place and date."""

    number: Line | None = None
    place: LocalizedLine | None = None
    date: Date | None = None
    received_on: Date | None = Field(
        None, description="date the requested state received the request, when known"
    )


class Statement(_Model):
    """The person's own statement (KZ–BY Protocol Annex 1)."""

    relatives_in_requested_state: LocalizedText | None = None
    other_information: LocalizedText | None = None
    date: Date | None = None
    place: LocalizedText | None = None
    official: Signatory | None = Field(None, description="official who took the statement")


# -- the case ----------------------------------------------------------------------


def _agreement_id(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError(f"expected an agreement id such as 'kz-at', got {kind_of(value)}")
    try:
        return get_agreement(value).id
    except UnknownAgreementError as exc:
        raise ValueError(
            f"unknown agreement {fragment(value)}; supported are: {', '.join(exc.allowed)}"
        ) from None


def _agreement_enum(schema: dict[str, Any]) -> None:
    """The bundled agreement ids, listed in the JSON Schema (read when the schema is made)."""
    schema["enum"] = list(agreement_ids())


class Case(_Model):
    """One readmission case under one agreement."""

    agreement: Annotated[str, BeforeValidator(_agreement_id)] = Field(
        description="agreement id", json_schema_extra=_agreement_enum
    )
    requesting_state: Country
    requested_state: Country
    letter: Letter = Field(default_factory=Letter)
    reply: Reply | None = Field(None, description="the requested state's reply, once received")
    requesting_authority: Authority | None = Field(
        None,
        description="defaults to the requesting state's authority that sends the form, "
        "per the agreement",
    )
    requested_authority: Authority | None = Field(
        None,
        description="defaults to the requested state's authority that examines the form, "
        "per the agreement",
    )
    signatory: Signatory | None = None
    person: Person
    spouse: Spouse | None = None
    children: list[Child] = Field(default_factory=list, max_length=MAX_ITEMS["children"])
    documents: list[IdentityDocument] = Field(
        default_factory=list, max_length=MAX_ITEMS["documents"]
    )
    permits: list[Permit] = Field(default_factory=list, max_length=MAX_ITEMS["permits"])
    evidence: list[Evidence] = Field(default_factory=list, max_length=MAX_ITEMS["evidence"])
    unlawful_stay: UnlawfulStay | None = None
    circumstances: SpecialCircumstances | None = None
    interview: Interview | None = None
    transit: Transit | None = None
    handover: Handover | None = None
    escorts: list[Escort] = Field(default_factory=list, max_length=MAX_ITEMS["escorts"])
    statement: Statement | None = None
    notes: LocalizedText | None = None

    @field_validator("requesting_state", "requested_state", mode="after")
    @classmethod
    def _party(cls, state: str, info: ValidationInfo) -> str:
        agreement = info.data.get("agreement")
        if agreement is None:
            return state
        parties = get_agreement(agreement).parties
        if state not in parties:
            raise ValueError(
                f"{state!r} is not a party to {agreement} (parties: {', '.join(parties)})"
            )
        if info.field_name == "requested_state" and state == info.data.get("requesting_state"):
            raise ValueError(
                "the requested state must be the other party, not the requesting state"
            )
        return state

    @property
    def transferred_family(self) -> list[Spouse | Child]:
        """The spouse and children transferred together with the person."""
        family: list[Spouse | Child] = [self.spouse] if self.spouse else []
        return [member for member in [*family, *self.children] if member.transferred]

    @property
    def escorted_handover(self) -> bool | None:
        if self.handover is not None and self.handover.escorted is not None:
            return self.handover.escorted
        return bool(self.escorts) if self.handover is not None else None

    @property
    def escorted_transit(self) -> bool | None:
        if self.transit is not None and self.transit.escorted is not None:
            return self.transit.escorted
        return bool(self.escorts) if self.transit is not None else None
