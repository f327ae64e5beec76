"""The register and due commands as a clerk types them (in-process), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, text

from conftest import SAMPLES, Result, pdf_text
from registers import Clock, db_url, postgres_server, postgres_url  # noqa: F401

FAMILY = str(SAMPLES / "kz-at-family.yaml")
Cli = Callable[..., Result]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock(dt.datetime(2026, 11, 16, 8, 0, tzinfo=dt.UTC))
    monkeypatch.setattr("readmit_forms._register._clock.now", clock)
    return clock


@pytest.fixture
def reg(cli: Cli, db_url: str, clock: Clock) -> Cli:  # noqa: F811
    """``readmit-forms register ... --db URL``."""

    def run(*args: str) -> Result:
        return cli("register", *args, "--db", db_url)

    return run


def one_line(result: Result) -> str:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    return lines[0]


def test_a_clerks_day(reg: Cli, cli: Cli, db_url: str, clock: Clock, tmp_path: Path) -> None:  # noqa: F811
    assert reg("init").code == 0
    added = reg("add", FAMILY, "--by", "A. Clerk")
    assert added.code == 0, added.err
    ref = added.out.strip()

    rendered = reg(
        "render", ref, "--form", "readmission-request", "--lang", "en", "-o", str(tmp_path) + "/"
    )
    assert rendered.code == 0, rendered.err
    (pdf,) = tmp_path.glob("*.pdf")
    assert pdf.name == f"{ref}.v1.readmission-request.en.pdf"

    clock.advance(hours=1)
    sent = reg(
        "transmit",
        ref,
        "--document",
        str(pdf),
        "--to",
        "kz-mia",
        "--purpose",
        "readmission",
        "--by",
        "A. Clerk",
    )
    assert sent.code == 0, sent.err
    clock.now = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)
    got = reg(
        "receive",
        ref,
        "--from",
        "kz-mia",
        "--purpose",
        "reply",
        "--reply",
        "positive",
        "--reply-date",
        "2026-11-24",
        "--by",
        "A. Clerk",
    )
    assert got.code == 0, got.err

    due = cli("due", "--within", "7d", "--lang", "ru", "--db", db_url)
    assert due.code == 0, due.err
    first = due.out.splitlines()[1]
    assert first.startswith("2026-11-27") and ref in first and "ст. 5" in first
    assert "запрашиваемая Сторона: Казахстан" in first
    machine = json.loads(cli("due", "--json", "--db", db_url).out)
    assert machine["deadlines"][0]["deadline"] == "at-travel-document"
    assert machine["deadlines"][0]["article"].endswith("Art. 5(7)")
    assert cli("due", "--overdue", "--db", db_url).out.splitlines()[1:] == [
        "No open time limit in the register."
    ]

    history = reg("history", ref)
    assert "reply.date, reply.positive, reply.received_on" in history.out
    shown = json.loads(reg("show", ref, "--json").out)
    assert shown["state"] == "answered" and len(shown["records"]) == 2

    clock.now = dt.datetime(2029, 11, 26, 12, 0, tzinfo=dt.UTC)
    dry = reg("purge", "--dry-run")
    assert dry.code == 0 and dry.out.count("would destroy") == 2
    purged = reg("purge", "--json")
    assert len(json.loads(purged.out)["recorded"]) == 2
    records = json.loads(reg("records", ref, "--json").out)
    assert [r["kind"] for r in records] == ["deletion", "deletion"]

    for lang, word in (("kk", "жойылды"), ("ru", "уничтожена"), ("en", "destroyed")):
        out = tmp_path / f"report.{lang}.pdf"
        report = reg(
            "subject-report",
            "Жұмабеков Ерлан",
            "--born",
            "1988-04-12",
            "--lang",
            lang,
            "-o",
            str(out),
        )
        assert report.code == 0, report.err
        assert word in pdf_text(out.read_bytes()).replace("\n", " "), lang


def test_a_second_saver_gets_exit_1(reg: Cli, tmp_path: Path) -> None:
    ref = reg("add", FAMILY).out.strip()
    data = yaml.safe_load(Path(FAMILY).read_text("utf-8"))
    data["notes"] = "edited"
    # a case file's photo must be in its folder (issue 10): copied beside the edited case
    shutil.copy(SAMPLES / "photos" / "specimen-portrait.jpg", tmp_path)
    data["person"]["photo"] = "specimen-portrait.jpg"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), "utf-8")
    assert reg("save", ref, str(edited), "--version", "1").code == 0
    second = reg("save", ref, str(edited), "--version", "1")
    assert second.code == 1
    assert "was saved as version 2 after version 1" in one_line(second)


def test_show_case_round_trips_for_editing(reg: Cli, tmp_path: Path) -> None:
    ref = reg("add", FAMILY).out.strip()
    data = json.loads(reg("show", ref, "--case").out)
    data["handover"]["date"] = "2026-12-05"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), "utf-8")
    # the stored photo path is the sample's, outside this folder: refused unless allowed
    refused = reg("save", ref, str(path), "--version", "1")
    assert refused.code == 1 and "person.photo" in refused.err
    assert reg("save", ref, str(path), "--version", "1", "--allow-photo-outside").code == 0
    assert "handover.date" in reg("history", ref).out


def test_bad_input_gets_one_clear_line(reg: Cli, cli: Cli, db_url: str, tmp_path: Path) -> None:  # noqa: F811
    ref = reg("add", FAMILY).out.strip()
    unknown = reg("show", "KZ-AT-2026-424242")
    assert unknown.code == 2 and "no case 'KZ-AT-2026-424242'" in one_line(unknown)

    stranger = tmp_path / "stranger.pdf"
    stranger.write_bytes(b"%PDF-1.7 not from the register")
    not_there = reg(
        "transmit", ref, "--document", str(stranger), "--to", "kz-mia", "--purpose", "readmission"
    )
    assert not_there.code == 2 and "no document" in one_line(not_there)

    no_purpose = reg(
        "render", ref, "--form", "handover-notice", "--lang", "en", "-o", str(tmp_path / "n.pdf")
    )
    assert no_purpose.code == 0
    missing = reg("transmit", ref, "--document", str(tmp_path / "n.pdf"), "--to", "kz-mia")
    assert missing.code == 1 and "Art. 12(3)" in one_line(missing)

    unreachable = cli("register", "list", "--db", "postgresql://clerk:pw@127.0.0.1:1/register")
    line = one_line(unreachable)
    assert (
        unreachable.code == 2
        and line.startswith("cannot open the register at")
        and ":pw@" not in line
    )
    nonsense = cli("due", "--db", "not a url")
    assert nonsense.code == 2 and "not a database URL" in one_line(nonsense)
    bad_period = cli("due", "--within", "soon", "--db", db_url)
    assert bad_period.code == 2 and "unknown period" in one_line(bad_period)

    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0042'"))
    engine.dispose()
    newer = reg("list")
    assert newer.code == 2 and "schema version 0042" in one_line(newer)


def test_errors_name_no_person(reg: Cli) -> None:
    ref = reg("add", FAMILY).out.strip()
    for result in (
        reg("subject-report", "Zhumabekov"),
        reg("show", ref + "0"),
        reg("subject-report", "Nobody At-All"),
    ):
        line = one_line(result)
        assert "Zhumabekov" not in line and "Ерлан" not in line and "1988" not in line


def test_list_and_state(reg: Cli, cli: Cli, db_url: str) -> None:  # noqa: F811
    first = reg("add", FAMILY).out.strip()
    reg("add", str(SAMPLES / "kz-by-family.yaml"))
    listed = reg("list").out.splitlines()
    assert len(listed) == 2 and all(" draft " in line for line in listed)
    assert reg("state", first, "closed").code == 0
    assert [line.split()[0] for line in reg("list", "--state", "closed").out.splitlines()] == [
        first
    ]
    due = json.loads(cli("due", "--json", "--db", db_url).out)["deadlines"]
    assert due and first not in {d["ref"] for d in due}
