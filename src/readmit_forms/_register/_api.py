"""`Register`: the library's store of cases, documents, the data-protection record and deadlines.

Every method is one unit of work: it opens a session, does its reads and writes
in one transaction, and closes it — so a failure (or a crash) leaves the
register as it was, and one `Register` may serve many threads of a web server
at once (the engine pools connections; nothing else is shared).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .._agreements import get_agreement
from .._case import Case
from .._deadlines import schedule
from .._errors import (
    RegisterError,
    RegisterRefusedError,
    StaleDocumentError,
    UnknownCaseError,
    UnknownDocumentError,
    UsageError,
    VersionConflictError,
)
from .._lang import parse_lang
from .._loading import load_case
from . import _clock
from ._changes import categories, changed, people
from ._records import authority, check_complete, own_authority, retain_until
from ._results import (
    STATES,
    CaseState,
    CaseSummary,
    DataRecord,
    OpenDeadline,
    PurgeReport,
    RegisteredCase,
    RegisteredDocument,
    SavedVersion,
    document_of,
    record_of,
)
from ._schema import CaseRow, DeadlineRow, DocumentRow, RecordRow, SubjectRow, VersionRow
from ._store import connect, default_url, migrate, shown, unavailable

__all__ = ["Clock", "Register"]

Clock = Callable[[], dt.datetime]
"""A source of the current moment (an aware datetime); tests pass a settable one."""

CaseInput = Case | str | Path | Mapping[str, Any]


class UnknownStateError(UsageError):
    kind = "case state"


def _dump(case: Case) -> dict[str, Any]:
    data: dict[str, Any] = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return data


def _case_of(data: dict[str, Any]) -> Case:
    return Case.model_validate(data)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Register:
    """The case register at ``url`` (default: ``READMIT_FORMS_DB``, else a SQLite file in
    the user's data folder), its schema brought up to date on first use.

        >>> register = rf.Register("sqlite:////tmp/register.sqlite3")
        >>> entry = register.add("samples/kz-at-family.yaml", by="A. Clerk")
        >>> doc, pdf = register.render(entry.ref, form="readmission-request", lang="en",
        ...                            by="A. Clerk")
        >>> register.transmit(entry.ref, document=doc.sha256, to="kz-mia",
        ...                   purpose="readmission", by="A. Clerk")
        >>> register.due(within=7)

    ``clock`` gives the current moment (default: the system clock, in UTC).
    Errors are `RegisterError` subclasses; nothing is changed when one is raised.
    """

    def __init__(self, url: str | None = None, *, clock: Clock | None = None) -> None:
        raw = url if url is not None else default_url()
        self._engine: Engine = connect(raw)
        self.url = shown(self._engine.url)
        self._clock = clock
        self._writer = (
            self._engine.execution_options(sqlite_begin="IMMEDIATE")
            if self._engine.dialect.name == "sqlite"
            else self._engine
        )
        try:
            self.schema_version = migrate(self._engine)
        except SQLAlchemyError as exc:
            self._engine.dispose()
            raise unavailable(self._engine.url, exc) from None
        except BaseException:
            self._engine.dispose()
            raise

    # -- plumbing ----------------------------------------------------------------------

    def close(self) -> None:
        """Close every pooled connection (the register can be opened again)."""
        self._engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> dt.datetime:
        """The current moment by the register's clock (aware, UTC)."""
        moment = (self._clock or _clock.now)()
        if moment.tzinfo is None:
            raise ValueError("the register's clock must give an aware datetime")
        return moment.astimezone(dt.UTC)

    def today(self) -> dt.date:
        return self.now().date()

    @contextlib.contextmanager
    def _unit(self, write: bool = False) -> Iterator[Session]:
        """One unit of work: one session, one transaction, committed at the end or rolled back."""
        try:
            bind = self._writer if write else self._engine
            with Session(bind, expire_on_commit=False) as session, session.begin():
                yield session
        except RegisterError:
            raise
        except SQLAlchemyError as exc:
            raise unavailable(self._engine.url, exc) from None

    def _row(self, session: Session, ref: str, *, lock: bool = False) -> CaseRow:
        key = str(ref).strip().upper()
        query = select(CaseRow).where(CaseRow.ref == key)
        if lock and self._engine.dialect.name == "postgresql":
            query = query.with_for_update()
        row = session.scalars(query).one_or_none()
        if row is None:
            raise UnknownCaseError(str(ref).strip())
        return row

    def _version(self, session: Session, row: CaseRow, number: int | None = None) -> VersionRow:
        return session.scalars(
            select(VersionRow).where(
                VersionRow.case_id == row.id, VersionRow.number == (number or row.version)
            )
        ).one()

    @staticmethod
    def _registered(row: CaseRow, case: Case | None = None) -> RegisteredCase:
        assert row.ref is not None
        state: CaseState = row.state  # type: ignore[assignment]
        return RegisteredCase(
            row.ref, row.agreement, state, row.version, row.created_at, row.updated_at, case
        )

    # -- cases and versions ------------------------------------------------------------

    def add(self, case: CaseInput, *, by: str) -> RegisteredCase:
        """Register a new case (version 1, state draft); its reference is assigned here."""
        loaded = load_case(case)
        data = _dump(loaded)
        now = self.now()
        with self._unit(write=True) as session:
            row = CaseRow(
                agreement=loaded.agreement, state="draft", version=1, created_at=now, updated_at=now
            )
            session.add(row)
            session.flush()
            row.ref = f"{loaded.agreement.upper()}-{now.year}-{row.id:06d}"
            self._store_version(session, row, None, data, loaded, by, now)
            return self._registered(row, loaded)

    def save(
        self, ref: str, case: CaseInput, *, based_on: int, by: str, state: str | None = None
    ) -> RegisteredCase:
        """Save a new version of case ``ref``, edited from version ``based_on``.

        Raises `VersionConflictError` if someone saved the case after ``based_on``
        (optimistic locking: nobody's change is ever overwritten unseen).
        """
        loaded = load_case(case)
        new_state = _state(state) if state is not None else None
        now = self.now()
        with self._unit(write=True) as session:
            row = self._row(session, ref)
            if loaded.agreement != row.agreement:
                raise RegisterRefusedError(
                    row.ref or ref,
                    f"the case is under {row.agreement}; a version under {loaded.agreement} "
                    "cannot replace it (add it as a new case)",
                )
            before = self._version(session, row).data if row.version == based_on else None
            self._bump(session, row, based_on, now, new_state)
            self._store_version(session, row, before, _dump(loaded), loaded, by, now)
            return self._registered(row, loaded)

    def _bump(
        self,
        session: Session,
        row: CaseRow,
        based_on: int,
        now: dt.datetime,
        state: CaseState | None,
    ) -> None:
        values: dict[str, Any] = {"version": based_on + 1, "updated_at": now}
        if state is not None:
            values["state"] = state
        done = session.execute(
            update(CaseRow)
            .where(CaseRow.id == row.id, CaseRow.version == based_on)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            session.refresh(row)
            raise VersionConflictError(row.ref or "", based_on, row.version)
        session.refresh(row)

    def _store_version(
        self,
        session: Session,
        row: CaseRow,
        before: dict[str, Any] | None,
        data: dict[str, Any],
        case: Case,
        by: str,
        now: dt.datetime,
    ) -> None:
        session.add(
            VersionRow(
                case_id=row.id,
                number=row.version,
                state=row.state,
                saved_at=now,
                saved_by=_who(by),
                changes=list(changed(before, data)) if before is not None else ["*"],
                data=data,
            )
        )
        session.execute(delete(SubjectRow).where(SubjectRow.case_id == row.id))
        session.add_all(
            SubjectRow(case_id=row.id, role=p.role, names=p.tokens, born=p.born)
            for p in people(case)
        )
        self._store_deadlines(session, row, case)

    def _store_deadlines(self, session: Session, row: CaseRow, case: Case | None) -> None:
        """The open, dated limits of the current version, kept queryable by due date."""
        session.execute(delete(DeadlineRow).where(DeadlineRow.case_id == row.id))
        if row.state == "closed":
            return
        if case is None:
            case = _case_of(self._version(session, row).data)
        session.add_all(
            DeadlineRow(
                case_id=row.id,
                version=row.version,
                deadline=item.id,
                due=item.due,
                due_time=item.due_time,
                actor=item.actor,
                actor_state=item.actor_state,
                optional=item.optional,
            )
            for item in schedule(case).items
            if item.due is not None and item.done_on is None
        )

    def set_state(self, ref: str, state: str) -> RegisteredCase:
        """Set the state of case ``ref`` (draft, sent, answered, transferred, closed).

        A closed case has no open deadlines; the case data is not changed (no new version).
        """
        new = _state(state)
        with self._unit(write=True) as session:
            row = self._row(session, ref, lock=True)
            row.state = new
            row.updated_at = self.now()
            self._store_deadlines(session, row, None)
            return self._registered(row)

    def get(self, ref: str, version: int | None = None) -> RegisteredCase:
        """Case ``ref`` with its current (or the given) version's data as ``.case``."""
        with self._unit() as session:
            row = self._row(session, ref)
            if version is not None and not 1 <= version <= row.version:
                raise UnknownCaseError(f"{row.ref} version {version}")
            return self._registered(row, _case_of(self._version(session, row, version).data))

    def cases(self, *, state: str | None = None, limit: int | None = None) -> list[RegisteredCase]:
        """The registered cases, most recently saved first."""
        query = select(CaseRow).order_by(CaseRow.updated_at.desc(), CaseRow.id.desc())
        if state is not None:
            query = query.where(CaseRow.state == _state(state))
        if limit is not None:
            query = query.limit(limit)
        with self._unit() as session:
            return [self._registered(row) for row in session.scalars(query)]

    def find(
        self,
        text: str | None = None,
        *,
        agreement: str | None = None,
        state: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[CaseSummary]:
        """The cases to work on, due soonest first: those whose earliest open time limit
        comes first, then the cases with none open, most recently saved first.

        ``text`` finds a case by its reference (or a part of it) or by the names of the
        people in it (every word must begin a name, in any language's spelling);
        ``agreement`` and ``state`` keep the cases of one agreement or in one state.
        """
        from ._find import find_cases

        agreement_id = get_agreement(agreement).id if agreement is not None else None
        wanted = _state(state) if state is not None else None
        with self._unit() as session:
            return find_cases(session, text, agreement_id, wanted, max(limit, 0), max(offset, 0))

    def history(self, ref: str) -> list[SavedVersion]:
        """Every saved version of case ``ref``, oldest first."""
        with self._unit() as session:
            row = self._row(session, ref)
            return [
                SavedVersion(
                    row.ref or ref,
                    v.number,
                    v.state,  # type: ignore[arg-type]
                    v.saved_at,
                    v.saved_by,
                    tuple(v.changes),
                )
                for v in session.scalars(
                    select(VersionRow)
                    .where(VersionRow.case_id == row.id)
                    .order_by(VersionRow.number)
                )
            ]

    # -- documents -----------------------------------------------------------------------

    def render(
        self,
        ref: str,
        *,
        form: str,
        lang: str,
        by: str,
        format: str = "pdf",
        purpose: str = "default",
        draft: bool = False,
        keep: bool = False,
    ) -> tuple[RegisteredDocument, bytes]:
        """Render ``form`` of the current version of case ``ref`` and record the document.

        The same version rendered the same way gives the same bytes, recorded once.
        ``keep`` stores the bytes in the register too (otherwise only their SHA-256).
        """
        from .._render import render

        current = self.get(ref)
        assert current.case is not None
        data = render(
            current.case, form=form, lang=lang, format=format, draft=draft, purpose=purpose
        )
        document = self._document(
            current.ref,
            data,
            version=current.version,
            form=form,
            lang=parse_lang(lang).value,
            format=format.strip().lower(),
            purpose=purpose,
            draft=draft,
            by=by,
            keep=keep,
            derived_from=None,
        )
        return document, data

    def bundle(
        self,
        ref: str,
        *,
        by: str,
        forms: str | Sequence[str] = "applicable",
        langs: Sequence[str] | None = None,
        keep: bool = False,
    ) -> tuple[RegisteredDocument, bytes]:
        """The case bundle (`readmit_forms.bundle`) of the current version of case ``ref``,
        recorded as a document of form "bundle" in its first language.

        The case data the bundle attaches names its photo by file name only, as a case
        file beside its photo does: never the path the register keeps it at."""
        from .._bundle import bundle as make_bundle
        from .._bundle import bundle_langs

        current = self.get(ref)
        assert current.case is not None
        chosen = bundle_langs(get_agreement(current.agreement), langs)
        with tempfile.TemporaryDirectory(prefix="readmit-forms-bundle-") as folder:
            source = _case_file(current.case, Path(folder))
            data = make_bundle(source, forms=forms, langs=chosen)
        document = self._document(
            current.ref,
            data,
            version=current.version,
            form="bundle",
            lang=chosen[0].value,
            format="pdf",
            purpose="default",
            draft=False,
            by=by,
            keep=keep,
            derived_from=None,
        )
        return document, data

    def add_document(
        self, ref: str, data: bytes, *, derived_from: str, by: str, keep: bool = False
    ) -> RegisteredDocument:
        """Record ``data`` as made from registered document ``derived_from`` (SHA-256 or a
        prefix): a signed copy, a PDF printed from the DOCX. It belongs to the same
        case version, form and language."""
        with self._unit() as session:
            row = self._row(session, ref)
            source = self._find_document(session, row, derived_from)
        return self._document(
            ref,
            data,
            version=source.version,
            form=source.form,
            lang=source.lang,
            format=source.format,
            purpose=source.purpose,
            draft=source.draft,
            by=by,
            keep=keep,
            derived_from=source.sha256,
        )

    def _document(
        self,
        ref: str,
        data: bytes,
        *,
        version: int,
        form: str,
        lang: str,
        format: str,
        purpose: str,
        draft: bool,
        by: str,
        keep: bool,
        derived_from: str | None,
    ) -> RegisteredDocument:
        sha = _sha(data)
        with self._unit(write=True) as session:
            row = self._row(session, ref)
            found = session.scalars(
                select(DocumentRow).where(
                    DocumentRow.case_id == row.id,
                    DocumentRow.sha256 == sha,
                    DocumentRow.version == version,
                )
            ).first()
            if found is None:
                found = DocumentRow(
                    case_id=row.id,
                    version=version,
                    form=form,
                    lang=lang,
                    format=format,
                    purpose=purpose,
                    draft=draft,
                    sha256=sha,
                    size=len(data),
                    created_at=self.now(),
                    created_by=_who(by),
                    derived_from=derived_from,
                    content=data if keep else None,
                )
                session.add(found)
            elif keep and found.content is None:
                found.content = data
            return document_of(row.ref or ref, found)

    def documents(self, ref: str) -> list[RegisteredDocument]:
        """Every document recorded for case ``ref``, oldest first."""
        with self._unit() as session:
            row = self._row(session, ref)
            rows = session.scalars(
                select(DocumentRow).where(DocumentRow.case_id == row.id).order_by(DocumentRow.id)
            )
            return [document_of(row.ref or ref, d) for d in rows]

    def document_bytes(self, ref: str, sha256: str) -> bytes | None:
        """The bytes of a recorded document, if they were kept (``keep=True``)."""
        with self._unit() as session:
            row = self._row(session, ref)
            return self._find_document(session, row, sha256).content

    def _find_document(self, session: Session, row: CaseRow, sha256: str) -> DocumentRow:
        key = str(sha256).strip().lower()
        ref = row.ref or ""
        if len(key) < 8 or any(c not in "0123456789abcdef" for c in key):
            raise UnknownDocumentError(ref, sha256, "give its SHA-256 (at least 8 hex digits)")
        rows = list(
            session.scalars(
                select(DocumentRow)
                .where(DocumentRow.case_id == row.id, DocumentRow.sha256.startswith(key))
                .order_by(DocumentRow.version.desc(), DocumentRow.id.desc())
            )
        )
        if not rows:
            raise UnknownDocumentError(ref, sha256)
        if len({r.sha256 for r in rows}) > 1:
            raise UnknownDocumentError(ref, sha256, "the prefix fits several; give more digits")
        return rows[0]

    # -- the data-protection record --------------------------------------------------------

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
            case = _case_of(self._version(session, row).data)
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
            case = _case_of(current.data)
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
                content["sha256"], content["size"] = _sha(data), len(data)
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
                    session, row, current.data, _dump(new_case), new_case, by, self.now()
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
            recorded_by=_who(by),
            agreement=row.agreement,
            purpose=_clean(items.get("purpose")),
            content=content,
            sender_authority=_clean(items.get("sender-authority")),
            sender_person=_clean(items.get("sender-person")),
            recipient_authority=_clean(items.get("recipient-authority")),
            recipient_person=_clean(items.get("recipient-person")),
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

    # -- deadlines across cases -------------------------------------------------------------

    def due(
        self,
        *,
        within: int | None = None,
        overdue: bool = False,
        today: dt.date | None = None,
        limit: int | None = None,
        ref: str | None = None,
    ) -> list[OpenDeadline]:
        """Every open time limit across the register, soonest first.

        ``within`` keeps those due from ``today`` to N days later; ``overdue`` those
        whose day has passed; both together, the two. Neither: every open limit.
        Closed cases have none. ``ref`` keeps those of one case.
        """
        day = today or self.today()
        d = DeadlineRow
        query = (
            select(
                CaseRow.ref,
                CaseRow.agreement,
                d.deadline,
                d.due,
                d.due_time,
                d.actor,
                d.actor_state,
                d.optional,
            )
            .join(CaseRow, CaseRow.id == d.case_id)
            .order_by(d.due, d.due_time, CaseRow.ref, d.deadline)
        )
        if within is not None:
            query = query.where(d.due <= day + dt.timedelta(days=within))
            if not overdue:
                query = query.where(d.due >= day)
        elif overdue:
            query = query.where(d.due < day)
        if limit is not None:
            query = query.limit(limit)
        with self._unit() as session:
            if ref is not None:
                query = query.where(d.case_id == self._row(session, ref).id)
            return [
                OpenDeadline(
                    ref or "", agreement, deadline, due, due_time, actor, state, optional, due < day
                )
                for ref, agreement, deadline, due, due_time, actor, state, optional in (
                    session.connection().execute(query)  # Core rows: no ORM work per row
                )
            ]

    # -- the person's right to be told ------------------------------------------------------

    def subject(self, person: str, *, born: dt.date | None = None) -> Any:
        """The person ``person`` (a name, or a case reference), every case and entry about them."""
        from ._subjects import find_subject

        with self._unit() as session:
            return find_subject(session, person, born)

    def subject_report(
        self,
        person: str,
        *,
        lang: str | None = None,
        born: dt.date | None = None,
        format: str = "pdf",
    ) -> bytes:
        """What personal data of ``person`` were sent to or received from whom, when, why and
        under which article — as a document in ``lang`` (default: the person's language
        if it is kk, ru or en, else English), drawn by the normal backends."""
        from ..backends import backend
        from ._report import subject_document

        draw = backend(format)
        subject = self.subject(person, born=born)
        return draw(subject_document(subject, lang, self.now()))


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


def _case_file(case: Case, folder: Path) -> Path:
    """``case`` as a JSON case file in ``folder``, with a copy of its photo beside it."""
    data = _dump(case)
    photo = case.person.photo
    if photo is not None and photo.is_file():
        name = "photo" + photo.suffix.lower()
        shutil.copyfile(photo, folder / name)
        data["person"]["photo"] = name
    path = folder / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path


def _state(value: str) -> CaseState:
    key = str(value).strip().lower()
    for state in STATES:
        if key == state:
            return state
    raise UnknownStateError(value, STATES)


def _who(by: str) -> str:
    text = " ".join(str(by).split())
    if not text:
        raise RegisterRefusedError("", "say who does it (--by PERSON)")
    return text[:200]


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    return text or None
