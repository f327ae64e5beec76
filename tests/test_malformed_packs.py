"""A malformed agreement pack is refused when it loads, with one line naming the file, the
place inside it, the value and what is allowed (exit 2): a misspelt provision, an unknown
event, a value path the case schema does not have, a form without its structure."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import readmit_forms as rf
from conftest import Result
from test_pack_benelux_md import render_with

PACK = Path(__file__).parent / "packs" / "benelux-md"
AGREEMENT = "agreements/benelux-md.yaml"


@pytest.fixture(autouse=True)
def _no_packs_left() -> Iterator[None]:
    """Each test adds the packs it names (the command line adds them for the process)."""
    rf.reset_packs()
    yield
    rf.reset_packs()


def _broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    target = pack / file
    text = target.read_text("utf-8")
    assert old in text, (file, old)
    target.write_text(text.replace(old, new, 1), "utf-8")
    return pack


MALFORMED = [
    pytest.param(
        AGREEMENT,
        "provisions: []",
        "provisions:\n  - id: transit-by-aire\n"
        "    source: {doc: benelux-md-2013-implementing-protocol-en.txt, ref: x}",
        ("transit-by-aire", "provisions[0].id"),
        id="misspelt-provision",
    ),
    pytest.param(
        AGREEMENT,
        "event: handover\n",
        "event: handover-day\n",
        ("handover-day", "deadlines[0].event"),
        id="unknown-event",
    ),
    pytest.param(
        "structure/benelux-md/annex-3.yaml",
        "date(handover.date)",
        "date(handover.day)",
        ("handover.day", "annex-3.yaml", "'day'"),
        id="value-path-not-in-the-schema",
    ),
    pytest.param(
        AGREEMENT,
        "  - id: transit-response\n",
        "  - id: transit-reply\n",
        ("transit-reply",),
        id="form-without-structure",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "named"), MALFORMED)
def test_a_malformed_pack_gets_one_clear_line(
    cli: Callable[..., Result],
    tmp_path: Path,
    file: str,
    old: str,
    new: str,
    named: tuple[str, ...],
) -> None:
    pack = _broken(tmp_path, file, old, new)
    result = cli("check-agreement", str(pack))
    assert result.code == 2, result.err
    said = (result.out + result.err).splitlines()
    lines = [line for line in said if line.strip() and "problems found" not in line]
    assert len(lines) == 1, result.out + result.err
    assert "Traceback" not in result.err
    for part in named:
        assert part in lines[0], (part, lines[0])


def test_a_bad_value_path_is_one_line_when_rendering_too(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    pack = _broken(
        tmp_path,
        "structure/benelux-md/annex-3.yaml",
        "date(handover.date)",
        "date(handover.day)",
    )
    out = tmp_path / "x.pdf"
    result, _ = render_with(cli, out, "nl-md-transfer", "transfer-notification", pack=pack)
    assert result.code == 2
    assert "blocks[" in result.err and "handover has no field 'day'" in result.err
    assert not out.exists()
