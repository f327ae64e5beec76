"""Third-country nationals and stateless persons: grounds and exclusions (KZ–AT Art. 3;
KZ–BY Agreement Arts. 3 and 15(2); KZ–HU Art. 2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import readmit_forms as rf
from cases import BASELINE, Case, changed, codes
from readmit_forms._document import Choices

E, W = "error", "warning"
RQ = "readmission-request"


def _stay(**values: Any) -> Callable[[Case], None]:
    return lambda case: case["unlawful_stay"].update(values)


def _permits(*permits: dict[str, Any]) -> Callable[[Case], None]:
    return lambda case: case.update(permits=list(permits))


AT_VISA = {"kind": "visa", "issuing_state": "AT", "expiry_date": "2026-06-30"}

ROWS: dict[str, tuple[str, Callable[[Case], Any] | None, set[tuple[str, str, str]]]] = {
    # KZ–AT Art. 3(3): direct entry from the requested State, or its valid visa / permit
    "at-direct-entry": ("at_third", None, set()),
    # (and with a valid visa of the requested State no request is needed: Art. 4)
    "at-valid-visa": (
        "at_third",
        lambda c: _stay(entered_from=None)(c) or _permits(AT_VISA)(c),
        {("request-not-needed", W, "permits")},
    ),
    "at-no-grounds": (
        "at_third",
        _stay(entered_from="TR"),
        {("tcn-no-grounds", E, "unlawful_stay.entered_from")},
    ),
    "at-expired-visa-only": (
        "at_third",
        lambda c: (
            _stay(entered_from=None)(c) or _permits({**AT_VISA, "expiry_date": "2026-01-31"})(c)
        ),
        {("tcn-no-grounds", E, "unlawful_stay.entered_from")},
    ),
    # Art. 1(9): a visa is any permit of entry or transit but the airport transit visa
    "at-valid-transit-visa": (
        "at_third",
        lambda c: _stay(entered_from=None)(c) or _permits({**AT_VISA, "kind": "transit-visa"})(c),
        {("evidence-unlisted", W, "permits[0]")},  # Annex 5 lists visas, not transit visas
    ),
    # Art. 3(5)(a): only the airport transit zone of the requested State
    "at-airport-transit": (
        "at_third",
        _stay(airport_transit_only=True),
        {("tcn-airport-transit", E, "unlawful_stay.airport_transit_only")},
    ),
    # Art. 3(5)(b): a visa of the requesting State (Kazakhstan) — unless fraud or a longer
    # visa of the requested State (Austria)
    "at-requesting-visa": (
        "at_third",
        _permits({"kind": "visa", "issuing_state": "KZ", "expiry_date": "2026-05-01"}),
        {("tcn-requesting-state-permit", W, "permits[0]")},
    ),
    "at-requesting-visa-fraud": (
        "at_third",
        _permits(
            {
                "kind": "visa",
                "issuing_state": "KZ",
                "expiry_date": "2026-05-01",
                "obtained_by_fraud": True,
            }
        ),
        set(),
    ),
    "at-requesting-visa-shorter": (
        "at_third",
        _permits({"kind": "visa", "issuing_state": "KZ", "expiry_date": "2026-05-01"}, AT_VISA),
        {("request-not-needed", W, "permits")},
    ),
    # KZ–BY Art. 3(2): visa-free lawful entry, airport transit zone
    "by-direct-entry": ("by_third", None, set()),
    "by-visa-free": (
        "by_third",
        _stay(entered_visa_free=True),
        {("tcn-visa-free-entry", E, "unlawful_stay.entered_visa_free")},
    ),
    "by-airport-transit": (
        "by_third",
        _stay(airport_transit_only=True),
        {("tcn-airport-transit", E, "unlawful_stay.airport_transit_only")},
    ),
    # KZ–HU Art. 2(1)–(2) and 2(4)(1): a valid visa of the requesting State excludes
    "hu-direct-entry": ("hu_third", None, set()),
    "hu-no-grounds": (
        "hu_third",
        _stay(entered_from="RU"),
        {("tcn-no-grounds", E, "unlawful_stay.entered_from")},
    ),
    "hu-requesting-valid-visa": (
        "hu_third",
        _permits({"kind": "visa", "issuing_state": "HU", "expiry_date": "2026-05-01"}),
        {("tcn-requesting-state-permit-valid", E, "permits[0]")},
    ),
    "hu-requesting-expired-visa": (
        "hu_third",
        _permits({"kind": "visa", "issuing_state": "HU", "expiry_date": "2026-01-01"}),
        set(),
    ),
    # Art. 2(2), (6): a valid visa or residence permit of the requested Party, but "visa"
    # does not include transit visas
    "hu-valid-visa": (
        "hu_third",
        lambda c: (
            _stay(entered_from=None)(c)
            or _permits({"kind": "visa", "issuing_state": "KZ", "expiry_date": "2026-05-01"})(c)
        ),
        set(),
    ),
    "hu-valid-transit-visa-only": (
        "hu_third",
        lambda c: (
            _stay(entered_from=None)(c)
            or _permits(
                {"kind": "transit-visa", "issuing_state": "KZ", "expiry_date": "2026-05-01"}
            )(c)
        ),
        {("tcn-no-grounds", E, "unlawful_stay.entered_from")},
    ),
    # Art. 2(4)(3) as the Russian text reads it
    "hu-stateless": (
        "hu_third",
        lambda c: c["person"].update(nationality=["stateless"]),
        {("tcn-stateless", W, "person.nationality")},
    ),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_third_country(name: str) -> None:
    base, change, expected = ROWS[name]
    assert codes(changed(base, change), RQ) - BASELINE.get(base, set()) == expected


def test_by_transitional_rule_is_a_reminder_with_the_nationality() -> None:
    """KZ–BY Art. 15(2): the date of entry into force is not in the sources; a warning asks."""
    findings = [f for f in rf.validate(changed("by_third"), RQ) if f.code == "tcn-transitional"]
    assert len(findings) == 1 and findings[0].severity is rf.Severity.WARNING
    finding = findings[0]
    assert "Georgia" in finding.message(rf.Lang.EN) and "3 years" in finding.message(rf.Lang.EN)
    assert "Грузия" in finding.message(rf.Lang.RU)
    assert finding.articles[rf.Lang.RU].endswith("п. 2 ст. 15 Соглашения")
    assert codes(changed("by_own"), RQ) == set()  # own nationals: no reminder


# -- the model forms tick what validation decides ---------------------------------------

GROUND_CASES: dict[str, tuple[Callable[[Case], Any] | None, set[str]]] = {
    "direct entry": (None, {"third-country", "third-country-direct"}),
    "valid visa": (
        lambda c: (
            _stay(entered_from=None)(c)
            or _permits({"kind": "visa", "issuing_state": "KZ", "expiry_date": "2026-05-01"})(c)
        ),
        {"third-country", "third-country-permit"},
    ),
    "transit visa only": (  # KZ–HU Art. 2(6)
        lambda c: (
            _stay(entered_from=None)(c)
            or _permits(
                {"kind": "transit-visa", "issuing_state": "KZ", "expiry_date": "2026-05-01"}
            )(c)
        ),
        {"third-country"},
    ),
    "expired visa": (
        lambda c: (
            _stay(entered_from=None)(c)
            or _permits({"kind": "visa", "issuing_state": "KZ", "expiry_date": "2026-01-01"})(c)
        ),
        {"third-country"},
    ),
    # KZ–HU Art. 1(1)-(2): proved or lawfully presumed a national; a nationality that
    # cannot be established is clarified by the requested Party: a presumed national
    "unknown nationality": (
        lambda c: c["person"].update(nationality=["unknown"]),
        {"own-national"},
    ),
    "no nationality given": (lambda c: c["person"].update(nationality=[]), {"own-national"}),
    "stateless": (
        lambda c: c["person"].update(nationality=["stateless"]),
        {"third-country", "third-country-direct"},
    ),
    "own national": (lambda c: c["person"].update(nationality=["KZ"]), {"own-national"}),
}


@pytest.mark.parametrize("name", sorted(GROUND_CASES))
def test_the_model_form_ticks_the_grounds_validation_finds(name: str) -> None:
    """KZ–HU's model form ticks whom the request concerns and the ground of Art. 2 the case
    shows: the grounds `validate` accepts (one implementation), so the two cannot differ."""
    change, expected = GROUND_CASES[name]
    case = rf.load_case(changed("hu_third", change))
    document = rf.compose(case, RQ, "en")
    choices = next(b for b in document.blocks if isinstance(b, Choices))
    ticked = {option.label for option in choices.options if option.checked}
    options = {
        "own-national": "national of the requested Contracting Party",
        "third-country-direct": "who entered the territory",
        "third-country-permit": "holding a valid visa or residence permit",
    }
    shown = {code for code, words in options.items() if any(words in t for t in ticked)}
    assert shown == expected - {"third-country"}
    no_grounds = "tcn-no-grounds" in {f.code for f in rf.validate(case, RQ)}
    third_country = "third-country" in expected
    assert no_grounds == (
        third_country and not expected & {"third-country-direct", "third-country-permit"}
    )
