"""The ``readmit-forms`` command: a thin layer over the library that does all file I/O.

Exit codes: 0 fine; 1 the case has errors (schema problems, error findings,
refused language), a signature or bundle fails its check, or the register
refuses the change (a version conflict, a stale document); 2 usage error,
unreadable input, unwritable output, an agreement pack naming what is not known,
a key that cannot sign, or a register that cannot be opened. Every problem is one
line on standard error; there is never a traceback (set READMIT_FORMS_DEBUG=1 to
see one for an internal error — a bug — which exits with 3). SIGTERM and SIGHUP
end the run like Ctrl-C: temporary files are removed.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence
from importlib import import_module, resources
from pathlib import Path
from typing import Any

# The command line needs no third-party pydantic plugins; not scanning the installed
# packages for them saves part of the start-up (an embedding program keeps its own). Set
# before the first model is built, that is before what follows is imported.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from .. import (
    CASE_STATES,
    PURPOSES,
    Lang,
    ReadmitFormsError,
    __version__,
    add_packs,
    formats,
)
from .._yaml import load_data
from ._common import OK, error_lines, exit_code, internal_error, report

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message} (see {self.prog} --help)\n")
        raise SystemExit(2)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command, as ``commands.yaml`` declares them.

    Given the arguments, a command they do not name gets only its name and help (what
    ``--help`` lists): it cannot be the one run, and its options cost start-up time."""
    named = set(argv) if argv is not None else None
    spec = load_data((resources.files(__name__) / "commands.yaml").read_text("utf-8"))
    parser = _Parser(
        prog="readmit-forms",
        description="Forms of Kazakhstan's bilateral readmission agreements, in kk, ru and en.",
    )
    parser.add_argument("--version", action="version", version=_version())
    _add_options(parser, spec["packs"], {})
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    # every command takes the pack options too; SUPPRESS keeps a value given before the command
    packs = [{**option, "default": argparse.SUPPRESS} for option in spec["packs"]]
    for command in spec["commands"]:
        _add_command(sub, command, spec["shared"], packs, named)
    return parser


_CHOICES: dict[str, Callable[[], Sequence[str]]] = {
    "formats": lambda: sorted(formats()),
    "langs": lambda: [lang.value for lang in Lang],
    "purposes": lambda: PURPOSES,
    "case-states": lambda: CASE_STATES,
}
_TYPES: dict[str, Callable[[str], Any]] = {"int": int, "path": Path}


def _add_command(
    sub: Any,
    spec: dict[str, Any],
    shared: dict[str, Any],
    packs: Sequence[Any],
    named: set[str] | None,
) -> None:
    keywords = {k: spec[k] for k in ("help", "description", "allow_abbrev") if k in spec}
    parser = sub.add_parser(spec["name"], **keywords)
    if named is not None and spec["name"] not in named:
        return
    _add_options(parser, [*packs, *spec.get("options", ())], shared)
    if "subcommands" in spec:
        nested = spec["subcommands"]
        commands = parser.add_subparsers(dest=nested["dest"], metavar=nested["metavar"])
        commands.required = True
        for command in nested["commands"]:
            _add_command(commands, command, shared, packs, named)
    if "run" in spec:
        parser.set_defaults(run=spec["run"])


def _add_options(parser: Any, options: Sequence[Any], shared: dict[str, Any]) -> None:
    for option in options:
        option = shared[option] if isinstance(option, str) else option
        if "group" in option:  # options of which one at most (or exactly one) is given
            group = parser.add_mutually_exclusive_group(required=option["group"]["required"])
            _add_options(group, option["group"]["options"], shared)
            continue
        if "section" in option:  # options listed under a title of their own in the help
            section = parser.add_argument_group(option["section"]["title"])
            _add_options(section, option["section"]["options"], shared)
            continue
        keywords = {k: v for k, v in option.items() if k != "flags"}
        if isinstance(keywords.get("choices"), str):
            keywords["choices"] = _CHOICES[keywords["choices"]]()
        if "type" in keywords:
            keywords["type"] = _TYPES[keywords["type"]]
        if "help" in keywords:
            keywords["help"] = keywords["help"].replace("{formats}", ", ".join(sorted(formats())))
        parser.add_argument(*option["flags"], **keywords)


def _runner(name: str) -> Callable[[argparse.Namespace], int]:
    """The run function ``module:function`` of a command (its module imported now)."""
    module, _, function = name.partition(":")
    run: Callable[[argparse.Namespace], int] = getattr(
        import_module(f"{__name__}.{module}"), function
    )
    return run


def _version() -> str:
    return f"readmit-forms {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    try:
        args = parser.parse_args(arguments)
        if args.agreements:
            add_packs(args.agreements, replace=args.replace_agreements)
        return _runner(args.run)(args)
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
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    code = main()
    # Everything is written (each output is fsynced before it is renamed into place) and
    # the exit handlers run; then the process ends without tearing down every module
    # and object one by one, which takes longer than a render (~0.2 s).
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None: the stream was closed before the program started
            with contextlib.suppress(OSError, ValueError):  # a closed pipe
                stream.flush()
    atexit._run_exitfuncs()
    os._exit(code)
