"""``render``: forms of one or more cases, in one or more languages.

One bad job never stops the rest."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from .._agreements import get_agreement
from .._case import Case
from .._category import forms_in_play
from .._errors import (
    CaseFileError,
    CaseRefusedError,
    CaseSchemaError,
    ReadmitFormsError,
    SignedFileError,
    TemplateError,
    UsageError,
)
from .._lang import LANGS, Lang, parse_lang
from .._languages import PURPOSES, language_status, purpose_decision
from .._loading import load_case
from .._render import render
from ..backends import FORMATS, backend
from ._common import (
    OK,
    OutputError,
    add_photo_option,
    internal_error,
    output_path,
    report,
    write_atomic,
    write_stdout,
)


def add(sub: Any) -> None:
    p = sub.add_parser(
        "render",
        help="render forms as PDF, DOCX or HTML",
        description="Render FORM of each CASE in each language. With several cases, forms or "
        "languages, -o names a folder; one failing job does not stop the others.",
    )
    p.add_argument("cases", metavar="CASE", nargs="+", help="case file(s), JSON or YAML")
    p.add_argument(
        "--form",
        required=True,
        help="form id, or 'all' for the forms the case calls for: its transit request, or "
        "its readmission request with the interview petition, the person's statement and "
        "the handover notice where the case has them",
    )
    p.add_argument(
        "--lang",
        required=True,
        action="append",
        help="kk, ru or en (repeat, or 'all' for the three)",
    )
    p.add_argument(
        "--purpose",
        choices=PURPOSES,
        default="default",
        help="submission: refuse a language that is not the agreement's working language "
        "(naming the article); default: any language, its status stated in the footer",
    )
    p.add_argument("--format", default="pdf", help=f"output format ({', '.join(sorted(FORMATS))})")
    p.add_argument("-o", "--output", help="output file, folder, or - for standard output")
    p.add_argument("--draft", action="store_true", help="render even with errors, marked DRAFT")
    p.add_argument(
        "--docx-template",
        metavar="TEMPLATE.docx",
        help="with --format docx: your restyled copy of the bundled template "
        "(letterhead, fonts, margins) instead of the bundled one",
    )
    add_photo_option(p)
    p.set_defaults(run=run_render, options=_options)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """Backend options from the command line (checked before any job runs)."""
    if args.docx_template is None:
        return {}
    if args.format.strip().lower() != "docx":
        report("readmit-forms render: error: --docx-template applies to --format docx only")
        raise SystemExit(2)
    from ..backends._docx import load_template

    load_template(args.docx_template)  # a broken template: one line, exit 2, no job run
    return {"docx_template": args.docx_template}


def _langs(values: list[str]) -> list[str]:
    langs: list[str] = []
    for value in values:
        for part in value.split(","):
            if part.strip().lower() == "all":
                langs += [lang.value for lang in LANGS]
            else:
                langs.append(parse_lang(part).value)
    return list(dict.fromkeys(langs))


def _note_unstated_working_language(purpose: str, case: Case, lang: str, label: str) -> None:
    """For a submission where the sources state no working language, say so (not an error)."""
    agreement = get_agreement(case.agreement)
    language = parse_lang(lang)
    if purpose == "submission" and language_status(agreement, language).working == "not-stated":
        report(f"{label}: note: {purpose_decision(agreement, language, purpose).reason}")


def run_render(args: argparse.Namespace) -> int:
    backend(args.format)  # unknown format: usage error before any work
    langs = _langs(args.lang)
    options = args.options(args)
    cases: list[tuple[Path, Case | None]] = []
    allow = args.allow_photo_outside
    worst = OK
    for raw in args.cases:
        try:
            cases.append((Path(raw), load_case(raw, allow_photo_outside=allow)))
        except CaseSchemaError as exc:
            for problem in exc.problems:
                report(f"{exc.source}: {problem}")
            worst = max(worst, 1)
        except CaseFileError as exc:
            report(str(exc))
            worst = max(worst, 2)
        except Exception as exc:  # a bug: report it with the file, go on with the others
            if os.environ.get("READMIT_FORMS_DEBUG"):
                raise
            report(f"{raw}: {internal_error(exc)}")
            worst = max(worst, 3)
    jobs = []
    for path, case in cases:
        assert case is not None
        agreement = get_agreement(case.agreement)
        forms = [args.form]
        if args.form == "all":  # the forms the case calls for, in the agreement's order
            wanted = forms_in_play(case, agreement)
            forms = [form for form in agreement.form_ids if form in wanted]
        jobs += [(path, case, form, lang) for form in forms for lang in langs]
    many = len(jobs) > 1 or len(args.cases) > 1
    if args.output == "-" and many:
        report("-o - writes one document only; give a folder for several")
        return 2
    for path, case, form, lang in jobs:
        label = f"{path} [{form}, {lang}]"
        try:
            _note_unstated_working_language(args.purpose, case, lang, label)
            data = render(
                case,
                form=form,
                lang=lang,
                format=args.format,
                draft=args.draft,
                purpose=args.purpose,
                **options,
            )
        except CaseRefusedError as exc:
            for finding in exc.findings:
                report(f"{label}: {finding.line(Lang(lang))}")
            report(f"{label}: refused: {len(exc.findings)} error(s); use --draft to render anyway")
            worst = max(worst, 1)
            continue
        except (UsageError, TemplateError) as exc:
            report(f"{label}: {exc}")
            worst = max(worst, 2)
            continue
        except ReadmitFormsError as exc:
            report(f"{label}: {exc}")
            worst = max(worst, 1)
            continue
        except Exception as exc:  # a bug: report it with the job, go on with the others
            if os.environ.get("READMIT_FORMS_DEBUG"):
                raise
            report(f"{label}: {internal_error(exc)}")
            worst = max(worst, 3)
            continue
        target = output_path(args.output, f"{path.stem}.{form}.{lang}.{args.format}", many)
        if target is None:
            write_stdout(data)
            continue
        try:
            write_atomic(target, data)
        except SignedFileError as exc:  # a signed file is never replaced; the batch goes on
            report(f"{label}: {exc}")
            worst = max(worst, exc.exit_code)
        except OutputError as exc:
            report(f"{label}: {exc}")
            worst = max(worst, 2)
            continue
        report(f"wrote {target}")
    return worst
