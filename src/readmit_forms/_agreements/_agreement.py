"""One agreement: its parties, languages, forms, deadlines, evidence and provisions, checked
to hold together, with the lookups the rest of the package uses."""

from __future__ import annotations

from pydantic import Field, model_validator

from .._errors import InvalidValueError, UnknownFormError
from .._lang import Lang
from ._data import Data, Fact, Role, Trilingual
from ._parts import (
    Authority,
    BorderCrossingPoint,
    Deadline,
    Divergence,
    Event,
    EvidenceList,
    FormInfo,
    LanguageRules,
    Provision,
    RecordDuty,
    Requirement,
    Wording,
)

__all__ = ["Agreement", "Side"]

Side = str | tuple[str, ...]
"""One side of an agreement: a state, or states acting together (e.g. the Benelux states)."""


class Agreement(Data):
    """One bilateral readmission agreement of Kazakhstan."""

    id: str
    title: Trilingual
    short: Trilingual
    parties: tuple[Side, Side] = Field(
        description="the two sides; a side is one state or several acting together"
    )
    status: Fact[str]
    documents: dict[str, str] = Field(description="source file -> what it is")
    languages: LanguageRules
    authorities: tuple[Authority, ...] | None = None
    authorities_note: Fact[str] | None = None
    border_crossing_points: tuple[BorderCrossingPoint, ...] = ()
    border_crossing_note: Fact[str] | None = None
    deadlines: tuple[Deadline, ...] = ()
    events: dict[str, Event] = Field(
        default_factory=dict, description="events of its own, beside data/events.yaml"
    )
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
        form_ids = [form.id for form in self.forms]
        if len(form_ids) != len(set(form_ids)):
            raise ValueError("form ids must be unique")
        ids = [d.id for d in self.deadlines]
        if len(ids) != len(set(ids)):
            raise ValueError("deadline ids must be unique")
        for requirement in self.requirements:
            for form_id in requirement.forms:
                if form_id not in form_ids:
                    raise ValueError(
                        f"requirement for unknown form {form_id!r}; "
                        f"the forms are: {', '.join(form_ids)}"
                    )
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
                if form_id not in form_ids:
                    raise ValueError(
                        f"authority {authority.id}: unknown form {form_id!r}; "
                        f"the forms are: {', '.join(form_ids)}"
                    )
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

    def forms_needing(self, *sections: str | None, procedure: str | None = None) -> tuple[str, ...]:
        """The ids of the forms the requesting side fills in from one of ``sections`` of
        the case (None: from no section of its own), of ``procedure`` where given: the
        forms a rule about the request's contents concerns."""
        return tuple(
            form.id
            for form in self.forms
            if form.filled_by == "requesting"
            and form.needs in sections
            and procedure in (None, form.procedure)
        )

    def form_wording(self, form_id: str, lang: Lang) -> Wording:
        """What the wording of ``form_id`` in ``lang`` is (a model form in every language
        when the form is marked ``model``)."""
        form = self.form(form_id)
        if form.model:
            note = form.annex.note or "the sources contain no form for it"
            return Wording(kind="model-form", note=note, source=form.annex.source)
        return self.languages.wording[lang]

    @property
    def sides(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The states of each side."""
        first, second = (side if isinstance(side, tuple) else (side,) for side in self.parties)
        return first, second

    @property
    def states(self) -> tuple[str, ...]:
        """Every state of the agreement, side by side."""
        first, second = self.sides
        return (*first, *second)

    def side_of(self, state: str) -> int | None:
        """0 or 1: the side ``state`` is on; None where it is no state of the agreement."""
        return next((i for i, side in enumerate(self.sides) if state in side), None)

    def other_party(self, state: str) -> str:
        """The party that is not ``state`` (the first state of the other side)."""
        side = self.side_of(state)
        return self.sides[1 if side == 0 else 0][0]

    def directions(self) -> tuple[tuple[str, str], ...]:
        """Every (requesting, requested) pair of states the agreement allows."""
        first, second = self.sides
        return (
            *((a, b) for a in first for b in second),
            *((b, a) for a in first for b in second),
        )

    @property
    def party_label(self) -> str:
        """The sides as a person reads them: ``KZ – AT``, ``BE+LU+NL – MD``."""
        return " – ".join("+".join(side) for side in self.sides)

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
        """The time limit ``deadline_id`` of this agreement (a register entry names one), or
        raise `InvalidValueError` naming the agreement's limits."""
        for deadline in self.deadlines:
            if deadline.id == deadline_id:
                return deadline
        raise InvalidValueError(
            f"time limit of {self.id}", deadline_id, [d.id for d in self.deadlines]
        )
