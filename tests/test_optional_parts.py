"""Signing, the bundle and the register are optional parts: without them the base install
renders, validates and computes deadlines, and a command that needs one says which to
install (exit 2), never a traceback or an internal error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FAMILY = str(ROOT / "samples" / "kz-at-family.yaml")

# the optional parts' libraries made unimportable, as in an install without the extras
WITHOUT = (
    "import sys\n"
    "for name in ('pikepdf', 'pyhanko', 'pyhanko_certvalidator', 'sqlalchemy', 'alembic'):\n"
    "    sys.modules[name] = None\n"
)


def run(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", WITHOUT + code], capture_output=True,
                          text=True, cwd=tmp_path, timeout=120)  # fmt: skip


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(tmp_path, f"from readmit_forms._cli import main\nsys.exit(main({list(args)!r}))")


def test_the_base_install_renders_validates_and_counts_deadlines(tmp_path: Path) -> None:
    for args in (
        ("render", FAMILY, "--form", "all", "--lang", "all", "-o", "out/"),
        ("render", FAMILY, "--form", "readmission-request", "--lang", "ru", "--format",
         "docx", "-o", "out/"),
        ("validate", FAMILY),
        ("deadlines", FAMILY),
        ("proof", FAMILY, "--form", "readmission-request", "-o", "out/"),
    ):  # fmt: skip
        done = cli(tmp_path, *args)
        assert done.returncode == 0, (args, done.stderr)
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 7


@pytest.mark.parametrize(
    ("args", "part"),
    [
        (("bundle", FAMILY, "-o", "b.pdf"), "sign"),
        (("sign", "x.pdf", "--p12", "k.p12", "-o", "s.pdf"), "sign"),
        (("verify", "x.pdf"), "sign"),
        (("render", FAMILY, "--form", "readmission-request", "--lang", "en", "--fillable",
          "-o", "f.pdf"), "sign"),
        (("register", "list"), "register"),
        (("due",), "register"),
    ],
)  # fmt: skip
def test_a_command_without_its_part_says_what_to_install(
    tmp_path: Path, args: tuple[str, ...], part: str
) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7\n")
    done = cli(tmp_path, *args)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"pip install 'readmit-forms[{part}]'" in lines[0]
    assert "internal error" not in lines[0] and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.part")) and not (tmp_path / "f.pdf").exists()


def test_the_api_raises_a_missing_part_error(tmp_path: Path) -> None:
    done = run(tmp_path, (
        "import readmit_forms as rf\n"
        "try:\n    rf.sign\nexcept rf.MissingPartError as exc:\n"
        "    print(exc.part, exc.module)\n"
    ))  # fmt: skip
    assert done.stdout.split() == ["sign", "pyhanko"], done.stderr


def test_a_signed_file_is_still_kept_without_the_signing_part(tmp_path: Path) -> None:
    signed = tmp_path / "out.pdf"
    signed.write_bytes(b"%PDF-1.7\n1 0 obj << /ByteRange [0 10 20 30] >> endobj\n")
    done = cli(tmp_path, "render", FAMILY, "--form", "readmission-request", "--lang", "en",
               "-o", str(signed))  # fmt: skip
    assert done.returncode != 0 and "is signed (1 signature)" in done.stderr
    assert signed.read_bytes().startswith(b"%PDF-1.7\n1 0 obj")
