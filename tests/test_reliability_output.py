"""The CLI's batch and output files (reliability audit F6, F11, F13): a batch goes on past
anything, unwritable outputs are one line and exit 2, files get the umask's permissions,
temporary files never stay behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SAMPLES, Result

FAMILY = SAMPLES / "kz-at-family.yaml"
BY = SAMPLES / "kz-by-family.yaml"


def test_a_folder_in_the_way_is_one_line_and_the_rest_is_written(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "kz-at-family.readmission-request.kk.pdf").mkdir()
    result = cli(
        "render", str(FAMILY), str(BY), "--form", "readmission-request", "--lang", "all",
        "-o", f"{tmp_path}/",
    )  # fmt: skip
    assert result.code == 2
    *problems, summary = [line for line in result.err.splitlines() if not line.startswith("wrote ")]
    assert len(problems) == 1 and "cannot be written" in problems[0], result.err
    assert summary == "5 written, 0 refused, 1 failed"
    assert len([p for p in tmp_path.iterdir() if p.is_file()]) == 5


def test_an_impossible_output_folder_is_exit_2(cli: Callable[..., Result]) -> None:
    result = cli(
        "render", str(FAMILY), "--form", "readmission-request", "--lang", "en",
        "-o", "/proc/nope/x.pdf",
    )  # fmt: skip
    assert result.code == 2
    assert "cannot be written" in result.err and "internal error" not in result.err


def test_a_batch_goes_on_past_a_bug(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readmit_forms._cli import render as render_command

    real = render_command.render

    def flaky(case, **kwargs):  # type: ignore[no-untyped-def]
        if case.agreement == "kz-at":
            raise ValueError("secret 0123456789")
        return real(case, **kwargs)

    monkeypatch.setattr(render_command, "render", flaky)
    result = cli(
        "render", str(FAMILY), str(BY), "--form", "readmission-request", "--lang", "en",
        "-o", str(tmp_path),
    )  # fmt: skip
    assert result.code == 3
    assert "kz-at-family.yaml [readmission-request, en]: internal error (ValueError)" in result.err
    assert "0123456789" not in result.err
    assert [p.name for p in tmp_path.iterdir()] == ["kz-by-family.readmission-request.en.pdf"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_output_files_get_the_umask_permissions(tmp_path: Path, umask: int, mode: int) -> None:
    out = tmp_path / "x.pdf"
    out.write_bytes(b"old")
    out.chmod(0o600)
    code = (
        f"import os; os.umask({umask}); from readmit_forms._cli import main; "
        f"raise SystemExit(main(['render', {str(FAMILY)!r}, '--form', 'readmission-request', "
        f"'--lang', 'en', '-o', {str(out)!r}]))"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    assert out.stat().st_mode & 0o777 == mode
    assert not list(tmp_path.glob(".*.part"))


def test_proof_to_a_folder_that_does_not_exist_yet(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = cli("proof", str(FAMILY), "--form", "readmission-request", "-o", f"{tmp_path}/out4/")
    assert result.code == 0, result.err
    assert (tmp_path / "out4" / "kz-at-family.readmission-request.proof.pdf").is_file()


def test_stale_temporary_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    from readmit_forms._cli._common import write_atomic

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = tmp_path / f".x.pdf.{dead.stdout.strip()}.0123456789abcdef.part"
    stale.write_bytes(b"half")
    old = tmp_path / ".x.pdf.a1b2c3d4.part"  # an older version's name
    old.write_bytes(b"half")
    os.utime(old, (time.time() - 3 * 86400,) * 2)
    alive = tmp_path / f".x.pdf.{os.getppid()}.fedcba9876543210.part"  # a running writer's
    alive.write_bytes(b"in progress")
    write_atomic(tmp_path / "x.pdf", b"new")
    assert (tmp_path / "x.pdf").read_bytes() == b"new"
    assert not stale.exists() and not old.exists()
    assert alive.exists()


def test_a_batch_removes_the_stale_temporary_files_of_every_name_once(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / f".{name}.{dead.stdout.strip()}.0123456789abcdef.part"
             for name in ("kz-at-family.readmission-request.en.pdf", "other.pdf")]  # fmt: skip
    for path in stale:
        path.write_bytes(b"half")
    alive = out / f".other.pdf.{os.getppid()}.fedcba9876543210.part"
    alive.write_bytes(b"in progress")
    result = cli("render", str(FAMILY), "--form", "readmission-request", "--lang", "en,kk",
                 "-o", f"{out}/", "--quiet")  # fmt: skip
    assert result.code == 0, result.err
    assert not any(path.exists() for path in stale)
    assert alive.exists()
    assert (out / "kz-at-family.readmission-request.kk.pdf").is_file()


def test_sigterm_leaves_no_temporary_file(tmp_path: Path) -> None:
    # A child that writes a large file slowly; SIGTERM arrives while the .part file exists.
    code = (
        "import os, sys, time\n"
        "from readmit_forms._cli import _common, _terminate\n"
        "import signal\n"
        "signal.signal(signal.SIGTERM, _terminate)\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30); real(fd)\n"
        "_common.os.fsync = slow\n"
        "from pathlib import Path\n"
        "try:\n"
        f"    _common.write_atomic(Path({str(tmp_path / 'big.pdf')!r}), b'x' * 50_000_000)\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "writing"
        assert list(tmp_path.glob(".*.part"))
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=20) == 130
    assert list(tmp_path.iterdir()) == []
