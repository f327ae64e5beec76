"""Case builders for the rule and deadline tables: small, complete cases per agreement.

Each builder returns a fresh dict that validates without any finding; a table row
changes one thing and names the finding it expects.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import readmit_forms as rf

PHOTO = Path(__file__).resolve().parent / "data" / "rules" / "photo.png"

Case = dict[str, Any]


def _person(**extra: Any) -> dict[str, Any]:
    person = {
        "surnames": ["Сейітов"],
        "given_names": ["Арман"],
        "date_of_birth": "1990-05-01",
        "place_of_birth": {"name": "Алматы", "country": "KZ"},
        "sex": "male",
        "nationality": ["KZ"],
        "marital_status": "single",
        "last_address_requesting": "Favoritenstraße 1, 1100 Wien",
        "last_address_requested": "Алматы, Абай даңғылы 1",
        "photo": str(PHOTO),
    }
    person.update(extra)
    return person


def at_own() -> Case:
    """KZ–AT: Austria asks Kazakhstan to readmit a Kazakh national (copy of his passport)."""
    return {
        "agreement": "kz-at",
        "requesting_state": "AT",
        "requested_state": "KZ",
        "letter": {"date": "2026-03-02"},
        "person": _person(),
        "documents": [
            {
                "kind": "passport",
                "number": "N0001",
                "issuing_state": "KZ",
                "issue_date": "2020-01-10",
                "expiry_date": "2030-01-09",
                "copy_only": True,
            },
        ],
        "unlawful_stay": {"finding_date": "2026-02-20", "grounds": "overstay"},
    }


def at_third() -> Case:
    """KZ–AT: Kazakhstan asks Austria to readmit an Uzbek national who came from Austria."""
    case = {
        "agreement": "kz-at",
        "requesting_state": "KZ",
        "requested_state": "AT",
        "letter": {"date": "2026-03-02"},
        "person": _person(nationality=["UZ"]),
        "evidence": [{"kind": "entry-exit-stamp", "date": "2026-02-01"}],
        "unlawful_stay": {"finding_date": "2026-02-20", "grounds": "no visa", "entered_from": "AT"},
    }
    return case


def at_transit() -> Case:
    """KZ–AT: Austria asks Kazakhstan for the transit of a Kyrgyz national to Kyrgyzstan."""
    return {
        "agreement": "kz-at",
        "requesting_state": "AT",
        "requested_state": "KZ",
        "letter": {"date": "2026-04-01", "received_on": "2026-04-02"},
        "person": _person(nationality=["KG"]),
        "documents": [
            {
                "kind": "passport",
                "number": "AC123",
                "issuing_state": "KG",
                "expiry_date": "2030-01-01",
            }
        ],
        "transit": {
            "mode": "air",
            "destination": "KG",
            "border_crossing_point": "kz-ala-airport",
            "date": "2026-04-20",
            "time": "10:30",
            "escorted": False,
            "admission_assured": True,
            "refusal_grounds_known": False,
        },
    }


def by_own() -> Case:
    """KZ–BY: Kazakhstan asks Belarus to readmit a Belarusian national (copy of a passport)."""
    return {
        "agreement": "kz-by",
        "requesting_state": "KZ",
        "requested_state": "BY",
        "letter": {"date": "2026-03-02"},
        "person": _person(nationality=["BY"], place_of_birth={"name": "Минск", "country": "BY"}),
        "documents": [
            {
                "kind": "passport",
                "number": "MP1",
                "issuing_state": "BY",
                "issue_date": "2024-01-10",
                "expiry_date": "2034-01-09",
                "copy_only": True,
            }
        ],
        "unlawful_stay": {"finding_date": "2026-02-20", "grounds": "нарушение срока пребывания"},
    }


def by_third() -> Case:
    """KZ–BY: Kazakhstan asks Belarus to readmit a Georgian national who came from Belarus."""
    return {
        "agreement": "kz-by",
        "requesting_state": "KZ",
        "requested_state": "BY",
        "letter": {"date": "2026-03-02"},
        "person": _person(nationality=["GE"]),
        "evidence": [{"kind": "entry-exit-stamp", "date": "2026-02-01"}],
        "unlawful_stay": {
            "finding_date": "2026-02-20",
            "grounds": "без визы",
            "entered_from": "BY",
        },
    }


def hu_third() -> Case:
    """KZ–HU: Hungary asks Kazakhstan to readmit a Tajik national who came from Kazakhstan."""
    return {
        "agreement": "kz-hu",
        "requesting_state": "HU",
        "requested_state": "KZ",
        "letter": {"date": "2026-03-02"},
        "person": {k: v for k, v in _person(nationality=["TJ"]).items() if k != "photo"},
        "unlawful_stay": {"finding_date": "2026-02-20", "grounds": "no visa", "entered_from": "KZ"},
    }


def hu_transit() -> Case:
    """KZ–HU: Hungary asks Kazakhstan for the escorted air transit of a Tajik national."""
    case = hu_third()
    case.update(
        letter={"date": "2026-03-10"},
        documents=[{"kind": "passport", "number": "TJ1", "issuing_state": "TJ"}],
        escorts=[{"surname": "Kovács", "given_names": "Péter"}],
        transit={
            "mode": "air",
            "destination": "TJ",
            "date": "2026-03-26",
            "escorted": True,
            "admission_assured": True,
            "tickets_and_permits": True,
            "destination_admission_statement": True,
        },
    )
    return case


BUILDERS: dict[str, Callable[[], Case]] = {
    "at_own": at_own,
    "at_third": at_third,
    "at_transit": at_transit,
    "by_own": by_own,
    "by_third": by_third,
    "hu_third": hu_third,
    "hu_transit": hu_transit,
}


def changed(base: str, change: Callable[[Case], object] | None = None) -> Case:
    """The case ``base`` with ``change`` applied to a copy of it."""
    case = copy.deepcopy(BUILDERS[base]())
    if change is not None:
        change(case)
    return case


# What a base case shows by design: for KZ–BY every third-country case carries the
# reminder of the transitional rule (Agreement Art. 15(2)); the own-national cases hold
# only a copy of the passport, so a handover notice has no travel document to give.
_NO_TRAVEL_DOCUMENT = ("no-valid-travel-document", "warning", "documents")
BASELINE: dict[str, set[tuple[str, str, str]]] = {
    "at_own": {_NO_TRAVEL_DOCUMENT},
    "by_own": {_NO_TRAVEL_DOCUMENT},
    "by_third": {("tcn-transitional", "warning", "person.nationality")},
}


def codes(case: Case, form: str | None = None) -> set[tuple[str, str, str]]:
    """(code, severity, path) of every finding."""
    return {(f.code, f.severity.value, f.path) for f in rf.validate(case, form=form)}


def write_case(folder: Path, case: Case, name: str = "case.yaml") -> Path:
    """Write ``case`` as a YAML case file in ``folder``, its photo copied beside it (a case
    file's photo must be in its folder)."""
    import shutil

    import yaml

    case = copy.deepcopy(case)
    photo = case.get("person", {}).get("photo")
    if photo and Path(photo).is_absolute():
        shutil.copy(photo, folder / Path(photo).name)
        case["person"]["photo"] = Path(photo).name
    path = folder / name
    path.write_text(yaml.safe_dump(case, allow_unicode=True), "utf-8")
    return path
