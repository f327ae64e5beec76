"""The parts of an agreement: authorities, crossing points, deadlines, evidence lists, forms,
languages, provisions, requirements, divergences, the record of personal data."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from .._lang import Lang
from ._data import Data, Fact, Role, Source, Trilingual

__all__ = [
    "Authority",
    "BorderCrossingPoint",
    "Deadline",
    "Divergence",
    "Event",
    "EvidenceItem",
    "EvidenceList",
    "Expiry",
    "Extension",
    "FormInfo",
    "LanguageRules",
    "Period",
    "Provision",
    "RecordDuty",
    "RecordField",
    "Registration",
    "Requirement",
    "Retention",
    "Wording",
]


class Authority(Data):
    """A competent authority of one party, and its roles: the forms it sends, and the forms
    it examines (receives and answers), e.g. KZ–BY Protocol Art. 1(4)–(5)."""

    id: str
    state: str
    name: Trilingual
    sends: tuple[str, ...] = Field((), description="form ids this authority sends")
    examines: tuple[str, ...] = Field((), description="form ids this authority examines")
    address: Trilingual | None = None
    telephone: str | None = None
    fax: str | None = None
    email: str | None = None
    source: Source
    roles_note: str | None = Field(
        None, description="how roles the source does not name for a form were assigned"
    )

    def has_role(self, role: Role, form_id: str) -> bool:
        return form_id in (self.sends if role == "sends" else self.examines)


class BorderCrossingPoint(Data):
    id: str
    state: str
    name: Trilingual
    source: Source


Unit = Literal["calendar-days", "working-days", "hours", "weeks", "months", "years", "immediately"]
"""How a time limit is counted; ``immediately`` ("without delay") has no length and no date."""

CalendarChoice = str
"""Whose public holidays a working-day limit skips: ``requesting``, ``requested``, ``both``
(the default: a day counts only if it is a working day of both states of the case), or a
state code of the agreement."""


class Event(Data):
    """What a time limit runs from, as the case dates it (``data/events.yaml`` and an
    agreement's own ``events``)."""

    field: str | None = Field(None, description="the case date field, e.g. 'letter.received_on'")
    time: str | None = Field(None, description="the case field of the time of day, if any")
    when: str | None = Field(
        None,
        description="a case field that must be true for the event to have happened; when it "
        "is false, the limit does not apply",
    )
    given_only: bool = Field(
        False, description="the limit applies only where the case gives the date"
    )
    condition: Literal["no-request-needed"] | None = Field(
        None, description="the limit applies only where the case meets this condition"
    )
    after: tuple[str, ...] = Field(
        (), description="runs from the due day of the first of these limits that applies"
    )
    since: Trilingual | None = Field(
        None, description="the words 'within N …' ends with, where messages.yaml has none"
    )
    until: Trilingual | None = Field(
        None, description="the words 'not later than N …' ends with, where messages.yaml has none"
    )
    note: str | None = None

    @model_validator(mode="after")
    def _one_start(self) -> Event:
        if (self.field is None) == (not self.after):
            raise ValueError("an event gives either a case field or 'after' (limit ids)")
        return self


class Extension(Data):
    length: int
    unit: Unit
    up_to: bool = Field(
        True, description="the limit may be extended up to (not by) this length when true"
    )
    total: bool = Field(False, description="length is the new total limit, not an addition")
    condition: Trilingual
    source: Source


class Deadline(Data):
    """A time limit: who must do what, how long, counted from which event."""

    id: str
    action: Trilingual
    actor: Literal["requesting", "requested", "either"]
    length: int = Field(0, ge=0)
    unit: Unit
    relation: Literal["within", "before"] = Field(
        description="'within' N after the event, or at least N 'before' the event"
    )
    event: str = Field(description="the event the limit runs from (see deadlines module)")
    calendar: CalendarChoice = Field(
        "both", description="whose working days count: requesting, requested, both, a state"
    )
    without_delay: bool = Field(
        False, description="'without delay, but not later than' the limit: shown and flagged"
    )
    deemed: Literal["accepted", "refused"] | None = Field(
        None, description="what no reply within the limit counts as"
    )
    applies_to: tuple[str, ...] = Field(
        (), description="what it concerns: form ids or 'own-nationals', 'third-country'"
    )
    consequence: Trilingual | None = None
    extension: Extension | None = None
    conflicts_with: tuple[str, ...] = ()
    done: str | None = Field(
        None, description="the event that fulfils it, when the case can date it (see deadlines)"
    )
    optional: bool = Field(
        False, description="the action may (not must) be taken within the limit: lateness warns"
    )
    source: Source

    @model_validator(mode="after")
    def _length(self) -> Deadline:
        if (self.unit == "immediately") != (self.length == 0):
            raise ValueError("a limit has a length, unless its unit is 'immediately'")
        return self


class Period(Data):
    """A length of time: days and/or months."""

    days: int = Field(0, ge=0)
    months: int = Field(0, ge=0)


class Expiry(Data):
    """How long ago a document must have expired: ``more_than`` or ``within`` a period."""

    more_than: Period | None = None
    within: Period | None = None

    @model_validator(mode="after")
    def _one(self) -> Expiry:
        if (self.more_than is None) == (self.within is None):
            raise ValueError("give one of more_than or within")
        return self


class Registration(Data):
    """A registration stamp of residence in ``state`` on or before a day (e.g. the USSR
    passport with a registration stamp as at the dissolution)."""

    state: str
    on_or_before: dt.date


Issuer = Literal["nationality", "any", "requested", "requesting"]


class EvidenceItem(Data):
    """One entry of an evidence list, as worded in the agreement, and the parameters that
    narrow which documents it covers (none: a valid original of the right issuer)."""

    text: Trilingual
    kinds: tuple[str, ...] = Field(
        (), description="document or evidence kinds of the case schema this entry covers"
    )
    copy_only: bool = Field(False, description="only a copy counts here", alias="copy")
    expired: bool | Expiry | None = Field(
        None,
        description="only an expired document counts here (true), or one expired "
        "more_than / within a period",
    )
    issuer: Issuer | None = Field(
        None,
        description="who must have issued it: the state whose nationality the list proves "
        "(the default for identity documents of a nationality list), any state, the "
        "requested or the requesting state (the default for visas and permits: requested)",
    )
    issued_in: Literal["requested", "requesting"] | None = Field(
        None, description="the state on whose territory it must have been issued"
    )
    registration: Registration | None = None
    birth_entry_in_parent_passport: bool = Field(
        False, description="only where the child is entered in a parent's passport"
    )
    residence_endorsement: Literal["requested"] | None = Field(
        None, description="only with an endorsement of residence in that state"
    )
    only_when_requested: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="kind -> the requested states for which that kind counts here",
    )
    together_with: tuple[str, ...] = Field(
        (), description="counts only together with a document of one of these kinds"
    )
    relatives: bool = Field(
        False, description="a relative's document counts here too (not only the person's)"
    )

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)


class EvidenceList(Data):
    """A list of documents that prove (or make plausible) nationality or the grounds."""

    id: str
    strength: Literal["proof", "prima-facie"]
    concerns: Literal["nationality", "third-country"]
    state: str | None = Field(None, description="the state whose nationality it proves, if any")
    title: Trilingual
    items: tuple[EvidenceItem, ...]
    source: Source


Section = Literal["interview", "transit", "handover", "statement", "reply"]
"""The sections of a case a form can be filled from."""


class FormInfo(Data):
    """A form the agreement defines (or a model form built from its articles)."""

    id: str
    annex: Fact[str]
    title: Trilingual
    model: bool = Field(False, description="True when the sources have no form: a model form")
    basis: tuple[Source, ...] = Field((), description="the provisions the form rests on")
    procedure: Literal["readmission", "transit"] = Field(
        "readmission", description="the procedure the form belongs to (a transit case or not)"
    )
    needs: Section | None = Field(
        None,
        description="the case section the form is filled from: it goes with a case that has "
        "it (none: with every case of its procedure)",
    )
    blank_without: bool = Field(
        False,
        description="without its section the form is printed blank, to be filled in by hand "
        "(the person's own statement), rather than reported missing",
    )
    filled_by: Literal["requesting", "requested"] = Field(
        "requesting",
        description="the side that fills the form in (a response: the requested side)",
    )
    expected: bool = Field(
        False,
        description="its time limits count before the case has its section "
        "(a transfer still to be planned)",
    )


WordingKind = Literal["annex-text", "annex-translation", "project-translation", "model-form"]


class Wording(Data):
    """What the wording of a form in one language is, and where it comes from.

    ``annex-text``: the annex as the sources give it in that language, letter for
    letter; ``annex-translation``: the same, where the sources' text of the annex is
    itself a translation (not an authentic language); ``project-translation``: this
    project's translation of the annex texts in ``translated_from`` (the sources
    have no text of the annex in that language); ``model-form``: a form this project
    drew up from the agreement's articles, the sources having none.
    """

    kind: WordingKind
    translated_from: tuple[Lang, ...] = ()
    note: str
    source: Source | None = None

    @model_validator(mode="after")
    def _translation_names_its_originals(self) -> Wording:
        if (self.kind == "project-translation") != bool(self.translated_from):
            raise ValueError("translated_from is given for a project translation, and only then")
        return self


class LanguageRules(Data):
    """Authentic, prevailing and working languages, each with its source (or not stated),
    and what the wording of the forms is in each language of the toolkit."""

    authentic: Fact[tuple[str, ...]]
    prevailing: Fact[str]
    working: Fact[str]
    working_scope: Trilingual | None = Field(
        None, description="what the working language applies to, as the source says"
    )
    wording: dict[Lang, Wording] = Field(
        description="per language: the forms' wording is the annex text, a translation, "
        "or a model form (a form marked `model` is a model form in every language)"
    )


class Provision(Data):
    """A rule of the agreement that validation checks, and where the agreement lays it down.

    ``id`` names the check (the rules modules give it its meaning); an agreement
    without the provision is not checked for it.
    """

    id: str
    source: Source
    severity: Literal["error", "warning"] | None = Field(
        None, description="how a breach is reported, where the rule does not decide it"
    )
    value: int | None = Field(None, description="a number the provision sets, e.g. years")
    fields: tuple[str, ...] = Field((), description="case fields it concerns")
    kinds: tuple[str, ...] = Field(
        (), description="document kinds (or permit:<kind>) it concerns, as in the evidence lists"
    )
    note: str | None = None


class Requirement(Data):
    """Items a form must (error) or should where possible (warning) contain."""

    forms: tuple[str, ...]
    fields: tuple[str, ...] = Field(
        description="case field paths; 'escorts[].surname' means every escort's surname; "
        "'a|b' is satisfied by either"
    )
    when: str | None = Field(
        None, description="condition: married, escorted-handover, escorted-transit"
    )
    severity: Literal["error", "warning"] = "error"
    source: Source


class Divergence(Data):
    """A known difference between language versions of the official texts."""

    id: str
    form: str | None = None
    template_key: str | None = Field(None, description="the template id where it shows")
    versions: dict[str, str] = Field(description="language -> the wording in that version")
    description: Trilingual
    source: Source


RecordFieldId = Literal[
    "purpose",
    "content",
    "time",
    "sender-authority",
    "sender-person",
    "recipient-authority",
    "recipient-person",
]
RecordKind = Literal["transmission", "receipt", "deletion"]


class RecordField(Data):
    """An item the record of a transmission, receipt or deletion must contain."""

    id: RecordFieldId
    source: Source


class Retention(Data):
    """How long the record is kept, and what happens then."""

    length: int = Field(gt=0)
    unit: Literal["months", "years"]
    then: Literal["destroy"] = Field(description="what is done once the period has passed")


class RecordDuty(Data):
    """The record of personal data sent and received that the agreement requires.

    Read by the case register (``register transmit|receive|purge|subject-report``).
    """

    duty: Fact[str] = Field(description="what must be documented, or not stated")
    covers: tuple[RecordKind, ...] = Field((), description="the events documented")
    fields: tuple[RecordField, ...] = Field((), description="what each entry must contain")
    retention: Fact[Retention]
    subject_access: Fact[str] = Field(description="the person's right to be informed")
    exchange: Source | None = Field(
        None, description="the provision under which personal data are exchanged"
    )

    def requires(self, field_id: str) -> RecordField | None:
        """The item ``field_id`` if the agreement requires it in the record, else None."""
        return next((f for f in self.fields if f.id == field_id), None)
