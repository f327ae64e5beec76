"""Hostile case files (reliability audit F1, F3, F5, F13): one clear line, exit 1 or 2,
never 3, never a hang, never gigabytes.

The reproducers that could hang or eat memory run in a child process with a memory cap
and a timeout (``bounded.run_cli``); the others run in-process.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import readmit_forms as rf
from bounded import MB, run_cli
from conftest import SAMPLES, Result

FAMILY = SAMPLES / "kz-at-family.yaml"


def _sample_with(tmp_path: Path, old: str, new: str, name: str = "case.yaml") -> Path:
    text = FAMILY.read_text("utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), "utf-8")
    (tmp_path / "photos").mkdir(exist_ok=True)
    photo = tmp_path / "photos" / "specimen-portrait.jpg"
    if not photo.exists():
        photo.write_bytes((SAMPLES / "photos" / "specimen-portrait.jpg").read_bytes())
    return path


def _one_line(result: Result, code: int, *fragments: str) -> str:
    assert result.code == code, (result.code, result.err)
    assert "Traceback" not in result.err
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


# -- F1: numbers with a leading zero are text -------------------------------------------


@pytest.mark.parametrize("number", ["0123456789", "01234567", "045612378", "-0123"])
def test_a_leading_zero_number_is_the_text_typed(tmp_path: Path, number: str) -> None:
    path = _sample_with(tmp_path, "number: N12345678", f"number: {number}")
    case = rf.load_case(path)
    assert case.documents[0].number == number
    assert number in rf.render(case, form="readmission-request", lang="en", format="html").decode()


def test_a_plain_number_in_a_text_field_is_refused_naming_the_field(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = _sample_with(tmp_path, "number: N12345678", "number: 12345678")
    line = _one_line(cli("validate", str(path)), 1, "documents[0].number", "quotes")
    assert "12345678" not in line  # a document number is personal data


@pytest.mark.parametrize("value", ["1e5", ".5", "123456789012345678901234567890"])
def test_other_plain_numbers_never_crash(
    cli: Callable[..., Result], tmp_path: Path, value: str
) -> None:
    path = _sample_with(tmp_path, "number: N12345678", f"number: {value}")
    result = cli("validate", str(path))
    assert result.code in (0, 1), result.err
    assert "internal error" not in result.err


def test_a_batch_with_a_leading_zero_case_renders_both(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = _sample_with(tmp_path, "number: N12345678", "number: 0123456789")
    out = tmp_path / "out"
    result = cli(
        "render", str(SAMPLES / "kz-by-family.yaml"), str(path),
        "--form", "readmission-request", "--lang", "en", "-o", str(out),
    )  # fmt: skip
    assert result.code == 0, result.err
    assert len(list(out.iterdir())) == 2


# -- F3: bombs, devices and FIFOs ------------------------------------------------------


def _bomb(path: Path, levels: int, where: str = "notes") -> Path:
    lines = [
        "agreement: kz-at",
        "requesting_state: AT",
        "requested_state: KZ",
        "defs:",
        '  x0: &x0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ]
    lines += [f"  x{i}: &x{i} [" + ",".join([f"*x{i - 1}"] * 10) + "]" for i in range(1, levels)]
    if where == "notes":
        lines += ["person: {surnames: [x]}", f"notes: *x{levels - 1}"]
    else:
        lines += [f"person: {{surnames: [x], aliases: *x{levels - 1}}}"]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize(("levels", "where"), [(8, "notes"), (8, "aliases"), (9, "notes")])
def test_an_alias_bomb_is_refused_at_once(tmp_path: Path, levels: int, where: str) -> None:
    bomb = _bomb(tmp_path / "bomb.yaml", levels, where)
    assert bomb.stat().st_size < 600
    result = run_cli("validate", bomb, timeout=20, memory=400 * MB)
    line = _one_line(Result(result.code, result.out, result.err), 2, "alias")
    assert len(line) < 300


def test_aliases_that_stay_small_still_work(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "agreement: kz-hu\nrequesting_state: HU\nrequested_state: KZ\n"
        "person: {surnames: &s [Omarov], given_names: *s}\n"
    )
    assert rf.load_case(path).person.given_names == ["Omarov"]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_as_case_file_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist on this system")
    result = run_cli("validate", device, timeout=20)
    _one_line(Result(result.code, result.out, result.err), 2, device, "device")


def test_a_fifo_as_case_file_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "case.yaml"
    os.mkfifo(fifo)
    result = run_cli("validate", fifo, timeout=20)
    _one_line(Result(result.code, result.out, result.err), 2, "FIFO")


def test_a_big_case_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)
    with pytest.raises(rf.CaseFileError, match="at most 5 MB"):
        rf.load_case(path)


# -- F5: nesting and keys -----------------------------------------------------------------


@pytest.mark.parametrize("levels", [100, 3000, 100_000])
@pytest.mark.parametrize("kind", ["yaml-list", "yaml-map", "json"])
def test_deep_nesting_is_refused(tmp_path: Path, levels: int, kind: str) -> None:
    if kind == "yaml-list":
        body = "agreement: kz-at\nnotes: " + "[" * levels + "]" * levels + "\n"
    elif kind == "yaml-map":
        body = "agreement: kz-at\nnotes: " + "{a: " * levels + "1" + "}" * levels + "\n"
    else:
        body = '{"agreement": "kz-at", "notes": ' + "[" * levels + "]" * levels + "}"
    path = tmp_path / f"deep.{kind.split('-')[0]}"
    path.write_text(body)
    result = run_cli("validate", path, timeout=30)
    _one_line(Result(result.code, result.out, result.err), 2, "nested more than")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("agreement: kz-at\n? [a, b]\n: 1\n", "not a list"),
        ("agreement: kz-at\n? {a: b}\n: 1\n", "not a mapping"),
        ("agreement: kz-at\n1: x\n", "not a number"),
        ("agreement: kz-at\nb: &b {surnames: [x]}\nperson:\n  <<: *b\n", "merge keys"),
        ("agreement: kz-at\na: &a [*a]\n", "contains it"),
    ],
)
def test_odd_yaml_keys_are_refused(
    cli: Callable[..., Result], tmp_path: Path, body: str, words: str
) -> None:
    path = tmp_path / "k.yaml"
    path.write_text(body)
    _one_line(cli("validate", str(path)), 2, "k.yaml", words)


def test_a_huge_json_integer_gets_a_plain_reason(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "n.json"
    path.write_text('{"agreement": "kz-at", "person": {"surnames": [' + "9" * 5000 + "]}}")
    line = _one_line(cli("validate", str(path)), 2, "more than 18 digits")
    assert "sys.set_int_max_str_digits" not in line


def test_an_integer_key_from_the_api_is_not_a_list_index() -> None:
    with pytest.raises(rf.CaseSchemaError) as caught:
        rf.load_case({"agreement": "kz-at", "requesting_state": "AT", "requested_state": "KZ",
                      "person": {"surnames": ["x"]}, 1: "x"})  # fmt: skip
    assert [str(p) for p in caught.value.problems] == [
        "the key 1 is not a field name; a key must be text"
    ]


# -- F9: no personal data in error lines -----------------------------------------------


def test_error_lines_never_echo_the_person(cli: Callable[..., Result], tmp_path: Path) -> None:
    data = yaml.safe_load(FAMILY.read_text("utf-8"))
    data["person"] = [data["person"]]  # the person's mapping given as a one-item list
    path = tmp_path / "list.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = cli("validate", str(path))
    assert result.code == 1
    person = rf.load_case(FAMILY).person
    secrets = [*person.surnames, *person.given_names, str(person.date_of_birth)]
    for secret in secrets:
        assert str(secret) not in result.err
    assert all(len(line) < 300 for line in result.err.splitlines())


def test_a_huge_wrong_value_gives_a_short_line(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    items = ", ".join(f'"n{i}"' for i in range(200_000))
    path.write_text('{"agreement": "kz-at", "requesting_state": "AT", "requested_state": "KZ", '
                    '"person": {"surnames": ["x"]}, "notes": [' + items + "]}")  # fmt: skip
    result = cli("validate", str(path))
    assert result.code == 1
    assert max(len(line) for line in result.err.splitlines()) < 300


def test_an_impossible_date_of_birth_is_not_echoed(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = _sample_with(tmp_path, 'date_of_birth: "1988-04-12"', "date_of_birth: 1988-02-30")
    line = _one_line(cli("validate", str(path)), 1, "person.date_of_birth", "not a real date")
    assert not re.search(r"1988", line)


def test_findings_about_a_birth_date_do_not_print_it() -> None:
    from cases import changed

    case = changed("at_own", lambda c: c["person"].update(date_of_birth="2026-12-24"))
    case["documents"][0]["issue_date"] = "2020-01-10"
    findings = rf.validate(case)
    assert {"born-after-reference", "issued-before-birth"} <= {f.code for f in findings}
    for finding in findings:
        for lang in ("kk", "ru", "en"):
            assert "2026-12-24" not in finding.line(rf.Lang(lang))
