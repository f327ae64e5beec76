"""What a case is about: whose national the person is, and whether a request is needed.

Shared by the validation rules and the deadlines: both need to know whether the
case concerns a national of the requested state ("own-nationals") or a
third-country national or stateless person ("third-country"), the two words the
agreement data uses in ``applies_to``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from ._agreements import Agreement, Provision, get_agreement
from ._case import Case, IdentityDocument, Permit
from ._evidence import expired_on, reference_date
from ._loading import load_case

__all__ = ["Category", "applicable_forms", "category", "forms_in_play", "no_request_needed"]

Category = Literal["own-nationals", "third-country"]


def category(case: Case) -> Category:
    """ "third-country" for a transit, a stateless person or a known other nationality.

    A person of unknown nationality is taken to be a presumed national of the
    requested state: that is what an interview petition is for.
    """
    if case.transit is not None:
        return "third-country"
    known = [n for n in case.person.nationality if n != "unknown"]
    if not known or case.requested_state in known:
        return "own-nationals"
    return "third-country"


def forms_in_play(case: Case, agreement: Agreement, *, planned: bool = False) -> frozenset[str]:
    """The forms the case is sent with: a transit request, or a readmission request with
    the interview petition, the person's statement and the notice of the transfer when
    the case has them. ``planned`` adds the notice of a transfer not yet planned, whose
    time limits are still to come."""
    if case.transit is not None:
        forms = {"transit-request"}
    else:
        forms = {"readmission-request"}
        optional = {
            "interview-request": case.interview,
            "person-statement": case.statement,
            "handover-notice": case.handover or planned or None,
        }
        forms |= {form for form, present in optional.items() if present is not None}
    return frozenset(forms & set(agreement.form_ids))


def applicable_forms(case: Case | str | Path | Mapping[str, Any]) -> tuple[str, ...]:
    """The forms ``case`` is sent with, in the agreement's order (see `forms_in_play`)."""
    loaded = load_case(case)
    agreement = get_agreement(loaded.agreement)
    in_play = forms_in_play(loaded, agreement)
    return tuple(form for form in agreement.form_ids if form in in_play)


def _kind(item: IdentityDocument | Permit) -> str:
    return f"permit:{item.kind.value}" if isinstance(item, Permit) else item.kind.value


def no_request_needed(case: Case, agreement: Agreement) -> Provision | None:
    """The provision that makes a readmission request unnecessary for this case, if any.

    KZ–AT Art. 4: a valid travel document (own nationals), a valid visa or temporary
    residence permit of the requested Party (third-country nationals). KZ–BY Arts. 2(5),
    3(5): a valid identity document of a national, a valid residence permit of the
    requested Party. The kinds come from the agreement data; a document counts only
    when it is an original issued by the requested state and known to be valid on the
    case's reference date.
    """
    provision = agreement.provision(f"no-request-{category(case)}")
    on = reference_date(case)
    if provision is None or on is None or case.spouse is not None or case.children:
        return None  # the family's documents are not in the case: a request is needed
    items: list[IdentityDocument | Permit] = [*case.documents, *case.permits]
    for item in items:
        if (
            _kind(item) in provision.kinds
            and item.issuing_state == case.requested_state
            and item.expiry_date is not None
            and not expired_on(item, on)
            and not getattr(item, "copy_only", False)
            and not getattr(item, "forged", False)
        ):
            return provision
    return None
