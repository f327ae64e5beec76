"""The record of personal data the agreements require: what was sent to whom and received from
whom, when and why, kept for the retention period and then destroyed (the destruction
recorded too)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .._agreements import get_agreement
from .._errors import (
    RegisterRefusedError,
    StaleDocumentError,
)
from .._loading import load_case
from ._base import RegisterBase, case_data, case_of, clean, sha256_of, who
from ._changes import categories
from ._records import authority, check_complete, own_authority, retain_until
from ._results import (
    DataRecord,
    PurgeReport,
    record_of,
)
from ._schema import CaseRow, RecordRow

__all__ = ["Recording"]


class Recording(RegisterBase):
    """Transmissions, receipts and destructions."""

    def transmit(
        self,
        ref: str,
        *,
        document: str,
        to: str,
        by: str,
        purpose: str | None = None,
        sender: str | None = None,
        recipient_person: str | None = None,
        at: dt.datetime | None = None,
    ) -> DataRecord:
        """Record that ``document`` (a SHA-256 or prefix) of case ``ref`` was sent ``to`` an
        authority (an id from the agreement data, or its name).

        Refused (`StaleDocumentError`) unless the document was generated from the
        current version of the case; refused (`RecordIncompleteError`) when an item
        the agreement's record requires is missing. A draft case becomes "sent".
        """
        moment = self._moment(at)
        with self._unit(write=True) as session:
            row = self._row(session, ref, lock=True)
            doc = self._find_document(session, row, document)
            if doc.version != row.version:
                raise StaleDocumentError(row.ref or ref, doc.sha256, doc.version, row.version)
            if doc.draft:
                raise RegisterRefusedError(
                    row.ref or ref,
                    f"document {doc.sha256[:12]} is a draft; render it without draft to send it",
                )
            agreement = get_agreement(row.agreement)
            case = case_of(self._version(session, row).data)
            items = {
                "purpose": purpose,
                "sender-authority": authority(agreement, sender)
                or own_authority(agreement, case, doc.form, doc.lang),
                "sender-person": by,
                "recipient-authority": authority(agreement, to),
                "recipient-person": recipient_person,
            }
            check_complete(agreement, items)
            content = {
                "form": doc.form,
                "lang": doc.lang,
                "format": doc.format,
                "version": doc.version,
                "size": doc.size,
                "categories": categories(self._version(session, row).data),
            }
            record = self._record(
                session, row, "transmission", moment, by, items, content, doc.sha256
            )
            if row.state == "draft":
                row.state = "sent"
                row.updated_at = self.now()
            return record

    def receive(
        self,
        ref: str,
        *,
        sender: str,
        by: str,
        purpose: str | None = None,
        sender_person: str | None = None,
        recipient: str | None = None,
        note: str | None = None,
        data: bytes | None = None,
        reply: bool | None = None,
        reply_date: dt.date | None = None,
        at: dt.datetime | None = None,
    ) -> DataRecord:
        """Record that personal data of case ``ref`` were received from ``sender``.

        With ``reply`` (True: agreed; False: refused) the reply is also saved in the
        case — a new version with ``reply.date`` (``reply_date``, default: the day
        received), ``reply.received_on`` and ``reply.positive`` — and the case
        becomes "answered": the deadlines that run from the reply open.
        ``data`` (the file received) is recorded by its SHA-256 and size only.
        """
        moment = self._moment(at)
        with self._unit(write=True) as session:
            row = self._row(session, ref, lock=True)
            agreement = get_agreement(row.agreement)
            current = self._version(session, row)
            case = case_of(current.data)
            items = {
                "purpose": purpose,
                "sender-authority": authority(agreement, sender),
                "sender-person": sender_person,
                "recipient-authority": authority(agreement, recipient)
                or own_authority(agreement, case, None, "en"),
                "recipient-person": by,
            }
            check_complete(agreement, items)
            content: dict[str, Any] = {"version": row.version}
            if note:
                content["note"] = " ".join(note.split())
            if data is not None:
                content["sha256"], content["size"] = sha256_of(data), len(data)
            if reply is not None:
                answered = {
                    "date": (reply_date or moment.date()).isoformat(),
                    "received_on": moment.date().isoformat(),
                    "positive": reply,
                }
                new_data = {**current.data, "reply": {**current.data.get("reply", {}), **answered}}
                new_case = load_case(new_data)
                self._bump(session, row, row.version, self.now(), "answered")
                self._store_version(
                    session, row, current.data, case_data(new_case), new_case, by, self.now()
                )
                content["reply"] = answered
                content["version"] = row.version
            return self._record(session, row, "receipt", moment, by, items, content, None)

    def _moment(self, at: dt.datetime | None) -> dt.datetime:
        if at is None:
            return self.now()
        if at.tzinfo is None:
            at = at.astimezone()  # a local time, as a clerk gives it
        return at.astimezone(dt.UTC)

    def _record(
        self,
        session: Session,
        row: CaseRow,
        kind: str,
        at: dt.datetime,
        by: str,
        items: Mapping[str, str | None],
        content: dict[str, Any],
        sha256: str | None,
    ) -> DataRecord:
        agreement = get_agreement(row.agreement)
        entry = RecordRow(
            case_id=row.id,
            kind=kind,
            at=at,
            recorded_at=self.now(),
            recorded_by=who(by),
            agreement=row.agreement,
            purpose=clean(items.get("purpose")),
            content=content,
            sender_authority=clean(items.get("sender-authority")),
            sender_person=clean(items.get("sender-person")),
            recipient_authority=clean(items.get("recipient-authority")),
            recipient_person=clean(items.get("recipient-person")),
            document_sha256=sha256,
            retain_until=retain_until(agreement.record, at),
        )
        session.add(entry)
        session.flush()
        return record_of(row.ref or "", entry)

    def records(self, ref: str | None = None) -> list[DataRecord]:
        """The data-protection record (of case ``ref``, or all of it), oldest first."""
        query = select(RecordRow, CaseRow.ref).join(CaseRow, CaseRow.id == RecordRow.case_id)
        with self._unit() as session:
            if ref is not None:
                query = query.where(RecordRow.case_id == self._row(session, ref).id)
            rows = session.execute(query.order_by(RecordRow.at, RecordRow.id))
            return [record_of(case_ref or "", entry) for entry, case_ref in rows]

    def purge(self, *, dry_run: bool = False, by: str = "readmit-forms purge") -> PurgeReport:
        """Destroy every entry of the record whose retention period has passed, at once,
        and record each destruction (KZ–AT Art. 12(3): "the same applies to the
        destruction"); the record of a destruction is itself kept for the period and
        then destroyed. The destruction of such a record is not recorded again: it
        holds no personal data that were sent or received. ``dry_run`` changes nothing.
        """
        today = self.today()
        now = self.now()
        with self._unit(write=not dry_run) as session:
            rows = session.execute(
                select(RecordRow, CaseRow)
                .join(CaseRow, CaseRow.id == RecordRow.case_id)
                .where(RecordRow.retain_until < today)
                .order_by(RecordRow.at, RecordRow.id)
            ).all()
            destroyed = tuple(record_of(case.ref or "", entry) for entry, case in rows)
            recorded: list[DataRecord] = []
            if not dry_run:
                for entry, case in rows:
                    if entry.kind != "deletion":
                        items, content = _destruction(entry, by)
                        recorded.append(
                            self._record(session, case, "deletion", now, by, items, content, None)
                        )
                # The entries just recorded are kept for the period: the same test spares them.
                session.execute(delete(RecordRow).where(RecordRow.retain_until < today))
            return PurgeReport(today, dry_run, destroyed, tuple(recorded))


def _destruction(entry: RecordRow, by: str) -> tuple[dict[str, str | None], dict[str, Any]]:
    """The items and content of the record of destroying ``entry``: who destroyed it (the
    authority that made the entry), why, and which entry it was — not what it held."""
    sent = entry.kind == "transmission"
    items = {
        "purpose": "retention",
        "sender-authority": entry.sender_authority if sent else entry.recipient_authority,
        "sender-person": by,
    }
    content = {
        "destroyed": {
            "id": entry.id,
            "kind": entry.kind,
            "at": entry.at.isoformat(),
            "form": entry.content.get("form"),
            "counterpart": entry.recipient_authority if sent else entry.sender_authority,
            "retain_until": entry.retain_until.isoformat() if entry.retain_until else None,
        }
    }
    return items, content
