"""The agreements as data: parties, authorities, deadlines, languages, evidence, forms.

Each agreement is one YAML file in ``agreements/`` (package data). Every fact
carries the source it comes from (file and article), or says explicitly that
the sources do not state it. This module only reads and checks those files;
it holds no legal facts of its own. Adding an agreement is adding a file.
"""

from __future__ import annotations

from ._agreement import Agreement
from ._checks import vocabulary
from ._data import Fact, Role, Source, Trilingual, sources_in
from ._divergences import divergence_for, divergences_at, unplaced
from ._events import events_of, shared_events
from ._loading import (
    agreement_ids,
    agreement_problems,
    agreements,
    data_error,
    get_agreement,
    load_agreement_text,
)
from ._parts import (
    Authority,
    BorderCrossingPoint,
    Deadline,
    Divergence,
    Event,
    EvidenceItem,
    EvidenceList,
    Extension,
    FormInfo,
    LanguageRules,
    Provision,
    RecordDuty,
    RecordField,
    Requirement,
    Retention,
    Wording,
)

__all__ = [
    "Agreement",
    "Authority",
    "BorderCrossingPoint",
    "Deadline",
    "Divergence",
    "Event",
    "EvidenceItem",
    "EvidenceList",
    "Extension",
    "Fact",
    "FormInfo",
    "LanguageRules",
    "Provision",
    "RecordDuty",
    "RecordField",
    "Requirement",
    "Retention",
    "Role",
    "Source",
    "Trilingual",
    "Wording",
    "agreement_ids",
    "agreement_problems",
    "agreements",
    "data_error",
    "divergence_for",
    "divergences_at",
    "events_of",
    "get_agreement",
    "load_agreement_text",
    "shared_events",
    "sources_in",
    "unplaced",
    "vocabulary",
]
