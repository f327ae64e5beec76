"""What a case is about: whose national the person is, on what ground, and which forms go.

Shared by the validation rules, the values of the forms and the deadlines: they all
need to know whether the case concerns a national of the requested state
("own-nationals") or a third-country national or stateless person ("third-country"),
the two words the agreement data uses in ``applies_to``, and for a third-country
national which ground of readmission the case shows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ._agreements import Agreement, Provision, Source, get_agreement
from ._case import Case, IdentityDocument, Permit
from ._evidence import Concern, Strength, classify, expired_on, item_kind, reference_date
from ._loading import load_case

__all__ = [
    "Category",
    "EvidenceStatus",
    "Ground",
    "applicable_forms",
    "category",
    "evidence_report",
    "forms_in_play",
    "grounds",
    "no_request_needed",
    "valid_permits",
]

Category = Literal["own-nationals", "third-country"]
Ground = Literal["own-national", "third-country", "third-country-direct", "third-country-permit"]


def _by_nationality(case: Case) -> Category:
    """A person of unknown (or no stated) nationality is a presumed national of the
    requested state: KZ–HU Art. 1(1)–(2) (proved or "lawfully presumed"; the requested
    Party clarifies a nationality that cannot be established), KZ–AT Art. 2(1) (prima
    facie), KZ–BY Agreement Art. 2(4) (the interview) — what an interview petition is for.
    """
    known = [n for n in case.person.nationality if n != "unknown"]
    if not known or case.requested_state in known:
        return "own-nationals"
    return "third-country"


def category(case: Case) -> Category:
    """ "third-country" for a transit (only third-country nationals and stateless persons
    are transited), a stateless person or a known other nationality; else "own-nationals"."""
    if case.transit is not None:
        return "third-country"
    return _by_nationality(case)


def valid_permits(
    case: Case, state: str, kinds: Collection[str] | None = None
) -> list[tuple[int, Permit]]:
    """(index, permit) of the permits issued by ``state`` that are valid on the case's
    reference date (or whose expiry the case does not give), of ``kinds`` (``permit:visa``,
    as the agreement data names them; None: any kind)."""
    on = reference_date(case)
    return [
        (index, permit)
        for index, permit in enumerate(case.permits)
        if permit.issuing_state == state
        and not expired_on(permit, on)
        and (kinds is None or item_kind(permit) in kinds)
    ]


def grounds(case: Case, agreement: Agreement) -> frozenset[Ground]:
    """Whom a readmission request concerns, and for a third-country national or stateless
    person the grounds of readmission the case shows.

    ``own-national`` (KZ–AT Art. 2, KZ–BY Agreement Art. 2, KZ–HU Art. 1), else
    ``third-country`` with ``third-country-direct`` — entered directly from the requested
    state (KZ–AT Art. 3(3)(b), KZ–BY Art. 3(1)(1), KZ–HU Art. 2(1)) — and
    ``third-country-permit`` — a valid visa or residence permit of the requested state of
    a kind the agreement counts (``tcn-valid-permit``'s ``kinds``: KZ–HU Art. 2(6) counts
    no transit visa, KZ–AT Art. 1(9) only no airport transit visa). A ground counts only
    where the agreement data has its provision.
    """
    if _by_nationality(case) == "own-nationals":
        return frozenset({"own-national"})
    found: set[Ground] = {"third-country"}
    stay = case.unlawful_stay
    if (
        agreement.provision("tcn-direct-entry") is not None
        and stay is not None
        and stay.entered_from == case.requested_state
    ):
        found.add("third-country-direct")
    by_permit = agreement.provision("tcn-valid-permit")
    if by_permit is not None and valid_permits(case, case.requested_state, by_permit.kinds):
        found.add("third-country-permit")
    return frozenset(found)


def forms_in_play(case: Case, agreement: Agreement, *, planned: bool = False) -> frozenset[str]:
    """The forms the case is sent with (the agreement's data says which): the forms of its
    procedure (a transit, or a readmission) that need no section of the case, and those
    whose section the case has (the interview, the transfer, the reply, …). ``planned``
    adds the forms ``expected`` before their section exists (the notice of a transfer not
    yet planned, whose time limits are still to come)."""
    procedure = "transit" if case.transit is not None else "readmission"
    return frozenset(
        form.id
        for form in agreement.forms
        if form.procedure == procedure
        and (
            form.needs is None
            or getattr(case, form.needs) is not None
            or (planned and form.expected)
        )
    )


def applicable_forms(case: Case | str | Path | Mapping[str, Any]) -> tuple[str, ...]:
    """The forms ``case`` is sent with, in the agreement's order (see `forms_in_play`)."""
    loaded = load_case(case)
    agreement = get_agreement(loaded.agreement)
    in_play = forms_in_play(loaded, agreement)
    return tuple(form for form in agreement.form_ids if form in in_play)


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
            item_kind(item) in provision.kinds
            and item.issuing_state == case.requested_state
            and item.expiry_date is not None
            and not expired_on(item, on)
            and not getattr(item, "copy_only", False)
            and not getattr(item, "forged", False)
        ):
            return provision
    return None


@dataclass(frozen=True)
class EvidenceStatus:
    """What one document, permit or item of evidence of a case counts as under the
    agreement's evidence lists: proof or prima facie evidence (or neither), of a
    nationality or of the grounds for readmitting a third-country national."""

    path: str
    strength: Strength | None
    concerns: Concern | None
    list: str | None
    """The id of the agreement's evidence list it counts under."""
    source: Source | None
    """The provision of that list."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "strength": self.strength,
            "concerns": self.concerns,
            "list": self.list,
            "source": self.source.model_dump() if self.source else None,
        }


def evidence_report(case: Case | str | Path | Mapping[str, Any]) -> tuple[EvidenceStatus, ...]:
    """What each document, permit and item of evidence of ``case`` counts as, under the
    lists for the person's case: the lists on nationality for a (presumed) national, on
    the grounds for readmission for a third-country national (``validate --json``)."""
    loaded = load_case(case)
    agreement = get_agreement(loaded.agreement)
    concerns: Concern = "third-country" if category(loaded) == "third-country" else "nationality"
    return tuple(
        EvidenceStatus(
            c.path,
            c.strength,
            c.concerns,
            c.evidence_list.id if c.evidence_list else None,
            c.evidence_list.source if c.evidence_list else None,
        )
        for c in classify(loaded, agreement, concerns=concerns)
    )
