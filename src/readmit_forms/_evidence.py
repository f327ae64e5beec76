"""Classify the documents and evidence of a case under the agreement's own evidence lists.

An item is *proof* (it establishes nationality, or the grounds for readmitting
a third-country national) or *prima facie* evidence (it makes them plausible),
according to the lists the agreement data records — KZ–AT Annexes 3–6, KZ–BY
Protocol Arts. 2–3. An entry's ``kinds`` name case document kinds, evidence
kinds, ``permit:<kind>`` for visas and residence permits, or ``list:<strength>/<concerns>``
for "the documents of those lists" (e.g. copies of the Annex 3 documents).
Its ``condition`` narrows it: ``copy``, ``expired``, ``expired-over-6-months``,
``expired-within-180-days``, ``birth-entry-in-parent-passport``,
``ussr-registration-belarus``.

A document counts only for the state that issued it: a passport proves the
nationality of its issuing state, a travel document, visa or residence permit
proves the grounds for readmitting a third-country national only when the
requested state issued it (KZ–AT Annex 5; KZ–BY Protocol Art. 3(1)). A
forged document proves and indicates nothing (KZ–AT Art. 5(2)).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from ._agreements import Agreement, EvidenceItem, EvidenceList
from ._case import Case, Evidence, IdentityDocument, Permit
from ._format import add_months

__all__ = [
    "TRAVEL_KINDS",
    "Classified",
    "Concern",
    "Strength",
    "classify",
    "expired_on",
    "item_kind",
    "own_documents",
    "reference_date",
    "travel_day",
    "travel_document",
]

Strength = Literal["proof", "prima-facie"]
Concern = Literal["nationality", "third-country"]

_USSR_CUTOFF = dt.date(1991, 11, 12)  # KZ–BY Protocol Art. 2(4)(3)

# Documents that speak for a nationality whatever state issued them: a child's birth
# certificate may be foreign (KZ–AT Annex 3; KZ–BY Protocol Art. 2(1)(6)); the USSR
# passport has its own rule (KZ–BY Protocol Art. 2(4)(3)).
_ANY_ISSUER = frozenset({"birth-certificate", "ussr-passport"})
# Documents that prove the grounds for readmitting a third-country national only when
# the requested state issued them (KZ–AT Annex 5; KZ–BY Protocol Art. 3(1)).
_REQUESTED_STATE_ISSUER = frozenset(
    {"travel-document", "refugee-travel-document", "refugee-certificate", "stateless-certificate"}
)


@dataclass(frozen=True)
class Classified:
    """One document, permit or evidence item of the case, and what it counts as."""

    path: str
    item: IdentityDocument | Permit | Evidence
    strength: Strength | None
    concerns: Concern | None
    evidence_list: EvidenceList | None
    entry: EvidenceItem | None


def reference_date(case: Case) -> dt.date | None:
    """The day validity is judged on: the letter's date, else the finding of unlawful stay."""
    if case.letter.date is not None:
        return case.letter.date
    if case.unlawful_stay is not None:
        return case.unlawful_stay.finding_date
    return None


def _relevant_lists(
    case: Case, agreement: Agreement, concerns: Concern | None = None
) -> Iterator[EvidenceList]:
    for evidence_list in agreement.evidence:
        if evidence_list.concerns == "nationality" and evidence_list.state not in (
            None,
            case.requested_state,
        ):
            continue
        if concerns is not None and evidence_list.concerns != concerns:
            continue
        yield evidence_list


def expired_on(item: IdentityDocument | Permit | Evidence, on: dt.date | None) -> bool:
    """True when ``item`` has an expiry date before ``on`` (unknown dates: not expired)."""
    return _expiry_state(getattr(item, "expiry_date", None), on)[0]


def _right_issuer(
    item: IdentityDocument | Permit | Evidence,
    evidence_list: EvidenceList,
    entry: EvidenceItem,
    case: Case,
) -> bool:
    """Whether the state that issued ``item`` is one the list entry speaks for."""
    if isinstance(item, Permit):
        # KZ–BY Protocol Art. 3(4)(2) names a visa of the *requesting* state; its
        # condition checks the issuer itself.
        return (
            entry.condition == "expired-visa-issued-in-requested-state"
            or item.issuing_state == case.requested_state
        )
    if not isinstance(item, IdentityDocument) or item.issuing_state is None:
        return True
    kind = item.kind.value
    if evidence_list.concerns == "nationality":
        state = evidence_list.state or case.requested_state
        return kind in _ANY_ISSUER or item.issuing_state == state
    if kind in _REQUESTED_STATE_ISSUER:
        return item.issuing_state == case.requested_state
    return True


def _kinds_of(agreement: Agreement, case: Case, reference: str) -> set[str]:
    strength, _, concerns = reference.removeprefix("list:").partition("/")
    kinds: set[str] = set()
    for evidence_list in _relevant_lists(case, agreement):
        if evidence_list.strength == strength and evidence_list.concerns == concerns:
            for entry in evidence_list.items:
                kinds.update(k for k in entry.kinds if not k.startswith("list:"))
    return kinds


def _expiry_state(expiry: dt.date | None, on: dt.date | None) -> tuple[bool, int | None]:
    """(expired?, days since expiry) — unknown expiry or day counts as valid."""
    if expiry is None or on is None or expiry >= on:
        return False, None
    return True, (on - expiry).days


def _condition_holds(
    condition: str | None,
    item: IdentityDocument | Permit | Evidence,
    on: dt.date | None,
    case: Case,
) -> bool:
    copy_only = getattr(item, "copy_only", False)
    expiry = getattr(item, "expiry_date", None)
    expired, days = _expiry_state(expiry, on)
    if condition is None:
        return True
    if condition == "copy":
        return bool(copy_only)
    if condition == "expired":
        return expired
    if condition == "expired-over-6-months":
        return expired and on is not None and expiry is not None and expiry < add_months(on, -6)
    if condition == "expired-within-180-days":
        return expired and days is not None and days <= 180
    if condition == "birth-entry-in-parent-passport":
        return bool(getattr(item, "birth_entry_in_parent_passport", False))
    if condition == "ussr-registration-belarus":
        registered = getattr(item, "registration_date", None)
        return (
            getattr(item, "registration_state", None) == "BY"
            and registered is not None
            and registered <= _USSR_CUTOFF
        )
    if condition == "residence-endorsement":
        return getattr(item, "residence_endorsement_state", None) == case.requested_state
    if condition == "temporary-residence-belarus-only":
        # KZ–BY Protocol Art. 3(1)(6): a temporary residence permit only for Belarus.
        if isinstance(item, Permit) and item.kind.value == "temporary-residence-permit":
            return case.requested_state == "BY"
        return True
    if condition == "expired-visa-issued-in-requested-state":
        # KZ–BY Protocol Art. 3(4)(2): a visa of the requesting State, issued on the
        # territory of the requested State, which has expired.
        return (
            isinstance(item, Permit)
            and item.issuing_state == case.requesting_state
            and item.issued_in == case.requested_state
            and expired
        )
    raise ValueError(f"unknown evidence condition {condition!r}")


def item_kind(item: IdentityDocument | Permit | Evidence) -> str:
    """The kind of ``item`` as the agreement data names it: a document or evidence kind,
    or ``permit:<kind>`` for a visa or residence permit."""
    if isinstance(item, Permit):
        return f"permit:{item.kind.value}"
    return item.kind.value


def _usable_as_proof(
    item: IdentityDocument | Permit | Evidence,
    case: Case,
    agreement: Agreement,
    on: dt.date | None,
) -> bool:
    """An original, valid (or within the agreement's grace for expired ones)."""
    if getattr(item, "copy_only", False):
        return False
    expired, _ = _expiry_state(getattr(item, "expiry_date", None), on)
    if not expired:
        return True
    # KZ–AT Annex 4: only documents expired *more than six months ago* drop to prima facie.
    conditions = {
        entry.condition
        for evidence_list in agreement.evidence
        if evidence_list.strength == "prima-facie"
        for entry in evidence_list.items
    }
    if "expired-over-6-months" in conditions:
        return not _condition_holds("expired-over-6-months", item, on, case)
    return False


def _candidates(case: Case) -> Iterable[tuple[str, IdentityDocument | Permit | Evidence]]:
    for index, document in enumerate(case.documents):
        yield f"documents[{index}]", document
    for index, permit in enumerate(case.permits):
        yield f"permits[{index}]", permit
    for index, evidence in enumerate(case.evidence):
        yield f"evidence[{index}]", evidence


def classify(
    case: Case,
    agreement: Agreement,
    on: dt.date | None = None,
    concerns: Concern | None = None,
    holder: str | None = None,
) -> list[Classified]:
    """Every document, permit and evidence item of ``case``, with what it counts as.

    ``on`` is the day validity is judged on (default: `reference_date`);
    ``concerns`` limits the lists to those on nationality or on the grounds for
    readmitting a third-country national; ``holder`` ("person") keeps only the
    documents of that holder (a spouse's passport proves nothing of the person).
    Proof beats prima facie; an item no list covers is returned unclassified.
    """
    on = on if on is not None else reference_date(case)
    results: list[Classified] = []
    lists = list(_relevant_lists(case, agreement, concerns))
    for path, item in _candidates(case):
        if holder is not None and getattr(item, "holder", holder) != holder:
            continue
        kind = item_kind(item)
        best: Classified | None = None
        if getattr(item, "forged", False):  # KZ–AT Art. 5(2): no proof by forged documents
            results.append(Classified(path, item, None, None, None, None))
            continue
        for evidence_list in lists:
            for entry in evidence_list.items:
                kinds = set(entry.kinds)
                for reference in [k for k in entry.kinds if k.startswith("list:")]:
                    kinds |= _kinds_of(agreement, case, reference)
                if kind not in kinds or not _condition_holds(entry.condition, item, on, case):
                    continue
                if not _right_issuer(item, evidence_list, entry, case):
                    continue
                if evidence_list.strength == "proof" and not _usable_as_proof(
                    item, case, agreement, on
                ):
                    continue
                found = Classified(
                    path, item, evidence_list.strength, evidence_list.concerns, evidence_list, entry
                )
                if best is None or (best.strength != "proof" and found.strength == "proof"):
                    best = found
        results.append(best or Classified(path, item, None, None, None, None))
    return results


# -- the travel document ------------------------------------------------------------------


def own_documents(case: Case) -> list[IdentityDocument]:
    """The documents the person holds (not a spouse's or a child's)."""
    return [d for d in case.documents if d.holder == "person"]


TRAVEL_KINDS = (
    "passport",
    "diplomatic-passport",
    "service-passport",
    "emergency-passport",
    "collective-passport",
    "travel-document",
    "refugee-travel-document",
    "return-certificate",
    "national-passport",
    "id-card",
)


def travel_day(case: Case) -> dt.date | None:
    """The day the person travels: the transfer, else the transit, else the letter's date."""
    if case.handover is not None and case.handover.date is not None:
        return case.handover.date
    if case.transit is not None and case.transit.date is not None:
        return case.transit.date
    return reference_date(case)


def travel_document(case: Case) -> IdentityDocument | None:
    """The document the person travels on: the first passport-like document that is the
    person's own original, not forged or doubtful, and not expired on the day of travel."""
    on = travel_day(case)
    usable = [
        d
        for d in own_documents(case)
        if not (d.copy_only or d.forged or d.doubtful or expired_on(d, on))
    ]
    for kind in TRAVEL_KINDS:
        for document in usable:
            if document.kind.value == kind:
                return document
    return None
