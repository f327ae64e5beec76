"""The photo: it can be read and printed (a damaged or oversized photo is reported, not drawn)."""

from __future__ import annotations

from collections.abc import Iterator

from .._findings import Finding
from .._photo import MAX_BYTES, MAX_PIXELS, PhotoProblem, load_photo
from ._check import Check, Rule


def photo_readable(check: Check) -> Iterator[Finding]:
    photo = check.case.person.photo
    if photo is None:
        return
    try:
        load_photo(photo)
    except PhotoProblem as problem:
        if problem.kind == "too-large":
            limit = f"{MAX_BYTES // 1_000_000} MB, {MAX_PIXELS // 1_000_000} MP"
            yield check.finding(
                "photo-too-large", "person.photo", file=str(photo), limit=limit,
                reason=problem.reason,
            )  # fmt: skip
        else:
            yield check.finding(
                "photo-unreadable", "person.photo", file=str(photo), reason=problem.reason
            )


RULES: tuple[Rule, ...] = (photo_readable,)
