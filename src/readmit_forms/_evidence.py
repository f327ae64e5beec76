"""Classify the documents and evidence of a case under the agreement's own evidence lists.

An item is *proof* (it establishes nationality, or the grounds for readmitting
a third-country national) or *prima facie* evidence (it makes them plausible),
according to the lists the agreement data records — KZ–AT Annexes 3–6, KZ–BY
Protocol Arts. 2–3. An entry's ``kinds`` name case document kinds, evidence
kinds, ``permit:<kind>`` for visas and residence permits, or ``list:<strength>/<concerns>``
for "the documents of those lists" (e.g. copies of the Annex 3 documents).
Its parameters narrow it (all data, none named after an agreement): ``copy``,
``expired`` (at all, ``more_than`` or ``within`` a period), ``issuer`` and
``issued_in``, ``registration`` (a residence stamp in a state on or before a day),
``birth_entry_in_parent_passport``, ``residence_endorsement``,
``only_when_requested`` (a kind that counts only for some requested states),
``together_with`` (only with a document of another kind), ``relatives``.

A document counts only for the state the entry's ``issuer`` names: by default an
identity document proves the nationality of the state the list is about, a visa
or residence permit the grounds only when the requested state issued it. An entry
that refers to another list's documents keeps the issuer rule of the entry that
lists them. Where a prima facie entry covers documents expired ``more_than`` some
time ago, a document expired less long ago still proves. A forged document
proves and indicates nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from ._agreements import Agreement, EvidenceItem, EvidenceList
from ._agreements._parts import Expiry, Issuer, Period
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
    issuer: Issuer | None,
    case: Case,
) -> bool:
    """Whether the state that issued ``item`` is one the list entry speaks for (``issuer``
    of the entry; None: the default of the item's kind and the list)."""
    if isinstance(item, Permit):
        issuer = issuer or "requested"
    elif not isinstance(item, IdentityDocument) or item.issuing_state is None:
        return True
    elif issuer is None:
        issuer = "nationality" if evidence_list.concerns == "nationality" else "any"
    if issuer == "any":
        return True
    state = {
        "requested": case.requested_state,
        "requesting": case.requesting_state,
        "nationality": evidence_list.state or case.requested_state,
    }[issuer]
    return item.issuing_state == state


def _issuers(agreement: Agreement, case: Case, entry: EvidenceItem) -> dict[str, Issuer | None]:
    """Each kind ``entry`` covers, with the issuer rule it counts under: the entry's own, or,
    for the kinds of a list it refers to, that of the entry that lists them."""
    kinds: dict[str, Issuer | None] = {}
    for reference in entry.kinds:
        if not reference.startswith("list:"):
            kinds[reference] = entry.issuer
            continue
        strength, _, concerns = reference.removeprefix("list:").partition("/")
        for evidence_list in _relevant_lists(case, agreement):
            if evidence_list.strength == strength and evidence_list.concerns == concerns:
                for listed in evidence_list.items:
                    for kind in listed.kinds:
                        if not kind.startswith("list:"):
                            kinds.setdefault(kind, entry.issuer or listed.issuer)
    return kinds


def _expiry_state(expiry: dt.date | None, on: dt.date | None) -> tuple[bool, int | None]:
    """(expired?, days since expiry) — unknown expiry or day counts as valid."""
    if expiry is None or on is None or expiry >= on:
        return False, None
    return True, (on - expiry).days


def _before(on: dt.date, period: Period) -> dt.date:
    return add_months(on, -period.months) - dt.timedelta(days=period.days)


def _expired_as(wanted: bool | Expiry | None, expiry: dt.date | None, on: dt.date | None) -> bool:
    """Whether the expiry of a document is as the entry asks (None: no condition)."""
    if wanted is None:
        return True
    expired, _ = _expiry_state(expiry, on)
    if isinstance(wanted, bool):
        return expired == wanted
    if not expired or on is None or expiry is None:
        return False
    if wanted.more_than is not None:
        return expiry < _before(on, wanted.more_than)
    assert wanted.within is not None  # an Expiry gives one of the two
    return expiry >= _before(on, wanted.within)


def _holds(
    entry: EvidenceItem,
    kind: str,
    item: IdentityDocument | Permit | Evidence,
    on: dt.date | None,
    case: Case,
) -> bool:
    """Whether ``item`` (of ``kind``) meets the parameters of ``entry``."""
    if entry.copy_only and not getattr(item, "copy_only", False):
        return False
    if not _expired_as(entry.expired, getattr(item, "expiry_date", None), on):
        return False
    if entry.birth_entry_in_parent_passport and not getattr(
        item, "birth_entry_in_parent_passport", False
    ):
        return False
    if entry.registration is not None:
        registered = getattr(item, "registration_date", None)
        if not (
            getattr(item, "registration_state", None) == entry.registration.state
            and registered is not None
            and registered <= entry.registration.on_or_before
        ):
            return False
    if entry.residence_endorsement is not None and (
        getattr(item, "residence_endorsement_state", None) != case.requested_state
    ):
        return False
    states = entry.only_when_requested.get(kind)
    if states is not None and case.requested_state not in states:
        return False
    if entry.issued_in is not None:
        place = case.requested_state if entry.issued_in == "requested" else case.requesting_state
        if getattr(item, "issued_in", None) != place:
            return False
    # documents that count only together (a passport and its visa)
    return not entry.together_with or any(
        item_kind(other) in entry.together_with for _, other in _candidates(case)
    )


def item_kind(item: IdentityDocument | Permit | Evidence) -> str:
    """The kind of ``item`` as the agreement data names it: a document or evidence kind,
    or ``permit:<kind>`` for a visa or residence permit."""
    if isinstance(item, Permit):
        return f"permit:{item.kind.value}"
    return item.kind.value


def _usable_as_proof(
    item: IdentityDocument | Permit | Evidence,
    agreement: Agreement,
    on: dt.date | None,
) -> bool:
    """An original, valid — or expired less long ago than a prima facie entry of the
    agreement's lists asks ("documents expired more than six months ago")."""
    if getattr(item, "copy_only", False):
        return False
    expiry = getattr(item, "expiry_date", None)
    expired, _ = _expiry_state(expiry, on)
    if not expired:
        return True
    graces = [
        entry.expired
        for evidence_list in agreement.evidence
        if evidence_list.strength == "prima-facie"
        for entry in evidence_list.items
        if isinstance(entry.expired, Expiry) and entry.expired.more_than is not None
    ]
    return any(not _expired_as(grace, expiry, on) for grace in graces)


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
    documents of that holder (a spouse's passport proves nothing of the person),
    and those of others that an entry with ``relatives`` covers.
    Proof beats prima facie; an item no list covers is returned unclassified.
    """
    on = on if on is not None else reference_date(case)
    results: list[Classified] = []
    lists = list(_relevant_lists(case, agreement, concerns))
    relatives = any(e.relatives for evidence_list in lists for e in evidence_list.items)
    for path, item in _candidates(case):
        own = holder is None or getattr(item, "holder", holder) == holder
        if not own and not relatives:
            continue
        kind = item_kind(item)
        best: Classified | None = None
        if getattr(item, "forged", False):  # KZ–AT Art. 5(2): no proof by forged documents
            results.append(Classified(path, item, None, None, None, None))
            continue
        for evidence_list in lists:
            for entry in evidence_list.items:
                if not own and not entry.relatives:
                    continue  # another holder's document counts only where the entry says so
                kinds = _issuers(agreement, case, entry)
                if kind not in kinds or not _holds(entry, kind, item, on, case):
                    continue
                if not _right_issuer(item, evidence_list, kinds[kind], case):
                    continue
                if evidence_list.strength == "proof" and not _usable_as_proof(item, agreement, on):
                    continue
                found = Classified(
                    path, item, evidence_list.strength, evidence_list.concerns, evidence_list, entry
                )
                if best is None or (best.strength != "proof" and found.strength == "proof"):
                    best = found
        if best is not None or own:
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
