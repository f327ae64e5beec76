"""Agreement packs, the engine side: loading (``--agreements``, ``READMIT_FORMS_AGREEMENTS``),
refusing a reused id, the load check's one-line errors, sides of several states, whose
calendar a limit counts on, and every kind of time limit.

The pack is a copy of a bundled agreement under a new id (the bundled one with the
most time limits, chosen from the data, so that no agreement is named here).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import readmit_forms as rf
from readmit_forms._cli import main

PACKAGE = Path(rf.__file__).parent
SAMPLES = Path(__file__).parent.parent / "samples"


def _richest() -> rf.Agreement:
    bundled = [a for a in rf.agreements() if (PACKAGE / "agreements" / f"{a.id}.yaml").exists()]
    return max(bundled, key=lambda a: (len(a.deadlines), len(a.evidence), a.id))


ORIGINAL = _richest()
COPY = f"zz-{ORIGINAL.id}"


@pytest.fixture(autouse=True)
def _no_packs_after() -> Iterator[None]:
    yield
    rf.reset_packs()


def _copy_pack(root: Path, edit: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """A pack holding the richest bundled agreement under the id ``COPY``; ``edit`` changes
    its data first."""
    source = ORIGINAL.id
    data = yaml.safe_load((PACKAGE / "agreements" / f"{source}.yaml").read_text("utf-8"))
    data["id"] = COPY
    if edit is not None:
        edit(data)
    (root / "agreements").mkdir(parents=True)
    (root / "agreements" / f"{COPY}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8"
    )
    structures = root / "structure" / COPY
    structures.mkdir(parents=True)
    for entry in (PACKAGE / "structure" / source).iterdir():
        text = entry.read_text("utf-8").replace(f"texts: {source}.", f"texts: {COPY}.")
        (structures / entry.name).write_text(text.replace(f"/{source}.", f"/{COPY}."), "utf-8")
    for lang in ("kk", "ru", "en"):
        (root / "templates" / lang).mkdir(parents=True)
        shutil.copy(
            PACKAGE / "templates" / lang / f"{source}.yaml",
            root / "templates" / lang / f"{COPY}.yaml",
        )
    return root


def _sample() -> dict[str, Any]:
    """The first bundled sample of the original agreement, as data."""
    path = next(
        p
        for p in sorted(SAMPLES.glob("*.yaml"))
        if yaml.safe_load(p.read_text())["agreement"] == ORIGINAL.id
    )
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    for key in ("photo",):
        if isinstance(data.get("person"), dict) and key in data["person"]:
            data["person"][key] = str(SAMPLES / data["person"][key])
    return data


def test_a_pack_loads_like_the_bundled_data(tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path / "pack")
    report = rf.check_pack(pack)
    assert report.ok, [str(p) for p in report.problems]
    assert report.agreements == (COPY,)
    rf.add_packs([pack])
    copy = rf.get_agreement(COPY)
    assert copy.deadlines == ORIGINAL.deadlines
    case = {**_sample(), "agreement": COPY}
    today = dt.date(2026, 12, 1)
    ours = rf.deadlines(case, today=today)
    theirs = rf.deadlines({**case, "agreement": ORIGINAL.id}, today=today)
    assert [(d.id, d.due) for d in ours.items] == [(d.id, d.due) for d in theirs.items]
    form = copy.form_ids[0]
    assert rf.render(case, form=form, lang="en", format="html", draft=True)


def test_the_environment_adds_packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = _copy_pack(tmp_path / "pack")
    monkeypatch.setenv(rf.AGREEMENTS_ENV, str(pack))
    rf.reset_packs()
    assert COPY in rf.agreement_ids()
    monkeypatch.delenv(rf.AGREEMENTS_ENV)
    rf.reset_packs()
    assert COPY not in rf.agreement_ids()


def test_every_command_takes_agreements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = _copy_pack(tmp_path / "pack")
    assert main(["--agreements", str(pack), "forms", COPY]) == 0
    rf.reset_packs()
    assert main(["forms", COPY, "--agreements", str(pack)]) == 0
    assert ORIGINAL.form_ids[0] in capsys.readouterr().out


def test_a_bundled_id_is_refused_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "pack"
    (pack / "agreements").mkdir(parents=True)
    shutil.copy(PACKAGE / "agreements" / f"{ORIGINAL.id}.yaml", pack / "agreements")
    assert main(["--agreements", str(pack), "agreements"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ORIGINAL.id in err[0] and "--replace-agreements" in err[0]
    rf.reset_packs()
    assert main(["--agreements", str(pack), "--replace-agreements", "agreements"]) == 0


def _first(items: list[Any], **match: Any) -> Any:
    return next(item for item in items if all(item.get(k) == v for k, v in match.items()))


MALFORMED: dict[str, tuple[Callable[[dict[str, Any]], None], tuple[str, ...]]] = {
    "provision": (
        lambda d: d["provisions"][0].update(id=d["provisions"][0]["id"] + "x"),
        ("provisions[0].id", "allowed:"),
    ),
    "event": (
        lambda d: d["deadlines"][0].update(event="handover-day"),
        ("deadlines[0].event", "'handover-day'", "request-received"),
    ),
    "event field": (
        lambda d: d.update(
            events={
                "landing": {"field": "handover.day", "since": {"kk": "x", "ru": "x", "en": "x"}}
            }
        ),
        ("events.landing.field", "not a case field", "handover.date"),
    ),
    "calendar": (
        lambda d: d["deadlines"][0].update(calendar="sender"),
        ("deadlines[0].calendar", "'sender'", "requested"),
    ),
    "unit": (
        lambda d: d["deadlines"][0].update(unit="fortnights"),
        ("deadlines[0].unit", "fortnights", "working-days"),
    ),
    "old condition": (
        lambda d: d["evidence"][0]["items"][0].update(condition="copy"),
        ("evidence[0].items[0].condition",),
    ),
    "state": (
        lambda d: d["evidence"][0].update(state="ZZ"),
        ("evidence[0].state", "'ZZ'"),
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_pack_gets_one_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, expected = MALFORMED[name]
    pack = _copy_pack(tmp_path / "pack", edit)
    assert main(["check-agreement", str(pack)]) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1, err
    assert f"agreements/{COPY}.yaml" in err[0]
    for part in expected:
        assert part in err[0], err[0]
    rf.reset_packs()
    assert main(["--agreements", str(pack), "agreements"]) == 2  # and when it loads
    assert len([line for line in capsys.readouterr().err.splitlines() if line.strip()]) == 1


def test_a_form_without_structure(tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path / "pack")
    form = ORIGINAL.form_ids[-1]
    for entry in (pack / "structure" / COPY).iterdir():
        if form in yaml.safe_load(entry.read_text("utf-8"))["forms"]:
            entry.unlink()
    report = rf.check_pack(pack)
    assert [p.path for p in report.problems] == [f"forms[{len(ORIGINAL.forms) - 1}].id"]
    assert "has no structure" in str(report.problems[0])


# -- sides of several states, calendars, kinds of limits ------------------------------------


def _sides(data: dict[str, Any]) -> None:
    first, second = data["parties"]
    data["parties"] = [first, [second, "DE"]]


def _with_limits(data: dict[str, Any]) -> None:
    _sides(data)
    source = data["deadlines"][0]["source"]
    words = {"kk": "x", "ru": "x", "en": "x"}
    data["events"] = {
        **data.get("events", {}),
        "reply-end": {"after": ["zz-reply"], "since": words},
    }
    data["deadlines"] += [
        {
            "id": "zz-reply",
            "action": words,
            "actor": "requested",
            "length": 2,
            "unit": "working-days",
            "relation": "within",
            "event": "request-received",
            "calendar": "requested",
            "deemed": "accepted",
            "without_delay": True,
            "source": source,
        },
        {
            "id": "zz-keep",
            "action": words,
            "actor": "requesting",
            "length": 3,
            "unit": "years",
            "relation": "within",
            "event": "request-received",
            "source": source,
        },
        {
            "id": "zz-tell",
            "action": words,
            "actor": "requested",
            "unit": "immediately",
            "relation": "within",
            "event": "request-received",
            "source": source,
        },
        {
            "id": "zz-after",
            "action": words,
            "actor": "requesting",
            "length": 1,
            "unit": "calendar-days",
            "relation": "within",
            "event": "reply-end",
            "source": source,
        },
    ]


def _case(requesting: str, requested: str) -> dict[str, Any]:
    case = {
        **_sample(),
        "agreement": COPY,
        "requesting_state": requesting,
        "requested_state": requested,
    }
    case["letter"] = {**case.get("letter", {}), "date": "2026-12-23", "received_on": "2026-12-24"}
    return case


def test_a_side_of_several_states(tmp_path: Path) -> None:
    rf.add_packs([_copy_pack(tmp_path / "pack", _sides)])
    agreement = rf.get_agreement(COPY)
    first, second = agreement.sides
    assert second[-1] == "DE" and agreement.side_of("DE") == 1
    assert (first[0], "DE") in agreement.directions()
    assert rf.load_case(_case(first[0], "DE")).requested_state == "DE"
    with pytest.raises(rf.CaseSchemaError, match="same side"):
        rf.load_case(_case(second[0], "DE"))


def test_every_kind_of_limit(tmp_path: Path) -> None:
    rf.add_packs([_copy_pack(tmp_path / "pack", _with_limits)])
    first = rf.get_agreement(COPY).sides[0][0]
    schedule = rf.deadlines(_case(first, "DE"), today=dt.date(2026, 12, 24))
    items = {item.id: item for item in schedule.items}
    reply = items["zz-reply"]
    assert reply.calendar == ("DE",)  # the requested state's working days only
    assert reply.due == dt.date(2026, 12, 29)  # 25th, 26th (holidays), 27th (Sunday) skipped
    assert reply.deemed == "accepted" and reply.without_delay
    assert items["zz-keep"].due == dt.date(2029, 12, 24)
    tell = items["zz-tell"]
    assert tell.immediate and tell.due is None and tell.status == "immediate"
    assert items["zz-after"].start == reply.due and items["zz-after"].due == dt.date(2026, 12, 30)
    for lang in ("kk", "ru", "en"):
        lines = rf.describe_schedule(schedule, lang)
        assert lines
    english = "\n".join(rf.describe_schedule(schedule, "en"))
    assert "without delay" in english and "counts as acceptance" in english
    assert "working days of Germany only" in english
    both = rf.deadlines(_case(first, "DE"), today=dt.date(2026, 12, 24), calendar=[first, "DE"])
    assert {i.id: i for i in both.items}["zz-reply"].calendar == (first, "DE")
