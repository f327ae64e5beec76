"""``readmit-forms render`` with many cases: worker processes, the summary, ``--json``,
``--resume``, the progress bar on a terminal only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import DATA, SAMPLES, Result

CASES = sorted(str(p) for p in SAMPLES.glob("*.yaml"))
BAD = str(DATA / "bad" / "malformed.json")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix == ".pdf"}


def test_workers_write_what_one_process_writes(cli: Callable[..., Result], tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    args = ["render", *CASES, "--form", "all", "--lang", "kk,en", "--draft"]
    first = cli(*args, "-o", str(one), "--jobs", "1")
    second = cli(*args, "-o", str(two), "--jobs", "2")
    assert first.code == second.code == 0, second.err
    assert _files(one) == _files(two) and len(_files(one)) > 20
    assert first.err == second.err.replace(str(two), str(one))  # the same lines, in order
    assert second.err.splitlines()[-1] == f"{len(_files(two))} written, 0 refused, 0 failed"


def test_one_bad_case_never_stops_the_rest(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("render", BAD, *CASES, "--form", "readmission-request", "--lang", "ru",
                 "-o", str(tmp_path), "--jobs", "2", "--json")  # fmt: skip
    report = json.loads(result.out)
    assert result.code == 2  # the worst of the batch: an unreadable case
    assert report["failed"] >= 1 and report["written"] >= 5
    assert report["written"] == len(_files(tmp_path))
    statuses = {d["status"] for d in report["documents"]}
    assert statuses <= {"written", "refused", "failed"}
    (bad,) = [d for d in report["documents"] if d["case"] == BAD]
    assert bad["status"] == "failed" and "not valid JSON" in bad["problems"][0]
    refused = [d for d in report["documents"] if d["status"] == "refused"]
    assert all(d["problems"][-1].endswith("use --draft to render anyway") for d in refused)
    assert "Traceback" not in result.err


def test_resume_skips_only_unchanged_outputs(cli: Callable[..., Result], tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    shutil.copytree(SAMPLES, cases)
    family = cases / "kz-at-family.yaml"
    out = tmp_path / "out"
    args = ["render", str(family), str(cases / "kz-by-family.yaml"), "--lang", "all",
            "--form", "readmission-request", "-o", str(out), "--resume", "-j", "2"]  # fmt: skip
    assert cli(*args).err.splitlines()[-1] == "6 written, 0 refused, 0 failed"
    again = cli(*args)
    assert again.err.splitlines()[-1] == (
        "0 written, 0 refused, 0 failed, 6 skipped (--resume: unchanged)"
    )
    family.write_text(family.read_text("utf-8").replace("Ерлан", "Ержан"), "utf-8")
    (out / "kz-by-family.readmission-request.kk.pdf").unlink()
    third = cli(*args)
    assert third.err.splitlines()[-1] == (
        "4 written, 0 refused, 0 failed, 2 skipped (--resume: unchanged)"
    )


def test_quiet_prints_only_problems(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("render", BAD, CASES[0], "--form", "readmission-request", "--lang", "en",
                 "-o", str(tmp_path), "--quiet")  # fmt: skip
    assert result.err.splitlines() == [line for line in result.err.splitlines() if BAD in line]


def test_the_progress_bar_shows_on_a_terminal_only(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("readmit-forms")
    args = [str(exe), "render", *CASES[:4], "--form", "all", "--lang", "en", "--draft"]
    leader, follower = os.openpty()
    try:
        on_tty = subprocess.run(
            [*args, "-o", str(tmp_path / "a")], stderr=follower, stdout=subprocess.PIPE,
            timeout=300, check=True, env={**os.environ, "COLUMNS": "100"},
        )  # fmt: skip
        os.close(follower)
        shown = b""
        while chunk := _read(leader):
            shown += chunk
    finally:
        os.close(leader)
    assert on_tty.returncode == 0
    assert "━" in shown.decode("utf-8", "replace")  # rich's bar
    assert b"wrote " not in shown  # the bar and the summary say it
    assert shown.decode().splitlines()[-1].strip().endswith("0 refused, 0 failed")
    piped = subprocess.run([*args, "-o", str(tmp_path / "b")], capture_output=True, timeout=300)
    assert "━" not in piped.stderr.decode() and "\x1b" not in piped.stderr.decode()
    assert piped.stderr.decode().count("wrote ") == len(_files(tmp_path / "b"))


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal's other end is closed
        return b""
