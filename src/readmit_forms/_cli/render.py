"""``render``: forms of one or more cases, in one or more languages.

A batch runs in ``--jobs`` worker processes, one case at a time each; one bad case
never stops the rest. On a terminal a progress bar shows how far it is (not with
``--quiet``); it ends with one summary line, or with ``--json`` a report on standard
output. ``--resume`` skips outputs already written for the same input (by hash)."""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import signal
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .. import (
    Case,
    CaseRefusedError,
    Lang,
    ReadmitFormsError,
    __version__,
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
    clean_stale_parts,
    error_lines,
    exit_code,
    internal_error,
    output_path,
    report,
    write_atomic,
    write_stdout,
)

RESUME_FILE = ".readmit-forms-resume.json"
"""Where ``--resume`` records, in the output folder, the input hash of each output."""


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


@dataclass(frozen=True)
class _Batch:
    """What every job of the run shares (sent once to each worker)."""

    form: str
    langs: tuple[str, ...]
    format: str
    draft: bool
    purpose: str
    output: str | None
    many: bool
    allow_photo_outside: bool
    options: dict[str, Any]
    resume: dict[str, str] | None
    """With ``--resume``: output name → input hash of the outputs former runs wrote."""
    salt: str
    """What besides the case decides the bytes: version, options, the template's hash."""


@dataclass
class _Done:
    """One document's outcome: written, skipped (``--resume``), refused or failed."""

    case: str
    form: str | None
    lang: str | None
    status: str
    output: str | None = None
    problems: list[str] = field(default_factory=list)
    code: int = OK
    input_hash: str | None = None


@dataclass
class _CaseResult:
    """A case's documents and the lines to report for it, in order."""

    done: list[_Done] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    stdout: bytes | None = None


def _note_unstated_working_language(purpose: str, case: Case, lang: str) -> str | None:
    """For a submission where the sources state no working language, say so (not an error)."""
    agreement = get_agreement(case.agreement)
    language = Lang.parse(lang)
    if purpose == "submission" and language_status(agreement, language).working == "not-stated":
        return f"note: {purpose_decision(agreement, language, purpose).reason}"
    return None


def _failure(label: str, exc: BaseException, lang: Lang) -> tuple[str, list[str]]:
    """A failed job's status ("refused" or "failed") and its lines, each naming the job."""
    if isinstance(exc, CaseRefusedError):
        lines = [f"{label}: {finding.line(lang)}" for finding in exc.findings]
        lines.append(
            f"{label}: refused: {len(exc.findings)} error(s); use --draft to render anyway"
        )
        return "refused", lines
    if isinstance(exc, ReadmitFormsError):
        return "failed", [f"{label}: {exc}"]
    if os.environ.get("READMIT_FORMS_DEBUG"):  # a bug: show it
        raise exc
    return "failed", [f"{label}: {internal_error(exc)}"]


def _input_hash(batch: _Batch, raw: bytes, case: Case, form: str, lang: str) -> str:
    digest = hashlib.sha256(f"{batch.salt}\0{form}\0{lang}\0".encode())
    digest.update(hashlib.sha256(raw).digest())
    photo = case.person.photo
    if photo is not None and photo.is_file():
        digest.update(hashlib.sha256(photo.read_bytes()).digest())
    return digest.hexdigest()


def _run_case(batch: _Batch, raw_path: str) -> _CaseResult:
    """Every document of one case (in a worker, or in this process for one job)."""
    result = _CaseResult()
    path = Path(raw_path)
    try:
        raw = path.read_bytes() if batch.resume is not None else b""
        case = load_case(raw_path, allow_photo_outside=batch.allow_photo_outside)
    except Exception as exc:
        if isinstance(exc, ReadmitFormsError):
            status, lines = "failed", error_lines(exc)
        else:
            status, lines = _failure(raw_path, exc, Lang.EN)
        result.lines += lines
        result.done.append(_Done(raw_path, None, None, status, None, lines, exit_code(exc)))
        return result
    # 'all': the forms the case calls for, in the agreement's order
    forms = applicable_forms(case) if batch.form == "all" else [batch.form]
    for form in forms:
        for lang in batch.langs:
            result.done.append(_one(batch, result, path, raw, case, form, lang))
    return result


def _one(
    batch: _Batch, result: _CaseResult, path: Path, raw: bytes, case: Case, form: str, lang: str
) -> _Done:
    label = f"{path} [{form}, {lang}]"
    done = _Done(str(path), form, lang, "written")
    try:
        note = _note_unstated_working_language(batch.purpose, case, lang)
        if note:
            result.lines.append(f"{label}: {note}")
        target = output_path(batch.output, f"{path.stem}.{form}.{lang}.{batch.format}", batch.many)
        if batch.resume is not None and target is not None:
            done.input_hash = _input_hash(batch, raw, case, form, lang)
            if target.is_file() and batch.resume.get(target.name) == done.input_hash:
                done.status, done.output = "skipped", str(target)
                return done
        data = render(
            case,
            form=form,
            lang=lang,
            format=batch.format,
            draft=batch.draft,
            purpose=batch.purpose,
            **batch.options,
        )
        if target is None:
            result.stdout = data
        else:
            # a signed file is never replaced; the batch goes on (its folder tidied at its start)
            write_atomic(target, data, tidy=not batch.many)
            done.output = str(target)
    except Exception as exc:
        done.status, done.problems = _failure(label, exc, Lang(lang))
        done.code = exit_code(exc)
        result.lines += done.problems
    return done


_WORKER_BATCH: _Batch | None = None


def _start_worker(batch: _Batch) -> None:
    global _WORKER_BATCH
    _WORKER_BATCH = batch
    # Ctrl-C and SIGTERM are the parent's to handle: it stops the workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _worker(raw_path: str) -> _CaseResult:
    assert _WORKER_BATCH is not None
    return _run_case(_WORKER_BATCH, raw_path)


def _results(batch: _Batch, cases: list[str], jobs: int) -> Iterator[_CaseResult]:
    """The result of each case, in the order given (several at once in ``jobs`` processes)."""
    if jobs <= 1 or len(cases) <= 1:
        for raw in cases:
            yield _run_case(batch, raw)
        return
    import multiprocessing

    # fork: the workers start with this process's modules and caches already loaded
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(8, len(cases) // (jobs * 16)))
    # what the workers inherit is left out of their garbage collections (which would
    # otherwise walk it, and copy every page of it, again and again): gc.freeze's purpose
    gc.freeze()
    try:
        pool = context.Pool(jobs, _start_worker, (batch,))
    finally:
        gc.unfreeze()  # in this process, collected as before (the workers have forked)
    try:
        yield from pool.imap(_worker, cases, chunksize=chunk)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _salt(args: argparse.Namespace, options: dict[str, Any]) -> str:
    template = options.get("docx_template")
    template_hash = hashlib.sha256(Path(template).read_bytes()).hexdigest() if template else ""
    return "\0".join(
        (__version__, args.format.strip().lower(), str(args.draft), args.purpose, template_hash)
    )


def _read_resume(folder: Path | None) -> dict[str, str]:
    if folder is None:
        return {}
    try:
        recorded = json.loads((folder / RESUME_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in recorded.items()} if isinstance(recorded, dict) else {}


class _Progress:
    """A progress bar (rich) over the cases, on a terminal only; lines print above it."""

    def __init__(self, total: int, show: bool) -> None:
        self._bar: Any = None
        if show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self._bar = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task("cases", total=total)
            self._bar.start()

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def line(self, text: str) -> None:
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            report(text)

    def advance(self, documents: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=f"{documents} documents")

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def run_render(args: argparse.Namespace) -> int:
    check_format(args.format)  # unknown format: usage error before any work
    langs = _langs(args.lang)
    options = _options(args)
    jobs = args.jobs if args.jobs is not None else _default_jobs()
    if jobs < 1:
        report("readmit-forms render: error: --jobs must be at least 1")
        return 2
    many = len(args.cases) > 1 or len(langs) > 1 or args.form == "all"
    if args.output == "-" and (many or args.json):
        report("-o - writes one document only; give a folder for several")
        return 2
    folder = output_path(args.output, "x", many)
    folder = folder.parent if folder is not None else None
    resume = _read_resume(folder) if args.resume else None
    if many and folder is not None:
        clean_stale_parts(folder, None)  # once, not before each of thousands of files
    batch = _Batch(
        args.form, tuple(langs), args.format, args.draft, args.purpose, args.output, many,
        args.allow_photo_outside, options, resume, _salt(args, options),
    )  # fmt: skip
    progress = _Progress(
        len(args.cases), sys.stderr.isatty() and not args.quiet and len(args.cases) > 1
    )
    worst, done = OK, []
    try:
        for result in _results(batch, args.cases, jobs):
            for line in result.lines:
                progress.line(line)
            for item in result.done:
                worst = max(worst, item.code)
                quiet = args.quiet or args.json or progress.shown
                if item.status == "written" and item.output is not None and not quiet:
                    report(f"wrote {item.output}")
            if result.stdout is not None:
                write_stdout(result.stdout)
            done += result.done
            progress.advance(sum(d.status in ("written", "skipped") for d in done))
    finally:
        progress.stop()
        if resume is not None and folder is not None:
            _write_resume(folder, resume, done)
    _summary(args, done, many)
    return worst


def _write_resume(folder: Path, resume: dict[str, str], done: list[_Done]) -> None:
    recorded = dict(resume)
    for item in done:
        if item.output is not None and item.input_hash is not None:
            recorded[Path(item.output).name] = item.input_hash
    if recorded and folder.is_dir():
        text = json.dumps(dict(sorted(recorded.items())), indent=0)
        write_atomic(folder / RESUME_FILE, text.encode("utf-8"))


_STATUSES = ("written", "skipped", "refused", "failed")


def _summary(args: argparse.Namespace, done: list[_Done], many: bool) -> None:
    counts = {status: sum(d.status == status for d in done) for status in _STATUSES}
    if args.json:
        documents = [{k: v for k, v in asdict(d).items() if k != "input_hash"} for d in done]
        sys.stdout.write(json.dumps({**counts, "documents": documents}, ensure_ascii=False) + "\n")
        return
    if args.quiet or not (many or len(done) > 1):
        return
    line = f"{counts['written']} written, {counts['refused']} refused, {counts['failed']} failed"
    if counts["skipped"]:
        line += f", {counts['skipped']} skipped (--resume: unchanged)"
    report(line)
