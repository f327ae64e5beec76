"""Evidence: what the case's documents prove or indicate under the agreement's own lists,
and when an interview petition is required or allowed (KZ–AT Art. 5(2)–(4), Annexes 3–7;
KZ–BY Agreement Art. 2(4), Protocol Arts. 2–4)."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from .._agreements import EvidenceItem, Source
from .._case import Evidence, IdentityDocument, InterviewReason, Permit
from .._category import category, no_request_needed
from .._evidence import Classified, Concern, classify, expired_on, reference_date
from .._findings import Finding, Severity
from .._format import format_date
from ._check import Check, Rule
from ._common import in_play_needing, item_label, states


def _readmission_of(check: Check, group: str) -> bool:
    return (
        in_play_needing(check, None, "interview", procedure="readmission")
        and check.case.transit is None
        and category(check.case) == group
    )


def request_not_needed(check: Check) -> Iterator[Finding]:
    """KZ–AT Art. 4; KZ–BY Arts. 2(5), 3(5): a valid document makes the request unnecessary."""
    if not in_play_needing(check, None, procedure="readmission"):
        return
    provision = no_request_needed(check.case, check.agreement)
    if provision is not None:
        path = "permits" if all(k.startswith("permit:") for k in provision.kinds) else "documents"
        yield check.finding("request-not-needed", path, provision.source, Severity.WARNING)


def interview(check: Check) -> Iterator[Finding]:
    """No document proves or indicates nationality: the request must petition an interview."""
    if not _readmission_of(check, "own-nationals"):
        return
    case, agreement = check.case, check.agreement
    required = agreement.provision("interview-when-no-documents")
    if required is None:
        return
    found = [
        c for c in classify(case, agreement, concerns="nationality", holder="person") if c.strength
    ]
    # A petition "for lack of documents" contradicts what the case attaches when an item
    # is on the lists the provision names: KZ–AT Art. 5(4) and Annex 7 F, "none of the
    # documents listed in Annex 3 or 4 can be attached" — the person's statement and
    # language are on Annex 4; KZ–BY Agreement Art. 2(4), the documents of Protocol
    # Art. 2(1)–(2) (proof) only. Without a list, identity documents that prove or
    # indicate nationality count.
    lists = {kind.removeprefix("list:") for kind in required.kinds if kind.startswith("list:")}
    documents = [
        c
        for c in found
        if (
            f"{c.strength}/{c.concerns}" in lists if lists else isinstance(c.item, IdentityDocument)
        )
    ]
    doubtful = agreement.provision("interview-when-doubtful") or required
    if not found and case.interview is None:
        yield check.finding("interview-required", "interview", required.source)
    elif case.interview is not None:
        reason = case.interview.reason
        if reason is InterviewReason.NO_DOCUMENTS and documents:
            yield check.finding(
                "interview-not-needed",
                "interview.reason",
                required.source,
                Severity.WARNING,
                documents=", ".join(c.path for c in documents),
            )
        marked = [d.doubtful for d in case.documents] + [e.doubtful for e in case.evidence]
        if reason is InterviewReason.DOUBTFUL_DOCUMENTS and not any(marked):
            yield check.finding(
                "interview-nothing-doubtful",
                "interview.reason",
                doubtful.source,
                Severity.WARNING,
            )
    if case.interview is None and agreement.provision("interview-when-doubtful"):
        for index, document in enumerate(case.documents):
            if document.doubtful:
                yield check.finding(
                    "interview-may-be-requested",
                    f"documents[{index}].doubtful",
                    doubtful.source,
                    Severity.WARNING,
                )


def _lists_sources(check: Check, concerns: str) -> list[Source]:
    return [
        evidence_list.source
        for evidence_list in check.agreement.evidence
        if evidence_list.concerns == concerns
        and evidence_list.state in (None, check.case.requested_state)
    ]


def evidence_items(check: Check) -> Iterator[Finding]:
    """Each document the case cites counts under the lists, or the clerk is told it does not."""
    agreement, case = check.agreement, check.case
    if (
        not agreement.evidence
        or not in_play_needing(check, None, "interview", procedure="readmission")
        or case.transit is not None
    ):
        return
    concerns: Concern = "third-country" if category(case) == "third-country" else "nationality"
    sources = _lists_sources(check, concerns)
    forged = agreement.provision("no-proof-by-forged")
    on = reference_date(case)
    for classified in classify(case, agreement, concerns=concerns):
        item = classified.item
        if concerns == "nationality" and not isinstance(item, IdentityDocument | Evidence):
            continue  # visas and permits say nothing about nationality
        if isinstance(item, Permit) and item.issuing_state != case.requested_state:
            continue  # another state's permit: a matter for the exclusions, not evidence
        if classified.strength is not None:
            yield from _downgraded(check, classified)
        elif isinstance(item, IdentityDocument) and item.forged:
            if forged is not None:
                yield check.finding(
                    "forged-document",
                    f"{classified.path}.forged",
                    forged.source,
                    Severity.WARNING,
                    document=item_label(item),
                )
        elif (
            isinstance(item, IdentityDocument)
            and item.kind.value == "ussr-passport"
            and (stamped := _registration_entry(check))
        ):
            source, entry = stamped
            assert entry.registration is not None  # found by it
            cut_off = functools.partial(format_date, entry.registration.on_or_before)
            yield check.finding(
                "ussr-passport-registration",
                classified.path,
                source,
                Severity.WARNING,
                state=states([entry.registration.state]),
                date=cut_off,
            )
        else:
            expired = expired_on(item, on)
            yield check.finding(
                "evidence-unlisted-expired" if expired else "evidence-unlisted",
                classified.path,
                sources[0] if sources else None,
                Severity.WARNING,
                also=sources[1:],
                item=item_label(item),
                expired=str(getattr(item, "expiry_date", "")),
            )


def _downgraded(check: Check, classified: Classified) -> Iterator[Finding]:
    """An expired document that now counts only as prima facie evidence."""
    entry, evidence_list = classified.entry, classified.evidence_list
    if entry is None or evidence_list is None or entry.expired in (None, False):
        return
    yield check.finding(
        "evidence-expired",
        f"{classified.path}.expiry_date",
        evidence_list.source,
        Severity.WARNING,
        item=item_label(classified.item),
        expired=str(getattr(classified.item, "expiry_date", "")),
    )


def _registration_entry(check: Check) -> tuple[Source, EvidenceItem] | None:
    """The entry that takes a passport only with a registration stamp, and its list's source."""
    for evidence_list in check.agreement.evidence:
        for entry in evidence_list.items:
            if entry.registration is not None:
                return evidence_list.source, entry
    return None


def third_country_evidence(check: Check) -> Iterator[Finding]:
    """A third-country national: something must prove or indicate the grounds."""
    provision = check.agreement.provision("tcn-evidence")
    if provision is None or not _readmission_of(check, "third-country"):
        return
    found = [
        c
        for c in classify(check.case, check.agreement, concerns="third-country", holder="person")
        if c.strength
    ]
    if not found:
        yield check.finding("tcn-evidence-missing", "evidence", provision.source)


RULES: tuple[Rule, ...] = (request_not_needed, interview, evidence_items, third_country_evidence)
