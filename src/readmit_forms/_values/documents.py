"""Identity and travel documents, permits, and the evidence they make."""

from __future__ import annotations

from typing import Any

from .._case import (
    Case,
    Evidence,
    IdentityDocument,
)
from .._evidence import classify
from ._core import ITEMS, Ctx, Value, join, lines, text, value
from .people import plain_name

# -- documents and permits ----------------------------------------------------------------


def document_kind(ctx: Ctx, document: IdentityDocument) -> str:
    name = ctx.t(f"document.{document.kind.value}")
    if document.title is not None:
        name = ctx.pick(document.title) or name
    if document.copy_only:
        name = ctx.t("copy_of", document=name)
    holder = _holder(ctx, document.holder)
    return ctx.t("held_by", document=name, holder=holder) if holder else name


def _holder(ctx: Ctx, holder: str) -> str | None:
    """The name of a relative who holds a document (None for the person's own)."""
    if holder == "spouse" and ctx.case.spouse is not None:
        return plain_name(ctx, ctx.case.spouse)
    if holder.startswith("children["):
        index = int(holder[len("children[") : -1])
        if index < len(ctx.case.children):
            return plain_name(ctx, ctx.case.children[index])
    return None


@value("document.kind")
def _doc_kind(ctx: Ctx, document: IdentityDocument) -> Value:
    return text(document_kind(ctx, document))


@value("document.number")
def _doc_number(ctx: Ctx, document: IdentityDocument) -> Value:
    if document.number and document.copy_only:
        return text(ctx.t("copy_of", document=document.number))
    return text(document.number)


@value("document.kind_number")
def _doc_kind_number(ctx: Ctx, document: IdentityDocument) -> Value:
    number = ctx.t("number", number=document.number) if document.number else None
    return text(join([document_kind(ctx, document), number], " "))


@value("document.issue_date_place")
def _doc_issue(ctx: Ctx, document: IdentityDocument) -> Value:
    return text(join([ctx.date(document.issue_date), ctx.pick(document.issue_place)]))


@value("document.authority")
def _doc_authority(ctx: Ctx, document: IdentityDocument) -> Value:
    authority = ctx.pick(document.issuing_authority)
    return text(join([authority, ctx.country(document.issuing_state) if not authority else None]))


@value("document.expiry")
def _doc_expiry(ctx: Ctx, document: IdentityDocument) -> Value:
    return text(ctx.date(document.expiry_date))


def document_summary(ctx: Ctx, document: IdentityDocument) -> str:
    number = ctx.t("number", number=document.number) if document.number else None
    issued = join([ctx.date(document.issue_date), ctx.pick(document.issue_place)])
    authority = ctx.pick(document.issuing_authority) or ctx.country(document.issuing_state)
    return (
        join(
            [
                join([document_kind(ctx, document), number], " "),
                ctx.t("issued", details=join([issued, authority])) if issued or authority else None,
                ctx.t("valid_until", date=ctx.date(document.expiry_date))
                if document.expiry_date
                else None,
            ],
            "; ",
        )
        or ""
    )


_TRAVEL_KINDS = (
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


def travel_document(case: Case) -> IdentityDocument | None:
    """The document the person travels on: the first passport-like original."""
    originals = [d for d in case.documents if not d.copy_only and not d.forged]
    for kind in _TRAVEL_KINDS:
        for document in originals:
            if document.kind.value == kind:
                return document
    return None


@value("case.travel_document")
def _travel_document(ctx: Ctx, case: Case) -> Value:
    document = travel_document(case)
    if document is None:
        return None
    number = ctx.t("number", number=document.number) if document.number else None
    return text(join([document_kind(ctx, document), number], " "))


@value("case.identity_document")
def _identity_document(ctx: Ctx, case: Case) -> Value:
    return lines(document_summary(ctx, d) for d in case.documents)


@value("case.permits")
def _permits(ctx: Ctx, case: Case) -> Value:
    entries = []
    for permit in case.permits:
        number = ctx.t("number", number=permit.number) if permit.number else None
        entries.append(
            join(
                [
                    join([ctx.t(f"permit.{permit.kind.value}"), number], " "),
                    ctx.t("issued_by", state=ctx.country(permit.issuing_state)),
                    ctx.date(permit.issue_date),
                    ctx.t("valid_until", date=ctx.date(permit.expiry_date))
                    if permit.expiry_date
                    else None,
                ],
                ", ",
            )
        )
    return lines(entries)


# -- repeated items ------------------------------------------------------------------------


_PASSPORTS = frozenset(
    {
        "passport",
        "national-passport",
        "diplomatic-passport",
        "service-passport",
        "collective-passport",
        "emergency-passport",
    }
)
_ID_CARDS = frozenset({"id-card", "temporary-id-card"})
_LICENCES = frozenset({"driving-licence"})


def _of_kinds(ctx: Ctx, kinds: frozenset[str]) -> list[IdentityDocument]:
    return [d for d in ctx.case.documents if d.kind.value in kinds]


def _other_documents(ctx: Ctx) -> list[IdentityDocument]:
    known = _PASSPORTS | _ID_CARDS | _LICENCES
    return [d for d in ctx.case.documents if d.kind.value not in known]


def _classified(ctx: Ctx, strength: str) -> list[Any]:
    return [c.item for c in classify(ctx.case, ctx.agreement) if c.strength == strength]


def _proof_documents(ctx: Ctx) -> list[Any]:
    return [item for item in _classified(ctx, "proof") if isinstance(item, IdentityDocument)]


@value("case.presumption")
def _presumption(ctx: Ctx, case: Case) -> Value:
    """Documents and information that give grounds to presume nationality (prima facie)."""
    entries: list[str] = []
    for item in _classified(ctx, "prima-facie"):
        if isinstance(item, IdentityDocument):
            entries.append(document_summary(ctx, item))
        elif isinstance(item, Evidence):
            entries.append(
                join(
                    [
                        ctx.t(f"evidence.{item.kind.value}"),
                        ctx.pick(item.description),
                        ctx.date(item.date),
                    ],
                    ": ",
                )
                or ""
            )
    return lines(entries)


ITEMS.update(
    {
        "documents.passports": lambda ctx: _of_kinds(ctx, _PASSPORTS),
        "documents.id_cards": lambda ctx: _of_kinds(ctx, _ID_CARDS),
        "documents.driving_licences": lambda ctx: _of_kinds(ctx, _LICENCES),
        "documents.other": _other_documents,
        "documents.proof": _proof_documents,
    }
)
