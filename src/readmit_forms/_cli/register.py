"""``register``: the case register — cases, documents, the data-protection record, retention.

Each subcommand is a thin shell over one `Register` method; the register is the
SQLite file in the user's data folder unless ``--db URL`` or ``READMIT_FORMS_DB``
name another database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._backends import formats
from .._case import Case
from .._errors import CaseFileError, UsageError
from .._lang import LANGS
from .._loading import load_case
from .._register._results import ENV, STATES, DataRecord
from ._common import (
    OK,
    add_photo_option,
    print_json,
    read_input,
    report,
    write_atomic,
    write_stdout,
)
from .deadlines import _BadDate

if TYPE_CHECKING:
    from .._register._api import Register


class _BadValue(UsageError):
    kind = "value"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"the register's database (default: ${ENV}, else a SQLite file in your data folder)",
    )


def open_register(args: argparse.Namespace) -> Register:
    from .._register._api import Register  # SQLAlchemy only for the commands that use it

    return Register(args.db)


def _by(parser: argparse.ArgumentParser, what: str = "who does it") -> None:
    parser.add_argument(
        "--by",
        metavar="PERSON",
        help=f"{what} (default: $READMIT_FORMS_USER, else your login name)",
    )


def _who(args: argparse.Namespace) -> str:
    given = getattr(args, "by", None)
    if given:
        return str(given)
    return os.environ.get("READMIT_FORMS_USER") or getpass.getuser()


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
    _by(c, "who saves it")
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
    c.add_argument("--state", choices=STATES, help="also set the state of the case")
    _by(c, "who saves it")
    c.set_defaults(run=run_save)

    c = commands.add_parser("state", help="set the state of a case (closed: no open deadlines)")
    c.add_argument("ref", metavar="REF")
    c.add_argument("state", choices=STATES)
    c.set_defaults(run=run_state)

    c = commands.add_parser("list", help="the registered cases, most recently saved first")
    c.add_argument("--state", choices=STATES)
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

    c = commands.add_parser(
        "render", help="render a form of the case's current version and record the document"
    )
    c.add_argument("ref", metavar="REF")
    c.add_argument("--form", required=True)
    c.add_argument("--lang", required=True, choices=[lang.value for lang in LANGS])
    c.add_argument("--format", default="pdf", choices=sorted(formats()))
    c.add_argument("--purpose", default="default", choices=("default", "submission"))
    c.add_argument("--draft", action="store_true", help="render even with errors, marked DRAFT")
    c.add_argument("--keep", action="store_true", help="keep the bytes in the register too")
    c.add_argument("-o", "--output", help="output file or folder, or - for standard output")
    _by(c)
    c.set_defaults(run=run_render)

    c = commands.add_parser(
        "attach", help="record a file made from a registered document (a signed copy, a PDF)"
    )
    c.add_argument("ref", metavar="REF")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--from", dest="source", required=True, metavar="SHA", help="its source")
    c.add_argument("--keep", action="store_true", help="keep the bytes in the register too")
    _by(c)
    c.set_defaults(run=run_attach)

    c = commands.add_parser("transmit", help="record that a document was sent to an authority")
    c.add_argument("ref", metavar="REF")
    c.add_argument(
        "--document", required=True, metavar="SHA|FILE", help="its SHA-256 (or prefix) or the file"
    )
    c.add_argument("--to", required=True, metavar="AUTHORITY", help="id from the agreement or name")
    c.add_argument("--purpose", help="why (readmission, transit, interview, handover, or text)")
    c.add_argument("--from", dest="sender", metavar="AUTHORITY", help="default: the competent one")
    c.add_argument("--recipient-person", metavar="PERSON", help="who receives it there")
    c.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="when it was sent (default: now)")
    _by(c, "who sends it")
    c.set_defaults(run=run_transmit)

    c = commands.add_parser(
        "receive", help="record personal data received (a reply: --reply positive|negative)"
    )
    c.add_argument("ref", metavar="REF")
    c.add_argument("--from", dest="sender", required=True, metavar="AUTHORITY")
    c.add_argument("--purpose", help="why they were sent (reply, or text)")
    c.add_argument("--sender-person", metavar="PERSON", help="who sent it")
    c.add_argument("--to", dest="recipient", metavar="AUTHORITY", help="default: the competent one")
    c.add_argument("--note", help="what was received, in a few words")
    c.add_argument("--file", help="the file received (recorded by SHA-256 and size)")
    c.add_argument("--reply", choices=("positive", "negative"), help="saves the reply in the case")
    c.add_argument("--reply-date", metavar="YYYY-MM-DD", help="date of the reply")
    c.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", help="when it was received (default: now)")
    _by(c, "who receives it")
    c.set_defaults(run=run_receive)

    c = commands.add_parser("records", help="the data-protection record (of a case, or all)")
    c.add_argument("ref", metavar="REF", nargs="?")
    c.add_argument("--json", action="store_true")
    c.set_defaults(run=run_records)

    c = commands.add_parser(
        "purge", help="destroy entries past their retention period and record the destruction"
    )
    c.add_argument("--dry-run", action="store_true", help="list what would go; change nothing")
    c.add_argument("--json", action="store_true")
    _by(c)
    c.set_defaults(run=run_purge)

    c = commands.add_parser(
        "subject-report", help="what data of a person were sent or received: a PDF for them"
    )
    c.add_argument("person", metavar="PERSON", help="a name (any spelling kept) or a case REF")
    c.add_argument("--born", metavar="YYYY-MM-DD", help="date of birth, where names are shared")
    c.add_argument("--lang", choices=[lang.value for lang in LANGS], help="default: theirs")
    c.add_argument("--format", default="pdf", choices=sorted(formats()))
    c.add_argument("-o", "--output", help="output file, or - for standard output")
    c.set_defaults(run=run_subject_report)


# -- parsing ------------------------------------------------------------------------


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _BadDate(value, ["YYYY-MM-DD"]) from None


def _moment(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise _BadDate(value, ["YYYY-MM-DDTHH:MM", "YYYY-MM-DD"]) from None


def _read(path: str) -> bytes:
    return read_input(path, CaseFileError)


def _document(value: str) -> str:
    """A SHA-256 (or prefix) as given, or the SHA-256 of the file it names."""
    if Path(value).is_file():
        return hashlib.sha256(_read(value)).hexdigest()
    return value


# -- commands -------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        sys.stdout.write(f"register at {register.url}: schema version {register.schema_version}\n")
    return OK


def _case(args: argparse.Namespace) -> Case:
    """The case file named on the command line (its photo in its folder unless allowed)."""
    return load_case(args.case, allow_photo_outside=args.allow_photo_outside)


def run_add(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        entry = register.add(_case(args), by=_who(args))
    sys.stdout.write(f"{entry.ref}\n")
    report(f"registered {entry.ref} (version {entry.version}, {entry.state})")
    return OK


def run_save(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        entry = register.save(
            args.ref, _case(args), based_on=args.version, by=_who(args), state=args.state
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
        out.append(f"  {r.kind:<12} {r.at.strftime('%Y-%m-%d %H:%M')} UTC  {_counterpart(r)}")
    for limit in open_limits:
        out.append(f"  due {limit.due.isoformat()}  {limit.deadline}")
    sys.stdout.write("\n".join(out) + "\n")
    return OK


def _counterpart(record: DataRecord) -> str:
    if record.kind == "transmission":
        return f"to {record.recipient_authority or '?'}"
    if record.kind == "receipt":
        return f"from {record.sender_authority or '?'}"
    return f"destroyed entry {record.content.get('destroyed', {}).get('id', '?')}"


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


def run_render(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        document, data = register.render(
            args.ref,
            form=args.form,
            lang=args.lang,
            format=args.format,
            purpose=args.purpose,
            draft=args.draft,
            keep=args.keep,
            by=_who(args),
        )
    name = f"{document.ref}.v{document.version}.{document.form}.{document.lang}.{document.format}"
    if args.output == "-":
        write_stdout(data)
    else:
        target = Path(args.output or name)
        if target.is_dir() or (args.output or "").endswith(("/", "\\")):
            target = target / name
        write_atomic(target, data)
        report(f"wrote {target}")
    report(f"recorded document {document.sha256} (version {document.version})")
    return OK


def run_attach(args: argparse.Namespace) -> int:
    data = _read(args.file)
    with open_register(args) as register:
        document = register.add_document(
            args.ref, data, derived_from=args.source, by=_who(args), keep=args.keep
        )
    report(f"recorded document {document.sha256} (version {document.version}, from {args.source})")
    return OK


def run_transmit(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        record = register.transmit(
            args.ref,
            document=_document(args.document),
            to=args.to,
            purpose=args.purpose,
            sender=args.sender,
            recipient_person=args.recipient_person,
            at=_moment(args.at),
            by=_who(args),
        )
    report(f"recorded transmission {record.id} of {record.ref} to {record.recipient_authority}")
    return OK


def run_receive(args: argparse.Namespace) -> int:
    data = _read(args.file) if args.file else None
    reply = None if args.reply is None else args.reply == "positive"
    if args.reply_date and reply is None:
        raise _BadValue("--reply-date", ["with --reply positive|negative"])
    with open_register(args) as register:
        record = register.receive(
            args.ref,
            sender=args.sender,
            purpose=args.purpose,
            sender_person=args.sender_person,
            recipient=args.recipient,
            note=args.note,
            data=data,
            reply=reply,
            reply_date=parse_date(args.reply_date),
            at=_moment(args.at),
            by=_who(args),
        )
    report(f"recorded receipt {record.id} of {record.ref} from {record.sender_authority}")
    return OK


def run_records(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        records = register.records(args.ref)
    if args.json:
        print_json([r.to_dict() for r in records])
        return OK
    for r in records:
        kept = f"  kept until {r.retain_until.isoformat()}" if r.retain_until else ""
        sys.stdout.write(
            f"{r.id}  {r.ref}  {r.kind:<12} {r.at.strftime('%Y-%m-%d %H:%M')} UTC  "
            f"{_counterpart(r)}  purpose: {r.purpose or '-'}  by {r.recorded_by}{kept}\n"
        )
    return OK


def run_purge(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        result = register.purge(dry_run=args.dry_run, by=_who(args))
    if args.json:
        print_json(result.to_dict())
        return OK
    verb = "would destroy" if result.dry_run else "destroyed"
    for r in result.destroyed:
        sys.stdout.write(
            f"{verb} entry {r.id} ({r.ref}, {r.kind} of {r.at.date().isoformat()}, "
            f"kept until {r.retain_until.isoformat() if r.retain_until else '-'})\n"
        )
    report(
        f"{verb} {len(result.destroyed)} entr{'y' if len(result.destroyed) == 1 else 'ies'}; "
        f"recorded {len(result.recorded)} destruction(s) (today {result.today.isoformat()})"
    )
    return OK


def run_subject_report(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        data = register.subject_report(
            args.person, lang=args.lang, born=parse_date(args.born), format=args.format
        )
    if args.output == "-":
        write_stdout(data)
        return OK
    target = Path(args.output or f"subject-report.{args.format}")
    write_atomic(target, data)
    report(f"wrote {target}")
    return OK
