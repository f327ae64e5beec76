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

from .._agreements._checks import CaseVocabulary, know_case
from .._paths import schema_paths
from ._case import Authority, Case, Letter, Signatory, Statement
from ._documents import DocumentKind, Evidence, EvidenceKind, IdentityDocument, Permit, PermitKind
from ._events import (
    Escort,
    EscortPassport,
    Handover,
    Interview,
    InterviewReason,
    Reply,
    SpecialCircumstances,
    Transit,
    TransitMode,
    TransportMode,
    UnlawfulStay,
)
from ._people import Child, Description, MaritalStatus, Person, PersonCore, Place, Sex, Spouse
from ._types import MAX_ITEMS

__all__ = [
    "MAX_ITEMS",
    "Authority",
    "Case",
    "Child",
    "Description",
    "DocumentKind",
    "Escort",
    "EscortPassport",
    "Evidence",
    "EvidenceKind",
    "Handover",
    "IdentityDocument",
    "Interview",
    "InterviewReason",
    "Letter",
    "MaritalStatus",
    "Permit",
    "PermitKind",
    "Person",
    "PersonCore",
    "Place",
    "Reply",
    "Sex",
    "Signatory",
    "SpecialCircumstances",
    "Spouse",
    "Statement",
    "Transit",
    "TransitMode",
    "TransportMode",
    "UnlawfulStay",
]

know_case(
    CaseVocabulary(
        schema_paths(Case),
        (
            *(k.value for k in DocumentKind),
            *(k.value for k in EvidenceKind),
            *(f"permit:{k.value}" for k in PermitKind),
        ),
    )
)
