"""``agreements`` and ``forms``: the agreements, their language rules and their forms."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .. import Agreement, Lang, agreements, get_agreement, language_status
from ._common import OK, print_json


def _fact(fact: Any) -> dict[str, Any]:
    if fact.not_stated:
        return {"value": None, "not_stated": True, "note": fact.note}
    value = fact.value
    return {
        "value": list(value) if isinstance(value, tuple) else value,
        "source": fact.source.model_dump() if fact.source else None,
    }


def agreement_summary(agreement: Agreement) -> dict[str, Any]:
    rules = agreement.languages
    return {
        "id": agreement.id,
        "title": {lang.value: text for lang, text in agreement.title.items()},
        "parties": list(agreement.parties),
        "status": _fact(agreement.status),
        "languages": {
            "authentic": _fact(rules.authentic),
            "prevailing": _fact(rules.prevailing),
            "working": _fact(rules.working),
            "working_scope": (
                {lang.value: text for lang, text in rules.working_scope.items()}
                if rules.working_scope
                else None
            ),
        },
        "language_status": {
            lang.value: {
                "status": language_status(agreement, lang).authenticity,
                "working_language": language_status(agreement, lang).working,
                "submission": language_status(agreement, lang).working != "no",
                "form_wording": agreement.languages.wording[lang].model_dump(mode="json"),
            }
            for lang in Lang
        },
        "forms": list(agreement.form_ids),
    }


_STATUS = {
    "authentic-prevailing": "authentic, prevails",
    "authentic": "authentic",
    "translation": "translation (not an authentic language)",
    "not-stated": "not stated in the sources",
}
_WORDING = {
    "annex-text": "wording: the annex text of the sources",
    "annex-translation": "wording: the annex text of the sources, itself a translation",
    "project-translation": "wording: translated by readmit_forms from {originals}",
    "model-form": "wording: model forms drawn up by readmit_forms",
}
_WORKING = {
    "yes": "the language of requests and forms",
    "no": "not the language of requests and forms",
    "not-stated": "language of requests and forms not stated",
}


def _status_lines(agreement: Agreement) -> list[str]:
    """One line per language of the forms: what it is, with the articles."""
    lines = []
    for lang in Lang:
        status = language_status(agreement, lang)
        refs = [source.ref for source in status.cited_sources()]
        cited = f" [{'; '.join(dict.fromkeys(refs))}]" if refs else ""
        if status.working == "not-stated":
            submit = "submission not restricted (no language is assumed)"
        elif status.working == "yes":
            submit = "for submission"
        else:
            submit = "not for submission"
        wording = agreement.languages.wording[lang]
        originals = ", ".join(code.value for code in wording.translated_from)
        lines.append(
            f"    {lang.value}  {_STATUS[status.authenticity]}; {_WORKING[status.working]}; "
            f"{submit}; {_WORDING[wording.kind].format(originals=originals)}{cited}"
        )
    return lines


def _describe(fact: Any) -> str:
    if fact.not_stated:
        return f"not stated in the sources ({fact.note})"
    value = ", ".join(fact.value) if isinstance(fact.value, tuple) else str(fact.value)
    return f"{value} — {fact.source}"


def run_agreements(args: argparse.Namespace) -> int:
    found = list(agreements())
    if args.json:
        print_json([agreement_summary(a) for a in found])
        return OK
    out = sys.stdout
    for agreement in found:
        rules = agreement.languages
        out.write(f"{agreement.id}  {agreement.title[Lang.EN]}\n")
        out.write(f"  parties:     {agreement.party_label}\n")
        out.write(f"  status:      {_describe(agreement.status)}\n")
        out.write(f"  authentic:   {_describe(rules.authentic)}\n")
        out.write(f"  prevailing:  {_describe(rules.prevailing)}\n")
        out.write(f"  working:     {_describe(rules.working)}\n")
        out.write("  forms in:\n")
        for line in _status_lines(agreement):
            out.write(line + "\n")
        out.write(f"  forms:       {', '.join(agreement.form_ids)}\n\n")
    return OK


def run_forms(args: argparse.Namespace) -> int:
    agreement = get_agreement(args.agreement)
    rows = [
        {
            "id": form.id,
            "annex": _fact(form.annex),
            "title": {lang.value: text for lang, text in form.title.items()},
            "model": form.model,
            "basis": [source.model_dump() for source in form.basis],
        }
        for form in agreement.forms
    ]
    if args.json:
        print_json(rows)
        return OK
    for form in agreement.forms:
        annex = form.annex.value if form.annex.stated else "model form (no annex in the sources)"
        basis = "; ".join(source.ref for source in form.basis)
        sys.stdout.write(f"{form.id:<22} {annex:<40} {form.title[Lang.EN]}  [{basis}]\n")
    return OK
