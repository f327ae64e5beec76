"""The findings' messages and the deadline texts: the same keys and placeholders in kk, ru
and en; a message for every finding code, a label for every required field, a phrase for
every deadline event; every provision in the agreement data is one a rule checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import readmit_forms as rf
from readmit_forms._lang import LANGS, Lang
from readmit_forms._templates import PLACEHOLDER, texts

RULES = Path(rf.__file__).parent / "_rules"
SOURCE = "\n".join(p.read_text("utf-8") for p in sorted(RULES.glob("*.py")))


def _messages(lang: Lang) -> dict[str, str]:
    return {k: v for k, v in texts(lang).items() if k.startswith("messages.")}


def test_same_keys_and_placeholders_in_every_language() -> None:
    en = _messages(Lang.EN)
    for lang in LANGS:
        words = _messages(lang)
        assert set(words) == set(en), lang
        for key, text in words.items():
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(en[key])), (lang, key)


def test_every_finding_code_has_a_message() -> None:
    codes = set(re.findall(r'finding\(\s*"([a-z-]+)"', SOURCE))
    passed_by_name = {
        "evidence-unlisted",
        "evidence-unlisted-expired",
        "transfer-on-holiday",
        "transit-on-holiday",
    }  # chosen in code, then passed to finding()
    assert all(f'"{code}"' in SOURCE for code in passed_by_name)
    codes |= passed_by_name
    from readmit_forms._agreements import vocabulary  # checks declared as data

    codes |= {
        entry["check"]["code"]
        for entry in vocabulary()["provisions"].values()
        if isinstance(entry, dict) and "check" in entry
    }
    assert len(codes) > 40
    for code in codes:
        assert f"messages.{code}" in texts(Lang.EN), code


@pytest.mark.parametrize("agreement", list(rf.agreements()), ids=lambda a: a.id)
def test_every_required_field_has_a_label(agreement: rf.Agreement) -> None:
    for requirement in agreement.requirements:
        for pattern in requirement.fields:
            for lang in LANGS:
                label = pattern.split("|")[0]  # 'a|b' is named after a
                assert f"messages.field.{label}" in texts(lang), (pattern, lang)


@pytest.mark.parametrize("agreement", list(rf.agreements()), ids=lambda a: a.id)
def test_every_deadline_event_has_a_phrase(agreement: rf.Agreement) -> None:
    from readmit_forms._agreements import events_of

    events = events_of(agreement)
    for deadline in agreement.deadlines:
        group = "since" if deadline.relation == "within" else "until"
        own = getattr(events[deadline.event], group)
        key = f"messages.deadlines.{group}.{deadline.event}"
        assert own is not None or key in texts(Lang.EN), deadline.id


def test_the_vocabulary_of_provisions_is_what_the_rules_read() -> None:
    """data/vocabulary.yaml lists exactly the provisions a rule reads or a data check applies:
    a provision the load check lets through always has an effect."""
    from readmit_forms._agreements import vocabulary

    listed = vocabulary()["provisions"]
    read = set(re.findall(r'provision\(\s*"([a-z-]+)"', SOURCE))
    read |= {"no-request-own-nationals", "no-request-third-country"}  # _category.py, by name
    declared = {
        key for key, entry in listed.items() if isinstance(entry, dict) and "check" in entry
    }
    assert read.isdisjoint(declared)
    assert set(listed) == read | declared


def test_messages_read_in_the_language_of_the_user() -> None:
    from cases import changed

    case = changed("at_own", lambda c: c["documents"].clear())
    (finding,) = rf.validate(case)
    assert finding.message(Lang.RU).startswith("ни один документ не подтверждает")
    assert finding.message(Lang.KK).startswith("адамның азаматтығын бірде-бір құжат")
    assert finding.articles[Lang.KK] == (
        "ҚР – Аустрия реадмиссия туралы келісімі, 5-баптың 4-тармағы"
    )
    assert finding.line(Lang.RU).endswith(
        "[Соглашение Казахстан – Австрия о реадмиссии, п. 4 ст. 5]"
    )


def test_validate_cli_uses_the_working_language_and_lists_articles(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from cases import changed, write_case

    path = write_case(tmp_path, changed("by_own", lambda c: c["documents"].clear()))
    result = cli("validate", str(path))
    assert result.code == 1
    # messages in Russian, the working language (Protocol Art. 10)
    assert "interview: ни один документ не подтверждает гражданство" in result.out
    assert "[Соглашение Казахстан – Беларусь о реадмиссии, п. 4 ст. 2 Соглашения]" in result.out
    data = json.loads(cli("validate", str(path), "--json").out)
    (finding,) = data["findings"]
    assert finding["articles"]["en"].endswith("Agreement Art. 2(4)")
    assert finding["sources"][0]["lines"] == "ru 53; kk 732"


def test_the_vocabulary_of_conditions_is_what_the_rules_know() -> None:
    from readmit_forms._agreements import vocabulary
    from readmit_forms._rules.required import CONDITIONS

    assert set(vocabulary()["conditions"]) == set(CONDITIONS)
