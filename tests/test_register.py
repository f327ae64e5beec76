"""The case register through its Python API, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

import readmit_forms as rf
from conftest import SAMPLES, pdf_text
from office_cases import sample_dict
from registers import Clock, db_url, postgres_server, postgres_url  # noqa: F401

FAMILY = SAMPLES / "kz-at-family.yaml"
START = dt.datetime(2026, 11, 16, 8, 0, tzinfo=dt.UTC)
SURNAMES = ("Zhumabekov", "Жумабеков", "Жұмабеков")


def html_text(data: bytes) -> str:
    from html.parser import HTMLParser

    parts: list[str] = []

    class _Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

    _Text().feed(data.decode("utf-8"))
    return " ".join(" ".join(parts).split())


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def register(db_url: str, clock: Clock) -> Any:  # noqa: F811
    with rf.Register(db_url, clock=clock) as opened:
        yield opened


def test_done_when_add_render_transmit_receive_due_purge_report(
    register: rf.Register, clock: Clock
) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    assert re.fullmatch(r"KZ-AT-2026-\d{6}", entry.ref)
    assert (entry.version, entry.state) == (1, "draft")

    document, pdf = register.render(
        entry.ref, form="readmission-request", lang="en", purpose="submission", by="A. Clerk"
    )
    assert pdf.startswith(b"%PDF") and document.size == len(pdf) and document.version == 1

    clock.advance(hours=2)
    sent = register.transmit(
        entry.ref, document=document.sha256[:10], to="kz-mia", purpose="readmission", by="A. Clerk"
    )
    assert sent.kind == "transmission"
    assert (sent.sender_authority, sent.recipient_authority) == ("at-bfa", "kz-mia")
    assert (
        sent.content["form"] == "readmission-request"
        and "particulars" in sent.content["categories"]
    )
    assert sent.retain_until == dt.date(2029, 11, 16)  # KZ–AT Art. 12(3): three years
    assert register.get(entry.ref).state == "sent"

    clock.now = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
    received = register.receive(
        entry.ref,
        sender="kz-mia",
        purpose="reply",
        reply=True,
        reply_date=dt.date(2026, 11, 24),
        by="A. Clerk",
    )
    assert received.kind == "receipt" and received.content["reply"]["positive"] is True
    current = register.get(entry.ref)
    assert (current.version, current.state) == (2, "answered")
    assert current.case is not None and current.case.reply is not None
    assert current.case.reply.date == dt.date(2026, 11, 24)

    # The deadline that the positive reply opened: the travel document within 3 days (Art. 5(7)).
    due = register.due(within=7)
    assert due[0].ref == entry.ref and due[0].deadline == "at-travel-document"
    assert due[0].due == dt.date(2026, 11, 27) and due[0].actor_state == "KZ"
    assert [d.due for d in due] == sorted(d.due for d in due)

    before = {
        lang: register.subject_report("Zhumabekov Yerlan", lang=lang, format="html")
        for lang in ("kk", "ru", "en")
    }
    assert "2026-11-16 10:00" in html_text(before["en"])
    assert "transmitted to" in html_text(before["en"]) and "received from" in html_text(
        before["en"]
    )
    assert "Art. 12(4)" in html_text(before["en"])

    # Retention: nothing goes before the three years are over, then every entry at once.
    clock.now = dt.datetime(2029, 11, 16, 12, 0, tzinfo=dt.UTC)
    assert register.purge().destroyed == ()
    clock.now = dt.datetime(2029, 11, 26, 12, 0, tzinfo=dt.UTC)
    dry = register.purge(dry_run=True)
    assert len(dry.destroyed) == 2 and dry.recorded == ()
    assert len(register.records(entry.ref)) == 2  # a dry run changes nothing
    purged = register.purge(by="Data officer")
    assert {r.kind for r in purged.destroyed} == {"transmission", "receipt"}
    assert [r.kind for r in purged.recorded] == ["deletion", "deletion"]
    left = register.records(entry.ref)
    assert [r.kind for r in left] == ["deletion", "deletion"]
    assert {r.content["destroyed"]["kind"] for r in left} == {"transmission", "receipt"}
    assert left[0].retain_until == dt.date(2032, 11, 26)  # the deletion's record is kept too

    for lang, word, destroyed in (
        ("en", "record destroyed", "the entry on the transmission of"),
        ("ru", "запись уничтожена", "запись о передаче от"),
        ("kk", "жазба жойылды", "беру туралы жазба"),
    ):
        report = html_text(
            register.subject_report(
                "Жумабеков", born=dt.date(1988, 4, 12), lang=lang, format="html"
            )
        )
        assert word in report and destroyed in report, lang
        assert entry.ref in report
    pdf_report = register.subject_report(entry.ref, lang="ru")
    assert pdf_report.startswith(b"%PDF")
    assert entry.ref in pdf_text(pdf_report)

    # After its own three years the record of the destruction goes too, unrecorded.
    clock.now = dt.datetime(2032, 11, 27, 12, 0, tzinfo=dt.UTC)
    last = register.purge()
    assert len(last.destroyed) == 2 and last.recorded == ()
    assert register.records(entry.ref) == []


def test_transmit_refuses_a_document_of_an_older_version(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    document, _ = register.render(entry.ref, form="readmission-request", lang="en", by="A")
    changed = sample_dict()
    changed["letter"]["number"] = "BFA-2026/RÜ/004518"
    register.save(entry.ref, changed, based_on=1, by="B. Clerk")
    with pytest.raises(rf.StaleDocumentError) as caught:
        register.transmit(entry.ref, document=document.sha256, to="kz-mia", purpose="x", by="A")
    assert (caught.value.version, caught.value.current) == (1, 2)
    assert register.records(entry.ref) == []


def test_transmit_of_a_document_not_in_the_register(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    with pytest.raises(rf.UnknownDocumentError):
        register.transmit(entry.ref, document="0" * 64, to="kz-mia", purpose="x", by="A")
    with pytest.raises(rf.UnknownDocumentError):
        register.transmit(entry.ref, document="abc", to="kz-mia", purpose="x", by="A")


def test_drafts_are_not_sent(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    draft, _ = register.render(entry.ref, form="handover-notice", lang="en", draft=True, by="A")
    with pytest.raises(rf.RegisterRefusedError):
        register.transmit(entry.ref, document=draft.sha256, to="kz-mia", purpose="x", by="A")


def test_second_saver_gets_a_conflict_and_nothing_is_lost(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    first, second = sample_dict(), sample_dict()
    first["notes"] = "first clerk"
    second["notes"] = "second clerk"
    assert register.save(entry.ref, first, based_on=1, by="A. Clerk").version == 2
    with pytest.raises(rf.VersionConflictError) as caught:
        register.save(entry.ref, second, based_on=1, by="B. Clerk")
    assert (caught.value.based_on, caught.value.current) == (1, 2)
    history = register.history(entry.ref)
    assert [(v.number, v.saved_by) for v in history] == [(1, "A. Clerk"), (2, "A. Clerk")]
    assert history[1].changes == ("notes",)
    current = register.get(entry.ref).case
    assert current is not None and current.notes == "first clerk"


def test_history_keeps_every_version(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    data = sample_dict()
    data["handover"]["date"] = "2026-12-04"
    register.save(entry.ref, data, based_on=1, by="B. Clerk")
    old = register.get(entry.ref, version=1).case
    assert old is not None and old.handover is not None
    assert old.handover.date == dt.date(2026, 12, 3)
    assert register.history(entry.ref)[1].changes == ("handover.date",)


def test_a_failure_mid_write_leaves_the_register_as_it_was(
    register: rf.Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    before = register.due(today=dt.date(2026, 11, 20))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk is gone")

    monkeypatch.setattr(rf.Register, "_store_deadlines", broken)
    changed = sample_dict()
    changed["handover"]["date"] = "2026-12-10"
    with pytest.raises(RuntimeError):
        register.save(entry.ref, changed, based_on=1, by="B. Clerk")
    monkeypatch.undo()
    assert register.get(entry.ref).version == 1
    assert len(register.history(entry.ref)) == 1
    assert register.due(today=dt.date(2026, 11, 20)) == before
    assert register.save(entry.ref, changed, based_on=1, by="B. Clerk").version == 2


def test_closed_cases_have_no_open_deadlines(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    assert register.due()
    register.set_state(entry.ref, "closed")
    assert register.due() == []
    register.set_state(entry.ref, "transferred")
    assert register.due()
    with pytest.raises(rf.UsageError):
        register.set_state(entry.ref, "lost")


def test_kz_hu_record_names_the_persons(register: rf.Register) -> None:
    entry = register.add(SAMPLES / "kz-hu-overstay.yaml", by="A. Clerk")
    document, _ = register.render(entry.ref, form="readmission-request", lang="en", by="A")
    with pytest.raises(rf.RecordIncompleteError) as caught:
        register.transmit(entry.ref, document=document.sha256, to="Hungarian police", by="A")
    assert "receiving person" in str(caught.value) and "Art. 5(2)(6)" in str(caught.value)
    sent = register.transmit(
        entry.ref,
        document=document.sha256,
        to="Hungarian police",
        recipient_person="Officer on duty",
        by="A. Clerk",
    )
    assert sent.retain_until is None  # KZ–HU sets no period: purge keeps it
    assert sent.purpose is None  # KZ–HU Art. 5(2)(6) does not ask for the purpose
    assert register.purge().destroyed == ()


def test_documents_derived_from_a_registered_one(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    source, pdf = register.render(entry.ref, form="readmission-request", lang="en", by="A")
    again, _ = register.render(entry.ref, form="readmission-request", lang="en", by="A")
    assert again == source  # the same bytes are recorded once
    signed = register.add_document(
        entry.ref, pdf + b"%signature", derived_from=source.sha256[:12], by="A", keep=True
    )
    assert (signed.version, signed.form, signed.derived_from) == (1, source.form, source.sha256)
    assert register.document_bytes(entry.ref, signed.sha256) == pdf + b"%signature"
    assert register.document_bytes(entry.ref, source.sha256) is None  # not kept
    assert len(register.documents(entry.ref)) == 2


def test_the_subject_is_found_by_any_spelling_and_told_apart(register: rf.Register) -> None:
    first = register.add(FAMILY, by="A. Clerk")
    other = sample_dict()
    other["person"]["date_of_birth"] = "1990-01-01"  # a namesake
    second = register.add(other, by="A. Clerk")
    for name in ("Жұмабеков Ерлан", "ZHUMABEKOV yerlan"):
        with pytest.raises(rf.UnknownPersonError) as caught:
            register.subject(name)
        assert caught.value.matches == (first.ref, second.ref)
    subject = register.subject("Жумабеков Ерлан", born=dt.date(1988, 4, 12))
    assert [c[0] for c in subject.cases] == [first.ref]
    child = register.subject("Aruzhan")
    assert child.cases == (
        (first.ref, "kz-at", "children[1]"),
        (second.ref, "kz-at", "children[1]"),
    )
    with pytest.raises(rf.UnknownPersonError):
        register.subject("Nobody")


def test_unknown_reference(register: rf.Register) -> None:
    with pytest.raises(rf.UnknownCaseError) as caught:
        register.get("KZ-AT-2026-999999")
    assert "KZ-AT-2026-999999" in str(caught.value)


def test_threads_share_one_register(register: rf.Register) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def work(index: int) -> str:
        data = sample_dict()
        data["letter"]["number"] = f"T-{index}"
        entry = register.add(data, by=f"thread {index}")
        register.render(entry.ref, form="handover-notice", lang="ru", by=f"thread {index}")
        return entry.ref

    with ThreadPoolExecutor(max_workers=6) as pool:
        refs = list(pool.map(work, range(12)))
    assert len(set(refs)) == 12
    assert len(register.cases()) == 12


def test_someone_must_do_it(register: rf.Register) -> None:
    with pytest.raises(rf.RegisterRefusedError) as caught:
        register.add(FAMILY, by="  ")
    assert str(caught.value) == "say who does it (--by PERSON)"
    assert register.cases() == []


def test_errors_carry_no_personal_data(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    errors: list[Exception] = []
    calls = [
        lambda: register.get("nope"),
        lambda: register.transmit(entry.ref, document="f" * 64, to="x", purpose="y", by="A"),
        lambda: register.save(entry.ref, FAMILY, based_on=7, by="A"),
        lambda: register.subject("Zhumabekov"),
    ]
    for call in calls:
        with pytest.raises(rf.RegisterError) as caught:
            call()
        errors.append(caught.value)
    for error in errors:
        line = str(error)
        assert "\n" not in line
        assert not any(name.lower() in line.lower() for name in (*SURNAMES, "Yerlan", "1988"))


# -- storage --------------------------------------------------------------------------------


def test_migrations_give_exactly_the_models(db_url: str) -> None:  # noqa: F811
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from readmit_forms._register._schema import Base

    rf.Register(db_url).close()
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_a_register_of_a_newer_schema_is_refused(db_url: str) -> None:  # noqa: F811
    rf.Register(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(rf.RegisterSchemaError) as caught:
        rf.Register(db_url)
    assert "0099" in str(caught.value) and "upgrade readmit-forms" in str(caught.value)


def test_an_unreachable_database() -> None:
    with pytest.raises(rf.RegisterUnavailableError) as caught:
        rf.Register("postgresql://clerk:secret@127.0.0.1:1/register")
    line = str(caught.value)
    assert "secret" not in line and "\n" not in line and "127.0.0.1:1" in line


def test_sqlite_file_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "register.sqlite3"
    with rf.Register(f"sqlite:///{path}") as register:
        register.add(FAMILY, by="A. Clerk")
    assert path.stat().st_mode & 0o777 == 0o600
    import sqlite3

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_register_is_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("READMIT_FORMS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with rf.Register() as register:
        assert register.url.endswith("/data/readmit-forms/register.sqlite3")
    assert (tmp_path / "data" / "readmit-forms" / "register.sqlite3").is_file()
    monkeypatch.setenv("READMIT_FORMS_DB", f"sqlite:///{tmp_path / 'other.sqlite3'}")
    with rf.Register() as register:
        assert register.url.endswith("other.sqlite3")


def test_report_is_drawn_by_every_backend(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    for fmt in ("pdf", "docx", "html"):
        data = register.subject_report(entry.ref, format=fmt)
        assert data[:4] in (b"%PDF", b"PK\x03\x04", b"<!DO")
    docx = register.subject_report(entry.ref, lang="en", format="docx")
    from docx import Document as Docx

    text_of = "\n".join(p.text for p in Docx(io.BytesIO(docx)).paragraphs)
    assert "No personal data of this case have been transmitted or received." in text_of
    # By default in the person's own language (the sample's person speaks kk and ru).
    assert "мүдделі адамға есеп" in html_text(register.subject_report(entry.ref, format="html"))


def test_the_newest_schema_version_is_the_migrations_head() -> None:
    from readmit_forms._register._store import HEAD, revisions

    assert revisions()[-1] == HEAD and revisions()[0] == "0001"


def test_due_within_and_overdue(register: rf.Register) -> None:
    register.add(FAMILY, by="A. Clerk")
    everything = register.due(today=dt.date(2026, 12, 2))
    days = [d.due for d in everything]
    assert days == sorted(days) and len(days) >= 2
    late = register.due(overdue=True, today=dt.date(2026, 12, 2))
    assert late and all(d.overdue and d.due < dt.date(2026, 12, 2) for d in late)
    coming = register.due(within=30, today=dt.date(2026, 12, 2))
    assert coming and all(dt.date(2026, 12, 2) <= d.due <= dt.date(2027, 1, 1) for d in coming)
    both = register.due(within=30, overdue=True, today=dt.date(2026, 12, 2))
    assert both == late + coming


def test_find_by_reference_name_and_agreement_due_soonest_first(
    register: rf.Register, clock: Clock
) -> None:
    late = sample_dict()
    late["handover"]["date"] = "2026-12-10"  # its limits run later
    first = register.add(FAMILY, by="A. Clerk")
    clock.advance(minutes=1)
    second = register.add(late, by="A. Clerk")
    clock.advance(minutes=1)
    hungary = register.add(SAMPLES / "kz-hu-overstay.yaml", by="A. Clerk")
    register.set_state(hungary.ref, "closed")  # no open limit: after the others

    listed = register.find()
    assert [s.ref for s in listed] == [first.ref, second.ref, hungary.ref]
    assert listed[0].next_due is not None and listed[1].next_due is not None
    assert listed[0].next_due < listed[1].next_due and listed[2].next_due is None
    assert listed[0].next_deadline is not None
    assert listed[0].names["en"].startswith("Zhumabekov")
    assert listed[0].names["kk"].startswith("Жұмабеков")
    assert listed[0].to_dict()["next_due"] == listed[0].next_due.isoformat()

    for asked in ("Жұмабеков", "zhumabekov yer", "ЖУМАБ", first.ref.lower(), first.ref[-6:]):
        assert first.ref in [s.ref for s in register.find(asked)], asked
    assert [s.ref for s in register.find(first.ref[-6:])] == [first.ref]
    assert register.find("Nobody Atall") == []
    assert register.find("100%_") == []  # LIKE's own characters are only characters
    assert [s.ref for s in register.find(agreement="kz-hu")] == [hungary.ref]
    assert [s.ref for s in register.find("kz-at", agreement="KZ-AT")] == [first.ref, second.ref]
    assert [s.ref for s in register.find(state="closed")] == [hungary.ref]
    assert [s.ref for s in register.find(limit=1, offset=1)] == [second.ref]
    with pytest.raises(rf.UnknownAgreementError):
        register.find(agreement="kz-xx")


def test_the_bundle_of_a_registered_case_is_recorded(register: rf.Register) -> None:
    entry = register.add(FAMILY, by="A. Clerk")
    document, pdf = register.bundle(entry.ref, by="A. Clerk", langs=["en", "ru"])
    assert pdf.startswith(b"%PDF") and document.size == len(pdf)
    assert (document.form, document.lang, document.format, document.version) == (
        "bundle",
        "en",
        "pdf",
        1,
    )
    assert register.documents(entry.ref) == [document]
    contents = rf.extract(pdf)
    assert {(d.form, d.lang) for d in contents.documents} >= {("readmission-request", "ru")}
    attached = json.loads(contents.case_json)  # the photo by its name, not the register's path
    assert attached["person"]["photo"] == "photo.jpg"
    record = register.transmit(
        entry.ref, document=document.sha256, to="kz-mia", purpose="readmission", by="A"
    )
    assert record.content["form"] == "bundle"
