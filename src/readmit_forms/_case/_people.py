"""The people of a case: the person, the spouse, the children."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, StrictBool, StrictInt, ValidationInfo, field_validator

from .._photo import photo_inside
from .._text import LocalizedLine, LocalizedText
from ._types import MAX_ITEMS, BirthDate, Country, LanguageCode, Model, Nationality, positive

__all__ = [
    "Child",
    "Description",
    "MaritalStatus",
    "Person",
    "PersonCore",
    "Place",
    "Sex",
    "Spouse",
]


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class MaritalStatus(StrEnum):
    MARRIED = "married"
    SINGLE = "single"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


class Place(Model):
    """A place: its name as written, and the country it is in."""

    name: LocalizedLine = Field(description="city, village or other place, as written")
    country: Country | None = None


class Description(Model):
    """Physical description (KZ–AT Annex 7 A.4; KZ–BY Protocol Annexes 2–4 A.4)."""

    height_cm: Annotated[StrictInt, AfterValidator(positive)] | None = Field(
        None, le=260, description="height in centimetres"
    )
    eye_colour: LocalizedLine | None = None
    hair_colour: LocalizedLine | None = None
    marks: LocalizedText | None = Field(None, description="distinctive marks, other features")


class PersonCore(Model):
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
