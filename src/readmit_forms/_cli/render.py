"""``render``: forms of one or more cases, in one or more languages.

One bad job never stops the rest."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from .. import (
    Case,
    CaseRefusedError,
    Lang,
    ReadmitFormsError,
    applicable_forms,
    check_format,
    get_agreement,
    language_status,
    load_case,
    purpose_decision,
    render,
)
from ._common import (
    OK,
    error_lines,
    exit_code,
    internal_error,
    output_path,
    report,
    write_atomic,
    write_stdout,
)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """Backend options from the command line (checked before any job runs)."""
    if args.fillable:
        if args.format.strip().lower() != "pdf":
            report("readmit-forms render: error: --fillable applies to --format pdf only")
            raise SystemExit(2)
        return {"fillable": True}
    if args.docx_template is None:
        return {}
    if args.format.strip().lower() != "docx":
        report("readmit-forms render: error: --docx-template applies to --format docx only")
        raise SystemExit(2)
    options = {"docx_template": args.docx_template}
    check_format(args.format, **options)  # a broken template: one line, exit 2, no job run
    return options


def _langs(values: list[str]) -> list[str]:
    langs: list[str] = []
    for value in values:
        for part in value.split(","):
            if part.strip().lower() == "all":
                langs += [lang.value for lang in Lang]
            else:
                langs.append(Lang.parse(part).value)
    return list(dict.fromkeys(langs))


def _note_unstated_working_language(purpose: str, case: Case, lang: str, label: str) -> None:
    """For a submission where the sources state no working language, say so (not an error)."""
    agreement = get_agreement(case.agreement)
    language = Lang.parse(lang)
    if purpose == "submission" and language_status(agreement, language).working == "not-stated":
        report(f"{label}: note: {purpose_decision(agreement, language, purpose).reason}")


def _job_failed(label: str, exc: BaseException, lang: Lang) -> int:
    """Report a job that failed (one line each, naming the job); its exit code."""
    if isinstance(exc, CaseRefusedError):
        for finding in exc.findings:
            report(f"{label}: {finding.line(lang)}")
        report(f"{label}: refused: {len(exc.findings)} error(s); use --draft to render anyway")
    elif isinstance(exc, ReadmitFormsError):
        report(f"{label}: {exc}")
    else:  # a bug: report it with the job, go on with the others
        if os.environ.get("READMIT_FORMS_DEBUG"):
            raise exc
        report(f"{label}: {internal_error(exc)}")
    return exit_code(exc)


def run_render(args: argparse.Namespace) -> int:
    check_format(args.format)  # unknown format: usage error before any work
    langs = _langs(args.lang)
    options = _options(args)
    cases: list[tuple[Path, Case]] = []
    worst = OK
    for raw in args.cases:
        try:
            cases.append((Path(raw), load_case(raw, allow_photo_outside=args.allow_photo_outside)))
        except ReadmitFormsError as exc:
            for line in error_lines(exc):
                report(line)
            worst = max(worst, exit_code(exc))
        except Exception as exc:
            worst = max(worst, _job_failed(raw, exc, Lang.EN))
    jobs = []
    for path, case in cases:
        # 'all': the forms the case calls for, in the agreement's order
        forms = applicable_forms(case) if args.form == "all" else [args.form]
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
            target = output_path(args.output, f"{path.stem}.{form}.{lang}.{args.format}", many)
            if target is None:
                write_stdout(data)
                continue
            write_atomic(target, data)  # a signed file is never replaced; the batch goes on
        except Exception as exc:
            worst = max(worst, _job_failed(label, exc, Lang(lang)))
            continue
        report(f"wrote {target}")
    return worst
