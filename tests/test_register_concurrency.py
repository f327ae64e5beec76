"""Several clerks' processes writing at once lose nothing; a process killed mid-write changes
nothing. SQLite with 4 processes, PostgreSQL with 8."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import SAMPLES
from registers import db_url, postgres_server, postgres_url  # noqa: F401

WORKER = Path(__file__).resolve().parent / "register_worker.py"
STEPS = 5


def _run(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_concurrent_writers_lose_nothing(db_url: str) -> None:  # noqa: F811
    processes = 4 if db_url.startswith("sqlite") else 8
    with rf.Register(db_url) as register:
        shared = register.add(SAMPLES / "kz-at-family.yaml", by="lead").ref
    workers = [_run(db_url, str(n), str(STEPS), shared) for n in range(processes)]
    for worker in workers:
        _out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
    with rf.Register(db_url) as register:
        assert len(register.cases()) == 1 + processes * STEPS
        history = register.history(shared)
        assert [v.number for v in history] == list(range(1, processes * STEPS + 2))
        notes = set()
        for version in range(2, processes * STEPS + 2):
            case = register.get(shared, version).case
            assert case is not None
            notes.add(case.notes)
        expected = {f"worker {n} step {s}" for n in range(processes) for s in range(STEPS)}
        assert notes == expected  # every save is there, none overwritten unseen
        refs = {c.ref for c in register.cases()}
        assert len(refs) == 1 + processes * STEPS


def test_a_process_killed_mid_write_changes_nothing(db_url: str) -> None:  # noqa: F811
    with rf.Register(db_url) as register:
        shared = register.add(SAMPLES / "kz-at-family.yaml", by="lead").ref
        due_before = register.due()
    crashing = _run(db_url, "crash", shared)
    out, _err = crashing.communicate(timeout=120)
    assert "mid-write" in out and crashing.returncode == -9
    with rf.Register(db_url) as register:
        current = register.get(shared)
        assert current.version == 1 and len(register.history(shared)) == 1
        assert current.case is not None and current.case.notes != "never saved"
        assert register.due() == due_before
        assert register.save(shared, SAMPLES / "kz-at-family.yaml", based_on=1, by="B").version == 2
