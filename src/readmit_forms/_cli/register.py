"""``register``: the case register — cases, documents, the data-protection record, retention.

Each subcommand is a thin shell over one `Register` method; the register is the
SQLite file in the user's data folder unless ``--db URL`` or ``READMIT_FORMS_DB``
name another database. This module has the cases and their versions;
``register_records`` the documents and the record of personal data.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .. import CASE_STATES, Case, load_case
from . import register_records as records
from ._common import OK, add_photo_option, print_json, report
from ._register_common import add_by_option, add_db_option, counterpart, open_register, who


def add(sub: Any) -> None:
    p = sub.add_parser(
        "register",
        help="the case register: cases, documents sent and received, retention",
        description="The case register: every saved version of a case, the documents rendered "
        "from it, the record of personal data sent, received and destroyed that the agreement "
        "requires, and the subject report.",
    )
    sub_commands = p.add_subparsers(dest="register_command", metavar="COMMAND")
    sub_commands.required = True

    class _Commands:
        """Every subcommand takes --db."""

        @staticmethod
        def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
            parser: argparse.ArgumentParser = sub_commands.add_parser(name, **kwargs)
            add_db_option(parser)
            return parser

    commands = _Commands()

    c = commands.add_parser("init", help="create the register, or bring its schema up to date")
    c.set_defaults(run=run_init)

    c = commands.add_parser("add", help="register a new case (version 1); prints its reference")
    c.add_argument("case", metavar="CASE", help="case file (JSON or YAML)")
    add_by_option(c, "who saves it")
    add_photo_option(c)
    c.set_defaults(run=run_add)

    c = commands.add_parser("save", help="save a new version of a case")
    c.add_argument("ref", metavar="REF")
    c.add_argument("case", metavar="CASE", help="the edited case file (JSON or YAML)")
    add_photo_option(c)
    c.add_argument(
        "--version",
        type=int,
        required=True,
        help="the version you edited (see 'show'); if someone saved after it, nothing is saved",
    )
    c.add_argument("--state", choices=CASE_STATES, help="also set the state of the case")
    add_by_option(c, "who saves it")
    c.set_defaults(run=run_save)

    c = commands.add_parser("state", help="set the state of a case (closed: no open deadlines)")
    c.add_argument("ref", metavar="REF")
    c.add_argument("state", choices=CASE_STATES)
    c.set_defaults(run=run_state)

    c = commands.add_parser("list", help="the registered cases, most recently saved first")
    c.add_argument("--state", choices=CASE_STATES)
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=run_list)

    c = commands.add_parser("show", help="one case: state, version, documents, record")
    c.add_argument("ref", metavar="REF")
    c.add_argument("--case", action="store_true", help="print the case data (to edit and save)")
    c.add_argument("--version", type=int, help="with --case: an earlier version")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=run_show)

    c = commands.add_parser("history", help="every saved version: who, when, what changed")
    c.add_argument("ref", metavar="REF")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=run_history)
    records.add_commands(commands)


def run_init(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        sys.stdout.write(f"register at {register.url}: schema version {register.schema_version}\n")
    return OK


def _case(args: argparse.Namespace) -> Case:
    """The case file named on the command line (its photo in its folder unless allowed)."""
    return load_case(args.case, allow_photo_outside=args.allow_photo_outside)


def run_add(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        entry = register.add(_case(args), by=who(args))
    sys.stdout.write(f"{entry.ref}\n")
    report(f"registered {entry.ref} (version {entry.version}, {entry.state})")
    return OK


def run_save(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        entry = register.save(
            args.ref, _case(args), based_on=args.version, by=who(args), state=args.state
        )
    report(f"saved {entry.ref} version {entry.version} ({entry.state})")
    return OK


def run_state(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        entry = register.set_state(args.ref, args.state)
    report(f"{entry.ref} is now {entry.state}")
    return OK


def run_list(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        entries = register.cases(state=args.state)
    if args.json:
        print_json([entry.to_dict() for entry in entries])
        return OK
    for e in entries:
        saved = e.updated_at.strftime("%Y-%m-%d %H:%M")
        sys.stdout.write(f"{e.ref}  {e.agreement}  {e.state:<11}  v{e.version}  {saved} UTC\n")
    return OK


def run_show(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        entry = register.get(args.ref, args.version)
        if args.case:
            assert entry.case is not None
            print_json(entry.case.model_dump(mode="json", exclude_none=True, exclude_defaults=True))
            return OK
        documents = register.documents(entry.ref)
        records = register.records(entry.ref)
        open_limits = register.due(ref=entry.ref)
    if args.json:
        print_json(
            {
                **entry.to_dict(),
                "documents": [d.to_dict() for d in documents],
                "records": [r.to_dict() for r in records],
                "due": [d.to_dict() for d in open_limits],
            }
        )
        return OK
    out = [f"{entry.ref}  {entry.agreement}  {entry.state}  version {entry.version}"]
    for d in documents:
        mark = "" if d.version == entry.version else "  (older version)"
        out.append(
            f"  document {d.sha256[:12]}  v{d.version} {d.form} {d.lang} {d.format}"
            f"{' draft' if d.draft else ''}{mark}"
        )
    for r in records:
        out.append(f"  {r.kind:<12} {r.at.strftime('%Y-%m-%d %H:%M')} UTC  {counterpart(r)}")
    for limit in open_limits:
        out.append(f"  due {limit.due.isoformat()}  {limit.deadline}")
    sys.stdout.write("\n".join(out) + "\n")
    return OK


def run_history(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        versions = register.history(args.ref)
    if args.json:
        print_json([v.to_dict() for v in versions])
        return OK
    for v in versions:
        what = "created" if v.changes == ("*",) else ", ".join(v.changes) or "no change"
        saved = v.saved_at.strftime("%Y-%m-%d %H:%M")
        sys.stdout.write(f"v{v.number}  {saved} UTC  {v.saved_by}  {v.state}  {what}\n")
    return OK
