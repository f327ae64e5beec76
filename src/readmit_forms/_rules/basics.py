"""Basic rules: the photo can be printed; the form has the items it cannot do without."""

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


@rule
def transit_data(check: Check) -> Iterator[Finding]:
    if check.form == "transit-request" and check.case.transit is None:
        info = check.agreement.form("transit-request")
        yield check.finding(
            "section-missing", "transit", info.basis[0] if info.basis else None,
            section="transit",
        )


@rule
def handover_data(check: Check) -> Iterator[Finding]:
    if check.form == "handover-notice" and check.case.handover is None:
        info = check.agreement.form("handover-notice")
        yield check.finding(
            "section-missing", "handover", info.basis[0] if info.basis else None,
            section="handover",
        )


@rule
def document_dates(check: Check) -> Iterator[Finding]:
    """Dates in order: issued before it expires, and not before the holder was born."""
    born = check.case.person.date_of_birth
    for index, document in enumerate(check.case.documents):
        path = f"documents[{index}]"
        if document.issue_date and document.expiry_date and document.expiry_date < document.issue_date:
            yield check.finding(
                "expiry-before-issue", f"{path}.expiry_date",
                issued=str(document.issue_date), expires=str(document.expiry_date),
            )
        if born and document.issue_date and document.issue_date < born:
            yield check.finding(
                "issued-before-birth", f"{path}.issue_date",
                issued=str(document.issue_date), born=str(born),
            )
