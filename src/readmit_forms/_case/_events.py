"""What happened and is to happen: the unlawful stay, the circumstances, the interview, the
transit, the transfer, the reply, and the escorts."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictBool

from .._text import Line, LocalizedLine, LocalizedText
from ._types import MAX_ITEMS, Country, Date, DateTime, DocumentDate, Model, Time

__all__ = [
    "Escort",
    "EscortPassport",
    "Handover",
    "Interview",
    "InterviewReason",
    "Reply",
    "SpecialCircumstances",
    "Transit",
    "TransitMode",
    "TransportMode",
    "UnlawfulStay",
]


class UnlawfulStay(Model):
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


class SpecialCircumstances(Model):
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


class Interview(Model):
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


class Transit(Model):
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
    medical_escort: StrictBool | None = Field(None, description="a medical escort goes along")
    support_requested: LocalizedText | None = Field(
        None, description="support asked of the requested state's authorities for the transit"
    )


class Handover(Model):
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
    medical_escort: StrictBool | None = Field(None, description="a medical escort goes along")
    flight: Line | None = Field(None, description="flight number")
    car_registration: Line | None = Field(None, description="registration number of the car")
    shipping_company: LocalizedLine | None = Field(
        None, description="shipping company, for a transfer by sea"
    )
    notice_date: Date | None = Field(
        None, description="date the notification of the transfer is (to be) sent"
    )
    notice_received_on: Date | None = Field(
        None, description="date the requested state received the notification of the transfer"
    )
    notice_received_by: LocalizedLine | None = Field(
        None, description="official of the requested state who confirms its receipt"
    )


class Reply(Model):
    """The requested state's reply to the request (the start of later time limits)."""

    date: Date | None = Field(None, description="date of the reply")
    received_on: Date | None = Field(
        None, description="date the requesting state received the reply"
    )
    positive: StrictBool | None = Field(
        None, description="true: readmission or transit agreed; false: refused"
    )
    reference: Line | None = Field(None, description="the requested state's case number")
    grounds: LocalizedText | None = Field(None, description="grounds for a refusal")
    support_provided: StrictBool | None = Field(
        None, description="the requested support for a transit can be provided"
    )
    observations: LocalizedText | None = Field(
        None, description="special observations (e.g. under escort)"
    )
    official: LocalizedLine | None = Field(None, description="official who signs the reply")


class EscortPassport(Model):
    kind: LocalizedLine | None = None
    number: Line | None = None
    issue_date: DocumentDate | None = None
    expiry_date: DocumentDate | None = None


class Escort(Model):
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
