"""Consistency: dates in order, children minors (and unmarried where the agreement says so),
documents valid where validity matters, spouse data only for a married person.

"The future" is judged against the case's own reference date (the letter's date, else
the finding of unlawful stay), never the clock: validation runs inside rendering, and
the same case must give the same result on any day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .._case import MaritalStatus, PersonCore
from .._evidence import TRAVEL_KINDS, own_documents, reference_date, travel_day, travel_document
from .._findings import Finding, Severity
from .._format import age_in_years
from .._templates import texts
from ._check import Check, Rule
from ._common import in_play_needing

_NOT_MARRIED = (MaritalStatus.SINGLE, MaritalStatus.DIVORCED, MaritalStatus.WIDOWED)


def _people(check: Check) -> Iterator[tuple[str, PersonCore]]:
    yield "person", check.case.person
    if check.case.spouse is not None:
        yield "spouse", check.case.spouse
    for index, child in enumerate(check.case.children):
        yield f"children[{index}]", child


def birth_dates(check: Check) -> Iterator[Finding]:
    """No one is born after the case's reference date; no child before the parent."""
    on = reference_date(check.case)
    for path, person in _people(check):
        born = person.date_of_birth
        if born is not None and on is not None and born > on:
            yield check.finding(
                "born-after-reference", f"{path}.date_of_birth", born=str(born), on=str(on)
            )
    parent = check.case.person.date_of_birth
    for index, child in enumerate(check.case.children):
        if parent and child.date_of_birth and child.date_of_birth <= parent:
            yield check.finding(
                "child-born-before-parent",
                f"children[{index}].date_of_birth",
                born=str(child.date_of_birth),
                parent=str(parent),
            )


def document_dates(check: Check) -> Iterator[Finding]:
    """Issued after the holder was born, before it expires, and not after the reference date."""
    born = check.case.person.date_of_birth
    on = reference_date(check.case)
    for index, document in enumerate(check.case.documents):
        path = f"documents[{index}]"
        issued, expires = document.issue_date, document.expiry_date
        if issued and expires and expires < issued:
            yield check.finding(
                "expiry-before-issue",
                f"{path}.expiry_date",
                issued=str(issued),
                expires=str(expires),
            )
        if born and issued and issued < born:
            yield check.finding(
                "issued-before-birth", f"{path}.issue_date", issued=str(issued), born=str(born)
            )
        if on and issued and issued > on:
            yield check.finding(
                "issued-after-reference", f"{path}.issue_date", issued=str(issued), on=str(on)
            )
    for index, permit in enumerate(check.case.permits):
        start = permit.valid_from or permit.issue_date
        if start and permit.expiry_date and permit.expiry_date < start:
            yield check.finding(
                "expiry-before-issue",
                f"permits[{index}].expiry_date",
                issued=str(start),
                expires=str(permit.expiry_date),
            )


def _before(
    check: Check, path: str, later: dt.date | None, earlier: dt.date | None, code: str
) -> Iterator[Finding]:
    if later is not None and earlier is not None and later < earlier:
        yield check.finding(code, path, date=str(later), before=str(earlier))


def event_dates(check: Check) -> Iterator[Finding]:
    """Received after sent; the reply after the request; the notice before the transfer."""
    case = check.case
    yield from _before(
        check,
        "letter.received_on",
        case.letter.received_on,
        case.letter.date,
        "received-before-sent",
    )
    if case.reply is not None:
        yield from _before(
            check,
            "reply.date",
            case.reply.date,
            case.letter.received_on or case.letter.date,
            "reply-before-request",
        )
        yield from _before(
            check,
            "reply.received_on",
            case.reply.received_on,
            case.reply.date,
            "received-before-sent",
        )
    if case.handover is not None:
        handover = case.handover
        yield from _before(
            check,
            "handover.notice_received_on",
            handover.notice_received_on,
            handover.notice_date,
            "received-before-sent",
        )
        yield from _before(
            check, "handover.date", handover.date, handover.notice_date, "transfer-before-notice"
        )
    for index, escort in enumerate(case.escorts):
        if escort.arrival and escort.departure and escort.departure < escort.arrival:
            yield check.finding(
                "departure-before-arrival",
                f"escorts[{index}].departure",
                date=str(escort.departure),
                before=str(escort.arrival),
            )
        yield from _before(
            check,
            f"escorts[{index}].stay_until",
            escort.stay_until,
            escort.stay_from,
            "stay-ends-before-start",
        )


def children(check: Check) -> Iterator[Finding]:
    """KZ–AT Art. 2(2)(a): children readmitted with the person are minors and unmarried."""
    provision = check.agreement.provision("children-minor-unmarried")
    on = reference_date(check.case)
    if provision is None:
        return
    adult = provision.value or 18
    for index, child in enumerate(check.case.children):
        if on and child.date_of_birth and age_in_years(child.date_of_birth, on) >= adult:
            yield check.finding(
                "child-not-minor",
                f"children[{index}].date_of_birth",
                provision.source,
                age=age_in_years(child.date_of_birth, on),
                adult=adult,
                on=str(on),
            )
        if child.marital_status is MaritalStatus.MARRIED:
            yield check.finding(
                "child-married", f"children[{index}].marital_status", provision.source
            )


def spouse_and_status(check: Check) -> Iterator[Finding]:
    """Spouse data only when married."""
    status = check.case.person.marital_status
    if check.case.spouse is not None and status is not None and status in _NOT_MARRIED:
        key = f"messages.status.{status.value}"
        yield check.finding(
            "spouse-not-married",
            "spouse",
            None,
            Severity.WARNING,
            status=lambda lang: texts(lang)[key],
        )


def escort_passports(check: Check) -> Iterator[Finding]:
    """Escorts carry valid passports for the whole operation (KZ–BY Protocol Art. 8(3);
    KZ–AT Annex 1 Art. 5)."""
    provision = check.agreement.provision("escort-valid-passport")
    case = check.case
    if provision is None or not case.escorts:
        return
    days = [
        d
        for d in (
            case.handover.date if case.handover else None,
            case.transit.date if case.transit else None,
        )
        if d is not None
    ]
    for index, escort in enumerate(case.escorts):
        passport = escort.passport
        if passport is None or passport.expiry_date is None:
            continue
        last = max(
            [
                *days,
                *(d for d in (escort.stay_until,) if d is not None),
                *(d.date() for d in (escort.departure,) if d is not None),
            ],
            default=None,
        )
        if last is not None and passport.expiry_date < last:
            yield check.finding(
                "escort-passport-expired",
                f"escorts[{index}].passport.expiry_date",
                provision.source,
                expires=str(passport.expiry_date),
                until=str(last),
            )


def no_valid_travel_document(check: Check) -> Iterator[Finding]:
    """A handover notice or transit request names the person's travel document: only the
    person's own original, neither forged nor doubtful, valid on the day of travel. When
    the person has travel documents but none of them is such, the item stays blank."""
    case = check.case
    if not in_play_needing(check, "handover", "transit"):
        return
    own = [d for d in own_documents(case) if d.kind.value in TRAVEL_KINDS]
    if own and travel_document(case) is None:
        day = travel_day(case)
        yield check.finding(
            "no-valid-travel-document",
            "documents",
            severity=Severity.WARNING,
            day=str(day) if day else "?",
        )


RULES: tuple[Rule, ...] = (
    birth_dates,
    document_dates,
    event_dates,
    children,
    spouse_and_status,
    escort_passports,
    no_valid_travel_document,
)
