"""Identity and travel documents, visas and residence permits, and other evidence."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, StrictBool

from .._text import Line, LocalizedLine, LocalizedText
from ._types import Country, DocumentDate, Model

__all__ = [
    "DocumentKind",
    "Evidence",
    "EvidenceKind",
    "IdentityDocument",
    "Permit",
    "PermitKind",
]


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


class IdentityDocument(Model):
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


class Permit(Model):
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


class Evidence(Model):
    """Evidence other than an identity document: stamps, statements, tickets, biometrics."""

    kind: EvidenceKind
    description: LocalizedText | None = None
    date: DocumentDate | None = None
    copy_only: StrictBool = False
    doubtful: StrictBool = Field(
        False,
        description="there are doubts about its correctness (an interview petition may ask it)",
    )
