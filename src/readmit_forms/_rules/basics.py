"""Basic rules: the photo can be printed."""

from __future__ import annotations

from collections.abc import Iterator

from .._compose import read_photo
from .._findings import Finding
from .._validate import Check, rule


@rule
def photo_readable(check: Check) -> Iterator[Finding]:
    photo = check.case.person.photo
    if photo is not None and read_photo(photo) is None:
        yield check.finding("photo-unreadable", "person.photo", file=str(photo))
