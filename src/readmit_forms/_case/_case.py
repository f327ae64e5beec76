"""The case: its agreement and states, the letter, and every part of it."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from .._agreements import agreement_ids, get_agreement
from .._errors import UnknownAgreementError
from .._text import Line, LocalizedLine, LocalizedText, fragment, kind_of
from ._documents import Evidence, IdentityDocument, Permit
from ._events import (
    Escort,
    Handover,
    Interview,
    Reply,
    SpecialCircumstances,
    Transit,
    UnlawfulStay,
)
from ._people import Child, Person, Spouse
from ._types import MAX_ITEMS, Country, Date, Model

__all__ = ["Authority", "Case", "Letter", "Signatory", "Statement"]


class Authority(Model):
    """An authority as printed on a form (defaults come from the agreement data)."""

    name: LocalizedText
    address: LocalizedText | None = None
    telephone: Line | None = None
    fax: Line | None = None
    email: Line | None = None


class Signatory(Model):
    name: LocalizedLine
    position: LocalizedLine | None = None


class Letter(Model):
    """The letterhead data: document number, place and date."""

    number: Line | None = None
    place: LocalizedLine | None = None
    date: Date | None = None
    received_on: Date | None = Field(
        None, description="date the requested state received the request, when known"
    )


class Statement(Model):
    """The person's own statement (KZ–BY Protocol Annex 1)."""

    relatives_in_requested_state: LocalizedText | None = None
    other_information: LocalizedText | None = None
    date: Date | None = None
    place: LocalizedText | None = None
    official: Signatory | None = Field(None, description="official who took the statement")


def _agreement_id(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError(
            f"expected an agreement id (see 'readmit-forms agreements'), got {kind_of(value)}"
        )
    try:
        return get_agreement(value).id
    except UnknownAgreementError as exc:
        raise ValueError(
            f"unknown agreement {fragment(value)}; supported are: {', '.join(exc.allowed)}"
        ) from None


def _agreement_enum(schema: dict[str, Any]) -> None:
    """The bundled agreement ids, listed in the JSON Schema (read when the schema is made)."""
    schema["enum"] = list(agreement_ids())


class Case(Model):
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
    minor_children: int | None = Field(
        None,
        ge=0,
        le=MAX_ITEMS["children"],
        strict=True,
        description="number of minor children accompanying the person (where the form "
        "asks for a number rather than each child's data)",
    )
    statement: Statement | None = None
    notes: LocalizedText | None = None

    @field_validator("requesting_state", "requested_state", mode="after")
    @classmethod
    def _party(cls, state: str, info: ValidationInfo) -> str:
        agreement = info.data.get("agreement")
        if agreement is None:
            return state
        found = get_agreement(agreement)
        if found.side_of(state) is None:
            raise ValueError(
                f"{state!r} is not a party to {agreement} (parties: {', '.join(found.states)})"
            )
        requesting = info.data.get("requesting_state")
        if info.field_name == "requested_state" and found.side_of(state) == found.side_of(
            requesting or ""
        ):
            raise ValueError(
                "the requested state must be the other party, not the requesting state"
                if state == requesting
                else f"{state!r} is on the same side as the requesting state {requesting!r}"
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
