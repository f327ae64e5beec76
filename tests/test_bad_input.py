"""The bad-input corpus: each file gets one clear line naming the field, the right exit code,
and never a traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import DATA, Result

BAD = DATA / "bad"

# file -> (exit code, fragments that the single error line must contain)
CORPUS: dict[str, tuple[int, tuple[str, ...]]] = {
    "malformed.json": (2, ("malformed.json", "not valid JSON", "line")),
    "malformed.yaml": (2, ("malformed.yaml", "not valid YAML", "line")),
    "empty.yaml": (
        2,
        (
            "empty.yaml",
            "empty",
        ),
    ),
    "blank.json": (2, ("blank.json", "empty")),
    "list.yaml": (2, ("list.yaml", "mapping")),
    "duplicate-key.yaml": (2, ("duplicate key", "requested_state")),
    "unknown-field.json": (1, ("person.favourite_colour", "unknown field")),
    "impossible-date.yaml": (1, ("person.date_of_birth", "not a real date")),
    "unknown-agreement.yaml": (1, ("agreement", "kz-de", "kz-at, kz-by, kz-fr, kz-hu")),
    "wrong-party.yaml": (1, ("requesting_state", "'HU'", "not a party")),
    "rtl-override.json": (1, ("person.surnames[0]", "U+202E RIGHT-TO-LEFT OVERRIDE")),
    "control-char.json": (1, ("person.surnames[0]", "U+0007")),
    "bad-language.yaml": (1, ("person.surnames[0]", "'de'", "kk, ru or en")),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_bad_case_gets_one_clear_line(cli: Callable[..., Result], name: str) -> None:
    code, fragments = CORPUS[name]
    result = cli("validate", str(BAD / name))
    assert result.code == code
    assert "Traceback" not in result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    matching = [line for line in lines if all(f in line for f in fragments)]
    assert matching, f"no line with {fragments} in {result.err!r}"
    assert len(lines) == 1, result.err


def test_wrong_types_lists_every_problem(cli: Callable[..., Result]) -> None:
    result = cli("validate", str(BAD / "wrong-types.yaml"))
    assert result.code == 1
    lines = result.err.splitlines()
    assert any("person.surnames" in line and "list" in line for line in lines)
    assert any("person.description.height_cm" in line for line in lines)


def test_directory_instead_of_file(cli: Callable[..., Result]) -> None:
    result = cli("validate", str(BAD))
    assert result.code == 2
    assert result.err.strip() == f"{BAD}: is a directory, not a case file"


def test_missing_file(cli: Callable[..., Result], tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = cli("validate", str(tmp_path / "nope.yaml"))
    assert (result.code, result.err.strip()) == (2, f"{tmp_path / 'nope.yaml'}: no such file")


def test_not_utf8(cli: Callable[..., Result], tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "latin1.yaml"
    path.write_bytes("agreement: kz-at\nperson: {surnames: [Ömer]}\n".encode("latin-1"))
    result = cli("validate", str(path))
    assert result.code == 2 and "not UTF-8" in result.err


def test_expiry_before_issue_is_a_finding(cli: Callable[..., Result]) -> None:
    result = cli("validate", str(BAD / "expiry-before-issue.yaml"), "--lang", "en")
    assert result.code == 1
    assert "documents[0].expiry_date" in result.out
    assert "expires (2019-05-01) before it was issued (2020-05-01)" in result.out


def test_yaml_norway_and_clock_times_stay_strings(cli: Callable[..., Result]) -> None:
    """YAML 1.1 would read NO as false and 14:30 as 870; case files use the 1.2 core schema."""
    from readmit_forms import load_case

    case = load_case(BAD / "norway.yaml")
    assert case.person.nationality == ["NO"]
    assert case.transit is not None and case.transit.destination == "NO"
    assert str(case.transit.time) == "14:30:00"


@pytest.mark.parametrize(
    "args, fragment",
    [
        (
            ("forms", "kz-xx"),
            "unknown agreement 'kz-xx'; supported are: kz-at, kz-by, kz-fr, kz-hu",
        ),
        (("validate", "samples/kz-at-family.yaml", "--form", "nope"), "unknown form 'nope'"),
        (("validate", "samples/kz-at-family.yaml", "--lang", "de"), "unknown language 'de'"),
        (
            (
                "render",
                "samples/kz-at-family.yaml",
                "--form",
                "readmission-request",
                "--lang",
                "en",
                "--format",
                "odt",
            ),
            "unknown format 'odt'",
        ),
        (("render", "samples/kz-at-family.yaml", "--lang", "en"), "--form"),
    ],
)
def test_usage_errors_exit_2(
    cli: Callable[..., Result], args: tuple[str, ...], fragment: str, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = cli(*args)
    assert result.code == 2
    assert fragment in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
