"""Identity and travel documents, permits, and the evidence they make.

Documents are grouped by holder: the person's own first, then those of each
family member, under a line naming the member. A relative's document is never
printed as the person's own, nor counted as the person's proof (KZ–BY Protocol
Annexes 1–3). The travel document of a handover notice or a transit request is
the person's own original, neither forged nor doubtful, valid on the day of travel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._case import Case, DocumentKind, Evidence, IdentityDocument, PersonCore
from .._evidence import Classified, classify, own_documents, travel_document
from ._core import CODE, DATE, NUMBER, TEXT, Ctx, Registry, Shows, Value, join, lines, text
from .people import NAMES, plain_name, relation, under

VALUES = Registry()


DOCUMENT: Shows = (
    (CODE, "kind"),
    (TEXT, "title"),
    (NUMBER, "number"),
    (DATE, "issue_date"),
    (TEXT, "issue_place"),
    (TEXT, "issuing_authority"),
    (CODE, "issuing_state"),
    (DATE, "expiry_date"),
)
"""The fields of a document that `document_summary` shows."""
_EVIDENCE: Shows = (
    (CODE, "evidence[].kind"),
    (TEXT, "evidence[].description"),
    (DATE, "evidence[].date"),
)


@dataclass(frozen=True)
class Holder:
    """Whose documents a group holds: "person", "spouse" or "children[N]"."""

    key: str
    person: PersonCore | None
    documents: tuple[IdentityDocument, ...] = field(default_factory=tuple)

    @property
    def own(self) -> bool:
        return self.key == "person"


def _relatives(case: Case) -> list[tuple[str, PersonCore]]:
    found: list[tuple[str, PersonCore]] = [("spouse", case.spouse)] if case.spouse else []
    return found + [(f"children[{i}]", child) for i, child in enumerate(case.children)]


def holders(case: Case, documents: Sequence[IdentityDocument] | None = None) -> list[Holder]:
    """The person (always) and each family member who holds any of ``documents``."""
    documents = case.documents if documents is None else documents
    groups = [Holder("person", case.person, tuple(d for d in documents if d.holder == "person"))]
    for key, member in _relatives(case):
        held = tuple(d for d in documents if d.holder == key)
        if held:
            groups.append(Holder(key, member, held))
    return groups


@VALUES.value("holder.title", shows=NAMES, via=lambda holder: holder.person)
def _holder_title(ctx: Ctx, holder: Holder) -> Value:
    """Nothing for the person's own documents; "Documents of a family member (wife): …"."""
    if holder.own or holder.person is None:
        return None
    return text(holder_line(ctx, holder))


def holder_line(ctx: Ctx, holder: Holder) -> str:
    assert holder.person is not None
    return ctx.t(
        "documents_of",
        relation=relation(ctx, holder.key, holder.person),
        name=plain_name(ctx, holder.person),
    )


def document_kind(ctx: Ctx, document: IdentityDocument) -> str:
    name = ctx.t(f"document.{document.kind.value}")
    if document.title is not None:
        name = ctx.pick(document.title) or name
    return ctx.t("copy_of", document=name) if document.copy_only else name


@VALUES.value("document.number", shows=((NUMBER, "number"),))
def _doc_number(ctx: Ctx, document: IdentityDocument) -> Value:
    if document.number and document.copy_only:
        return text(ctx.t("copy_of", document=document.number))
    return text(document.number)


def kind_number(ctx: Ctx, document: IdentityDocument) -> str:
    number = ctx.t("number", number=document.number) if document.number else None
    return join([document_kind(ctx, document), number], " ") or ""


@VALUES.value("document.kind_number", shows=((CODE, "kind"), (TEXT, "title"), (NUMBER, "number")))
def _doc_kind_number(ctx: Ctx, document: IdentityDocument) -> Value:
    return text(kind_number(ctx, document))


@VALUES.value("document.issue_date_place", shows=((DATE, "issue_date"), (TEXT, "issue_place")))
def _doc_issue(ctx: Ctx, document: IdentityDocument) -> Value:
    return text(join([ctx.date(document.issue_date), ctx.pick(document.issue_place)]))


@VALUES.value("document.authority", shows=((TEXT, "issuing_authority"), (CODE, "issuing_state")))
def _doc_authority(ctx: Ctx, document: IdentityDocument) -> Value:
    authority = ctx.pick(document.issuing_authority)
    return text(authority or ctx.country(document.issuing_state))


def document_summary(ctx: Ctx, document: IdentityDocument) -> str:
    """Kind and number; date and place of issue; issuing authority; validity — each under
    its own words (the authority is not a place of issue)."""
    place = ctx.pick(document.issue_place)
    issued = None
    if place:
        issued = ctx.t("issued", details=join([ctx.date(document.issue_date), place]))
    elif document.issue_date:
        issued = ctx.t("issued_on", date=ctx.date(document.issue_date))
    authority = ctx.pick(document.issuing_authority)
    return (
        join(
            [
                kind_number(ctx, document),
                issued,
                ctx.t("authority", authority=authority)
                if authority
                else (
                    ctx.t("issued_by", state=ctx.country(document.issuing_state))
                    if document.issuing_state
                    else None
                ),
                ctx.t("valid_until", date=ctx.date(document.expiry_date))
                if document.expiry_date
                else None,
            ],
            "; ",
        )
        or ""
    )


def grouped_lines(
    ctx: Ctx, documents: Sequence[IdentityDocument], own_extra: Iterable[str] = ()
) -> Value:
    """One line per document, the person's first (then ``own_extra``), then each family
    member's under a line naming them."""
    out: list[str] = []
    for holder in holders(ctx.case, documents):
        if holder.own:
            out += [document_summary(ctx, d) for d in holder.documents]
            out += list(own_extra)
        else:
            out.append(holder_line(ctx, holder))
            out += [document_summary(ctx, d) for d in holder.documents]
    return lines(out)


@VALUES.value(
    "case.travel_document",
    shows=((CODE, "kind"), (TEXT, "title"), (NUMBER, "number")),
    via=travel_document,
)
def _travel_document(ctx: Ctx, case: Case) -> Value:
    document = travel_document(case)
    return text(kind_number(ctx, document)) if document is not None else None


@VALUES.value("case.identity_document", shows=under("documents[]", DOCUMENT))
def _identity_document(ctx: Ctx, case: Case) -> Value:
    """The person's own identity documents (KZ–BY Annex 1 item 4)."""
    return lines(document_summary(ctx, d) for d in own_documents(case))


@VALUES.value("case.documents_by_holder", shows=under("documents[]", DOCUMENT))
def _documents_by_holder(ctx: Ctx, case: Case) -> Value:
    """Every document of the case, grouped by holder (model forms)."""
    return grouped_lines(ctx, case.documents)


@VALUES.value(
    "case.permits",
    shows=(
        (CODE, "permits[].kind"),
        (NUMBER, "permits[].number"),
        (CODE, "permits[].issuing_state"),
        (DATE, "permits[].issue_date"),
        (DATE, "permits[].expiry_date"),
    ),
)
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


def evidence_line(ctx: Ctx, item: Evidence) -> str:
    """An item of evidence: its kind, what it is, and its date."""
    kind = ctx.t(f"evidence.{item.kind.value}")
    if item.copy_only:
        kind = ctx.t("copy_of", document=kind)
    entry = join([kind, ctx.pick(item.description)], ": ") or kind
    date = ctx.date(item.date)
    return f"{entry} ({date})" if date else entry


@VALUES.value("case.evidence", shows=_EVIDENCE)
def _evidence_list(ctx: Ctx, case: Case) -> Value:
    """Every item of evidence of the case (statements, tickets, language, …), one a line."""
    return lines(evidence_line(ctx, item) for item in case.evidence)


@VALUES.value("case.attached_evidence", shows=_EVIDENCE)
def _attached_evidence(ctx: Ctx, case: Case) -> Value:
    """The evidence other than identity documents, under the title of the agreement's list
    it counts under (KZ–AT Annex 4: "own details and statements", "the language spoken",
    …), then any that no list covers: the means of proof or prima facie proof that the
    request must state (KZ–AT Art. 4(1)(в), (г))."""
    groups: dict[str, list[str]] = {}
    for classified in _classified_evidence(ctx):
        title = (
            classified.evidence_list.title[ctx.lang]
            if classified.evidence_list is not None
            else ctx.t("other_evidence")
        )
        item = evidence_line(ctx, classified.item)  # type: ignore[arg-type]
        groups.setdefault(title, []).append(ctx.t("listed", item=item))
    return lines(f"{title}:\n" + "\n".join(items) for title, items in groups.items())


def _classified_evidence(ctx: Ctx) -> list[Classified]:
    found = [c for c in classify(ctx.case, ctx.agreement) if isinstance(c.item, Evidence)]
    return sorted(found, key=lambda c: c.evidence_list is None)


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
_OTHER = frozenset(kind.value for kind in DocumentKind) - _PASSPORTS - _ID_CARDS - _LICENCES
_KINDS = {  # KZ–AT Annex 7 E, items 1–4
    "passports": _PASSPORTS,
    "id_cards": _ID_CARDS,
    "driving_licences": _LICENCES,
    "other": _OTHER,
}


def _of_kind(documents: Iterable[IdentityDocument], kinds: frozenset[str]) -> list[Any]:
    return [d for d in documents if d.kind.value in kinds]


def _blank_for_person(holder: Holder, found: list[Any]) -> list[Any]:
    """A holder's documents; the person's group keeps the form's blank slots when empty."""
    return found or ([None] if holder.own else [])


def _proof(ctx: Ctx) -> list[IdentityDocument]:
    """The documents that prove a nationality of the requested state, of whoever holds them."""
    return [
        c.item
        for c in classify(ctx.case, ctx.agreement)
        if c.strength == "proof" and isinstance(c.item, IdentityDocument)
    ]


def _prima_facie(ctx: Ctx, holder: str | None = None) -> list[Any]:
    return [
        c.item
        for c in classify(ctx.case, ctx.agreement, holder=holder)
        if c.strength == "prima-facie"
    ]


@VALUES.value("case.presumption", shows=(*under("documents[]", DOCUMENT), *_EVIDENCE))
def _presumption(ctx: Ctx, case: Case) -> Value:
    """Documents and information that give grounds to presume nationality (prima facie):
    the person's documents and the evidence, then each family member's documents."""
    items = _prima_facie(ctx)
    documents = [item for item in items if isinstance(item, IdentityDocument)]
    evidence = [evidence_line(ctx, item) for item in items if isinstance(item, Evidence)]
    return grouped_lines(ctx, documents, evidence)


def _scoped_holder(ctx: Ctx) -> Holder:
    holder = ctx.scope["holder"]
    assert isinstance(holder, Holder)
    return holder


def _holder_documents(kinds: frozenset[str] | None) -> Callable[[Ctx], list[Any]]:
    """The documents of the holder in scope of the given kinds (all kinds for None)."""

    def items(ctx: Ctx) -> list[Any]:
        holder = _scoped_holder(ctx)
        found = list(holder.documents) if kinds is None else _of_kind(holder.documents, kinds)
        return _blank_for_person(holder, found)

    return items


VALUES.items.update(
    {
        "documents.holders": lambda ctx: holders(ctx.case),
        "documents.proof_holders": lambda ctx: holders(ctx.case, _proof(ctx)),
        "holder.documents": _holder_documents(None),
        **{f"holder.{name}": _holder_documents(kinds) for name, kinds in _KINDS.items()},
    }
)
