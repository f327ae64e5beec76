"""Evidence under each agreement's own lists, and the interview petition
(KZ–AT Art. 5(2)–(4), Annexes 3–7; KZ–BY Agreement Art. 2(4), Protocol Arts. 2–4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import readmit_forms as rf
from cases import BASELINE, Case, changed, codes, write_case
from readmit_forms._evidence import classify

E, W = "error", "warning"
RQ = "readmission-request"


def _documents(*documents: dict[str, Any]) -> Callable[[Case], None]:
    return lambda case: case.update(documents=list(documents))


def _interview(reason: str) -> Callable[[Case], None]:
    return lambda case: case.update(interview={"reason": reason})


KZ_PASSPORT = {
    "kind": "passport",
    "number": "N1",
    "issuing_state": "KZ",
    "issue_date": "2020-01-10",
    "expiry_date": "2030-01-09",
}
BY_PASSPORT = {
    "kind": "passport",
    "number": "MP1",
    "issuing_state": "BY",
    "issue_date": "2014-01-10",
}

ROWS: dict[str, tuple[str, Callable[[Case], Any] | None, set[tuple[str, str, str]]]] = {
    # nothing proves or indicates nationality: the petition is required (KZ–AT Art. 5(4))
    "at-copy-is-prima-facie": ("at_own", None, set()),
    "at-no-documents": ("at_own", _documents(), {("interview-required", E, "interview")}),
    "at-no-documents-petition": (
        "at_own",
        lambda c: _documents()(c) or _interview("no-documents")(c),
        set(),
    ),
    # the person's own statement is on Annex 4: a petition "as none of the documents
    # listed in Annex 3 or 4 can be attached" contradicts it (Art. 5(4), Annex 7 F)
    "at-statement-and-petition": (
        "at_own",
        lambda c: (
            _documents()(c)
            or _interview("no-documents")(c)
            or c.update(evidence=[{"kind": "person-statement"}])
        ),
        {("interview-not-needed", W, "interview.reason")},
    ),
    # ... a petition for doubts about the attached statement stands
    "at-statement-doubtful-petition": (
        "at_own",
        lambda c: (
            _documents()(c)
            or _interview("doubtful-documents")(c)
            or c.update(evidence=[{"kind": "person-statement", "doubtful": True}])
        ),
        set(),
    ),
    # KZ–BY Agreement Art. 2(4): only the documents that establish nationality make the
    # interview unnecessary; the person's statement (Protocol Art. 2(4)(4)) does not
    "by-statement-and-petition": (
        "by_own",
        lambda c: (
            _documents()(c)
            or _interview("no-documents")(c)
            or c.update(evidence=[{"kind": "statement-form"}])
        ),
        set(),
    ),
    "at-petition-not-needed": (
        "at_own",
        _interview("no-documents"),
        {("interview-not-needed", W, "interview.reason")},
    ),
    # doubtful documents allow a petition (Annex 7, section F)
    "at-doubtful-no-petition": (
        "at_own",
        lambda c: c["documents"][0].update(doubtful=True),
        {("interview-may-be-requested", W, "documents[0].doubtful")},
    ),
    "at-doubtful-petition": (
        "at_own",
        lambda c: c["documents"][0].update(doubtful=True) or _interview("doubtful-documents")(c),
        set(),
    ),
    "at-petition-nothing-doubtful": (
        "at_own",
        _interview("doubtful-documents"),
        {("interview-nothing-doubtful", W, "interview.reason")},
    ),
    # a valid original passport: proof, and no request is required (Art. 4)
    "at-valid-passport": (
        "at_own",
        _documents(KZ_PASSPORT),
        {("request-not-needed", W, "documents")},
    ),
    # Annex 4: expired more than six months ago → prima facie only
    "at-expired-7-months": (
        "at_own",
        _documents({**KZ_PASSPORT, "expiry_date": "2025-08-01"}),
        {("evidence-expired", W, "documents[0].expiry_date")},
    ),
    # expired less than six months ago: still proof (not valid: a request is needed)
    "at-expired-5-months": (
        "at_own",
        _documents({**KZ_PASSPORT, "expiry_date": "2025-10-01"}),
        set(),
    ),
    # a forged passport proves nothing (Art. 5(2)) — and then nothing is left
    "at-forged": (
        "at_own",
        _documents({**KZ_PASSPORT, "forged": True}),
        {("forged-document", W, "documents[0].forged"), ("interview-required", E, "interview")},
    ),
    # a passport of another state says nothing about Kazakh nationality
    "at-foreign-passport": (
        "at_own",
        lambda c: c["documents"].append({**KZ_PASSPORT, "issuing_state": "UZ"}),
        {("evidence-unlisted", W, "documents[1]")},
    ),
    # KZ–BY Protocol Art. 2(4)(1): an expired passport is prima facie, whatever its age
    "by-copy": ("by_own", None, set()),
    "by-expired": (
        "by_own",
        _documents({**BY_PASSPORT, "expiry_date": "2025-12-01"}),
        {("evidence-expired", W, "documents[0].expiry_date")},
    ),
    "by-no-documents": ("by_own", _documents(), {("interview-required", E, "interview")}),
    # Protocol Art. 2(4)(3): a USSR passport with a Belarus registration of 12 Nov 1991
    "by-ussr-1991": (
        "by_own",
        _documents(
            {"kind": "ussr-passport", "registration_state": "BY", "registration_date": "1991-11-12"}
        ),
        set(),
    ),
    "by-ussr-too-late": (
        "by_own",
        _documents(
            {"kind": "ussr-passport", "registration_state": "BY", "registration_date": "1991-11-13"}
        ),
        {("ussr-passport-registration", W, "documents[0]"), ("interview-required", E, "interview")},
    ),
    # third-country nationals: something must prove or indicate the grounds
    "at-third-stamp": ("at_third", None, set()),
    "at-third-nothing": (
        "at_third",
        lambda c: c.pop("evidence"),
        {("tcn-evidence-missing", E, "evidence")},
    ),
    "by-third-expired-permit-180": (
        "by_third",
        lambda c: c.update(
            evidence=[],
            permits=[
                {"kind": "residence-permit", "issuing_state": "BY", "expiry_date": "2025-10-01"}
            ],
        ),
        {("evidence-expired", W, "permits[0].expiry_date")},
    ),
    "by-third-expired-permit-181": (
        "by_third",
        lambda c: c.update(
            evidence=[],
            permits=[
                {"kind": "residence-permit", "issuing_state": "BY", "expiry_date": "2025-09-02"}
            ],
        ),
        {("evidence-unlisted-expired", W, "permits[0]"), ("tcn-evidence-missing", E, "evidence")},
    ),
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_evidence(name: str) -> None:
    base, change, expected = ROWS[name]
    assert codes(changed(base, change), RQ) - BASELINE.get(base, set()) == expected


def test_classify_proof_and_prima_facie() -> None:
    case = rf.load_case(
        changed(
            "at_own",
            _documents(
                KZ_PASSPORT,
                {**KZ_PASSPORT, "kind": "id-card", "copy_only": True},
                {**KZ_PASSPORT, "issuing_state": "UZ"},
                {"kind": "driving-licence", "issuing_state": "KZ"},
            ),
        )
    )
    at = rf.get_agreement("kz-at")
    found = [
        (c.path, c.strength, c.evidence_list.id if c.evidence_list else None)
        for c in classify(case, at, concerns="nationality")
    ]
    assert found == [
        ("documents[0]", "proof", "at-annex3-kz"),
        ("documents[1]", "prima-facie", "at-annex4"),
        ("documents[2]", None, None),
        ("documents[3]", "prima-facie", "at-annex4"),
    ]


def test_third_country_travel_document_must_be_issued_by_the_requested_state() -> None:
    at = rf.get_agreement("kz-at")
    ours = {"kind": "travel-document", "issuing_state": "AT", "expiry_date": "2030-01-01"}
    theirs = {**ours, "issuing_state": "DE"}
    case = rf.load_case(changed("at_third", _documents(ours, theirs)))
    strengths = [c.strength for c in classify(case, at, concerns="third-country")]
    assert strengths[:2] == ["proof", None]


def test_validate_json_lists_what_each_document_counts_as(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    path = write_case(tmp_path, changed("by_own"))
    data = json.loads(cli("validate", str(path), "--json").out)
    assert data["evidence"] == [
        {
            "path": "documents[0]",
            "strength": "prima-facie",
            "concerns": "nationality",
            "list": "by-by-nationality-presumption",
            "source": {
                "doc": "004_450247c9c5df390a.txt",
                "ref": "Protocol Art. 2(4)",
                "lines": "ru 216–223; kk 900–907",
            },
        }
    ]
