"""The agreements as data: parties, authorities, deadlines, languages, evidence, forms.

Each agreement is one YAML file in ``agreements/`` (package data). Every fact
carries the source it comes from (file and article), or says explicitly that
the sources do not state it. This module only reads and checks those files;
it holds no legal facts of its own. Adding an agreement is adding a file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any, Generic, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._errors import UnknownAgreementError, UnknownFormError
from ._lang import Lang

__all__ = [
    "FORM_IDS",
    "Agreement",
    "Authority",
    "BorderCrossingPoint",
    "Deadline",
    "Divergence",
    "EvidenceItem",
    "EvidenceList",
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
    "Wording",
    "agreement_ids",
    "agreements",
    "get_agreement",
]

FORM_IDS: tuple[str, ...] = (
    "readmission-request",
    "interview-request",
    "transit-request",
    "handover-notice",
    "person-statement",
)
"""Every form id the toolkit knows; an agreement lists the ones it has."""

T = TypeVar("T")


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


Trilingual = dict[Lang, str]
"""A text given in kk, ru and en (checked to have all three)."""


class Source(_Data):
    """Where a fact comes from: a file of ``../shared/sources`` and the provision in it."""

    doc: str = Field(description="source file, e.g. '003_28cab8fd1c094838.txt'")
    ref: str = Field(description="the provision, e.g. 'Art. 14' or 'Annex 1, Art. 3(2)'")
    lines: str | None = Field(None, description="line numbers in the file, e.g. 'ru 1296; kk 292'")

    def __str__(self) -> str:
        return f"{self.ref} ({self.doc}{', lines ' + self.lines if self.lines else ''})"


class Fact(_Data, Generic[T]):
    """A fact with its source, or the explicit statement that the sources say nothing."""

    value: T | None = None
    source: Source | None = None
    not_stated: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _sourced_or_not_stated(self) -> Fact[T]:
        if self.not_stated:
            if self.value is not None:
                raise ValueError("a fact that is not stated in the sources cannot have a value")
            if not self.note:
                raise ValueError("say why the fact is not stated (note)")
        elif self.value is None or self.source is None:
            raise ValueError("a stated fact needs both a value and a source")
        return self

    @property
    def stated(self) -> bool:
        return not self.not_stated


Role = Literal["sends", "examines"]


class Authority(_Data):
    """A competent authority of one party, and its roles: the forms it sends, and the forms
    it examines (receives and answers), e.g. KZ–BY Protocol Art. 1(4)–(5)."""

    id: str
    state: str
    name: Trilingual
    sends: tuple[str, ...] = Field((), description="form ids this authority sends")
    examines: tuple[str, ...] = Field((), description="form ids this authority examines")
    source: Source
    roles_note: str | None = Field(
        None, description="how roles the source does not name for a form were assigned"
    )

    def has_role(self, role: Role, form_id: str) -> bool:
        return form_id in (self.sends if role == "sends" else self.examines)


class BorderCrossingPoint(_Data):
    id: str
    state: str
    name: Trilingual
    source: Source


Unit = Literal["calendar-days", "working-days", "hours", "weeks", "months"]


class Extension(_Data):
    length: int
    unit: Unit
    up_to: bool = Field(
        True, description="the limit may be extended up to (not by) this length when true"
    )
    total: bool = Field(False, description="length is the new total limit, not an addition")
    condition: Trilingual
    source: Source


class Deadline(_Data):
    """A time limit: who must do what, how long, counted from which event."""

    id: str
    action: Trilingual
    actor: Literal["requesting", "requested", "either"]
    length: int
    unit: Unit
    relation: Literal["within", "before"] = Field(
        description="'within' N after the event, or at least N 'before' the event"
    )
    event: str = Field(description="the event the limit runs from (see deadlines module)")
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


class EvidenceItem(_Data):
    """One entry of an evidence list, as worded in the agreement."""

    text: Trilingual
    kinds: tuple[str, ...] = Field(
        (), description="document or evidence kinds of the case schema this entry covers"
    )
    condition: str | None = Field(
        None,
        description="extra condition, e.g. 'copy', 'expired', 'expired-over-6-months', "
        "'expired-within-180-days', 'ussr-registration-belarus'",
    )


class EvidenceList(_Data):
    """A list of documents that prove (or make plausible) nationality or the grounds."""

    id: str
    strength: Literal["proof", "prima-facie"]
    concerns: Literal["nationality", "third-country"]
    state: str | None = Field(None, description="the state whose nationality it proves, if any")
    title: Trilingual
    items: tuple[EvidenceItem, ...]
    source: Source


class FormInfo(_Data):
    """A form the agreement defines (or a model form built from its articles)."""

    id: str
    annex: Fact[str]
    title: Trilingual
    model: bool = Field(False, description="True when the sources have no form: a model form")
    basis: tuple[Source, ...] = Field((), description="the provisions the form rests on")


WordingKind = Literal["annex-text", "annex-translation", "project-translation", "model-form"]


class Wording(_Data):
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


class LanguageRules(_Data):
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


class Provision(_Data):
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


class Requirement(_Data):
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


class Divergence(_Data):
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


class RecordField(_Data):
    """An item the record of a transmission, receipt or deletion must contain."""

    id: RecordFieldId
    source: Source


class Retention(_Data):
    """How long the record is kept, and what happens then."""

    length: int = Field(gt=0)
    unit: Literal["months", "years"]
    then: Literal["destroy"] = Field(description="what is done once the period has passed")


class RecordDuty(_Data):
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


class Agreement(_Data):
    """One bilateral readmission agreement of Kazakhstan."""

    id: str
    title: Trilingual
    short: Trilingual
    parties: tuple[str, str]
    status: Fact[str]
    documents: dict[str, str] = Field(description="source file -> what it is")
    languages: LanguageRules
    authorities: tuple[Authority, ...] | None = None
    authorities_note: Fact[str] | None = None
    border_crossing_points: tuple[BorderCrossingPoint, ...] = ()
    border_crossing_note: Fact[str] | None = None
    deadlines: tuple[Deadline, ...] = ()
    evidence: tuple[EvidenceList, ...] = ()
    evidence_note: Fact[str] | None = None
    forms: tuple[FormInfo, ...]
    divergences: tuple[Divergence, ...] = ()
    provisions: tuple[Provision, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    notes: tuple[Fact[str], ...] = ()
    record: RecordDuty | None = Field(
        None, description="the record of personal data sent, received and deleted"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Agreement:
        for form in self.forms:
            if form.id not in FORM_IDS:
                raise ValueError(f"form {form.id!r} is not one of {', '.join(FORM_IDS)}")
        ids = [d.id for d in self.deadlines]
        if len(ids) != len(set(ids)):
            raise ValueError("deadline ids must be unique")
        for requirement in self.requirements:
            for form_id in requirement.forms:
                if form_id not in FORM_IDS:
                    raise ValueError(f"requirement for unknown form {form_id!r}")
        if set(self.languages.wording) != set(Lang):
            raise ValueError("languages.wording must give kk, ru and en")
        all_model = {w.kind == "model-form" for w in self.languages.wording.values()}
        if len(all_model) != 1:
            raise ValueError("languages.wording: model-form in some languages only")
        for form in self.forms:
            if not form.model and all_model == {True}:
                raise ValueError(f"form {form.id}: the wording says model forms, the form not")
        for authority in self.authorities or ():
            for form_id in (*authority.sends, *authority.examines):
                if form_id not in FORM_IDS:
                    raise ValueError(f"authority {authority.id}: unknown form {form_id!r}")
        for deadline in self.deadlines:
            for other in deadline.conflicts_with:
                if other not in ids:
                    raise ValueError(f"deadline {deadline.id} conflicts with unknown {other}")
        return self

    # -- lookups -----------------------------------------------------------------

    def form(self, form_id: str) -> FormInfo:
        """The form ``form_id`` of this agreement, or raise `UnknownFormError`."""
        for form in self.forms:
            if form.id == form_id:
                return form
        raise UnknownFormError(form_id, [f.id for f in self.forms])

    @property
    def form_ids(self) -> tuple[str, ...]:
        return tuple(form.id for form in self.forms)

    def form_wording(self, form_id: str, lang: Lang) -> Wording:
        """What the wording of ``form_id`` in ``lang`` is (a model form in every language
        when the form is marked ``model``)."""
        form = self.form(form_id)
        if form.model:
            note = form.annex.note or "the sources contain no form for it"
            return Wording(kind="model-form", note=note, source=form.annex.source)
        return self.languages.wording[lang]

    def default_lang(self) -> Lang:
        """The language to address a clerk in under this agreement: its working language
        where the forms have it, else English."""
        working = self.languages.working
        if working.stated and working.value in tuple(Lang):
            return Lang(working.value)
        return Lang.EN

    def authority_for(self, state: str, form_id: str, role: Role) -> Authority | None:
        """The competent authority of ``state`` that ``role`` (sends or examines) ``form_id``,
        or None where the data names none (the form then shows blank lines)."""
        for authority in self.authorities or ():
            if authority.state == state and authority.has_role(role, form_id):
                return authority
        return None

    def provision(self, provision_id: str) -> Provision | None:
        """The provision ``provision_id`` of this agreement, or None if it has none."""
        for provision in self.provisions:
            if provision.id == provision_id:
                return provision
        return None

    def deadline(self, deadline_id: str) -> Deadline:
        for deadline in self.deadlines:
            if deadline.id == deadline_id:
                return deadline
        raise KeyError(deadline_id)


def _check_trilingual(data: Any, where: str = "") -> None:
    """Every ``{kk, ru, en}`` mapping in the data must have all three languages."""
    if isinstance(data, Mapping):
        keys = set(data)
        if keys & {"kk", "ru", "en"} and not keys - {"kk", "ru", "en"}:
            missing = {"kk", "ru", "en"} - keys
            if missing:
                raise ValueError(f"{where}: text lacks {', '.join(sorted(missing))}")
        for key, value in data.items():
            if key != "versions":  # a divergence quotes only the versions that differ
                _check_trilingual(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_trilingual(value, f"{where}[{index}]")


def _yaml_loader() -> type[yaml.SafeLoader]:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_agreement_text(text: str, name: str = "<agreement>") -> Agreement:
    """Parse and check one agreement file's text."""
    data = yaml.load(text, Loader=_yaml_loader())
    _check_trilingual(data, name)
    return Agreement.model_validate(data)


@cache
def _folder() -> Traversable:
    return resources.files("readmit_forms") / "agreements"


@cache
def agreement_ids() -> tuple[str, ...]:
    """The ids of every bundled agreement, sorted (one file ``<id>.yaml`` each)."""
    names = (entry.name for entry in _folder().iterdir())
    return tuple(sorted(name.removesuffix(".yaml") for name in names if name.endswith(".yaml")))


@cache
def _load(agreement_id: str) -> Agreement:
    """One agreement file, read and checked when first asked for."""
    entry = _folder() / f"{agreement_id}.yaml"
    agreement = load_agreement_text(entry.read_text("utf-8"), entry.name)
    if agreement.id != agreement_id:
        raise ValueError(f"{entry.name} holds agreement {agreement.id!r}; name the file after it")
    return agreement


def agreements() -> Iterator[Agreement]:
    """Every bundled agreement, sorted by id."""
    return (_load(key) for key in agreement_ids())


def get_agreement(agreement_id: str | Agreement) -> Agreement:
    """The agreement ``agreement_id`` (e.g. "kz-at"), or raise `UnknownAgreementError`."""
    if isinstance(agreement_id, Agreement):
        return agreement_id
    key = str(agreement_id).strip().lower()
    if key not in agreement_ids():
        raise UnknownAgreementError(agreement_id, agreement_ids())
    return _load(key)
