"""The ``readmit-forms`` command: a thin layer over the library that does all file I/O.

Exit codes: 0 fine; 1 the case has errors (schema problems, error findings,
refused language), a signature or bundle fails its check, or the register
refuses the change (a version conflict, a stale document); 2 usage error,
unreadable input, unwritable output, a key that cannot sign, or a register that
cannot be opened. Every problem is one line on standard error; there is never a
traceback (set READMIT_FORMS_DEBUG=1 to see one for an internal error — a bug —
which exits with 3). SIGTERM and SIGHUP end the run like Ctrl-C: temporary files
are removed.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from .. import ReadmitFormsError, __version__
from ._common import OK, error_lines, exit_code, internal_error, report

__all__ = ["main"]

# (module, help) per subcommand; each module has ``add(subparsers)`` and its own run.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("agreements", "the agreements and their forms"),
    ("schema", "the case schema"),
    ("validate", "validate a case"),
    ("deadlines", "time limits of a case"),
    ("render", "render forms"),
    ("proof", "the translators' proof: a form in kk, ru and en side by side"),
    ("check_templates", "check the kk, ru and en templates"),
    ("sign", "sign a PDF (PAdES), or prepare and finish an outside signature"),
    ("verify", "check the signatures of a PDF"),
    ("bundle", "the case bundle (PDF/A-3b), and the case back out of it"),
    ("register", "the case register"),
    ("due", "open deadlines across the register"),
    ("serve", "the clerk's workbench and the HTTP API"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="readmit-forms",
        description="Forms of Kazakhstan's bilateral readmission agreements, in kk, ru and en.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module, _ in COMMANDS:
        import_module(f"{__name__}.{module}").add(sub)
    return parser


def _version() -> str:
    return f"readmit-forms {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    except BrokenPipeError:
        return OK
    except KeyboardInterrupt as exc:
        report("interrupted")
        return exit_code(exc)
    except ReadmitFormsError as exc:
        for line in error_lines(exc):
            report(line)
        return exit_code(exc)
    except Exception as exc:
        if os.environ.get("READMIT_FORMS_DEBUG"):
            raise
        report(internal_error(exc))
        return exit_code(exc)


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # unwinds like Ctrl-C: a temporary file is removed on the way


def entry() -> None:
    # The command line needs no third-party pydantic plugins; not scanning the installed
    # packages for them saves part of the start-up (an embedding program keeps its own).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    sys.exit(main())
