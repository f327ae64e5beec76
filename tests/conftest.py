"""Shared fixtures: the samples, the CLI run in-process, PDF text read back."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# The signing and bundle tests' fixtures (test PKI, SoftHSM2 token, timestamp authority).
pytest_plugins = ("signing_env",)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"


def sample_paths() -> list[Path]:
    """The bundled samples, and those of every agreement pack added (``samples/``)."""
    from readmit_forms._packs import packs

    found = sorted(SAMPLES.glob("*.yaml")) + sorted(SAMPLES.glob("*.json"))
    for pack in packs():
        if not pack.bundled and (Path(str(pack.root)) / "samples").is_dir():
            found += sorted((Path(str(pack.root)) / "samples").glob("*.yaml"))
    return found


def bundled_agreements() -> list[Any]:
    """The agreements of the package's own data (their sources are ../shared/sources), not
    those of packs added by READMIT_FORMS_AGREEMENTS."""
    import readmit_forms as rf
    from readmit_forms._packs import agreement_files

    return [a for a in rf.agreements() if agreement_files()[a.id][0].bundled]


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``readmit-forms ARGS`` in-process and capture its output."""
    from readmit_forms._cli import main

    def run(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def pdf_text(data: bytes) -> str:
    """The text of a PDF, read back with pypdf."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/goldens/ from the current output instead of comparing",
    )
    parser.addoption(
        "--fuzz-long",
        action="store_true",
        help="tests/test_fuzz.py: twenty times as many cases, drawn at random (a long run)",
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The fuzz run's figures, when it ran."""
    import sys

    fuzz = sys.modules.get("test_fuzz")
    stats = getattr(fuzz, "STATS", None)
    if stats:
        figures = ", ".join(f"{key}: {value}" for key, value in stats.items())
        terminalreporter.write_line(f"fuzz: {figures}")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def sample_jobs() -> list[tuple[Path, str, str]]:
    """(sample, form, lang) for every sample, every form of its agreement, kk/ru/en."""
    import yaml

    from readmit_forms import get_agreement

    jobs = []
    for path in sample_paths():
        agreement = get_agreement(yaml.safe_load(path.read_text("utf-8"))["agreement"])
        for form in agreement.form_ids:
            for lang in ("kk", "ru", "en"):
                jobs.append((path, form, lang))
    return jobs
