"""``register`` commands of the documents and the data-protection record: render, attach,
transmit, receive, records, purge, subject-report."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path
from typing import Any

from .. import InvalidValueError, Lang, formats
from ._common import (
    OK,
    parse_date,
    parse_moment,
    print_json,
    report,
    write_atomic,
    write_stdout,
)
from ._register_common import add_by_option, counterpart, open_register, read_input_file, who


def add_commands(commands: Any) -> None:
    c = commands.add_parser(
        "render", help="render a form of the case's current version and record the document"
    )
    c.add_argument("ref", metavar="REF")
    c.add_argument("--form", required=True)
    c.add_argument("--lang", required=True, choices=[lang.value for lang in Lang])
    c.add_argument("--format", default="pdf", choices=sorted(formats()))
    c.add_argument("--purpose", default="default", choices=("default", "submission"))
    c.add_argument("--draft", action="store_true", help="render even with errors, marked DRAFT")
    c.add_argument("--keep", action="store_true", help="keep the bytes in the register too")
    c.add_argument("-o", "--output", help="output file or folder, or - for standard output")
    add_by_option(c)
    c.set_defaults(run=run_render)

    c = commands.add_parser(
        "attach", help="record a file made from a registered document (a signed copy, a PDF)"
    )
    c.add_argument("ref", metavar="REF")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--from", dest="source", required=True, metavar="SHA", help="its source")
    c.add_argument("--keep", action="store_true", help="keep the bytes in the register too")
    add_by_option(c)
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
    add_by_option(c, "who sends it")
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
    add_by_option(c, "who receives it")
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
    add_by_option(c)
    c.set_defaults(run=run_purge)

    c = commands.add_parser(
        "subject-report", help="what data of a person were sent or received: a PDF for them"
    )
    c.add_argument("person", metavar="PERSON", help="a name (any spelling kept) or a case REF")
    c.add_argument("--born", metavar="YYYY-MM-DD", help="date of birth, where names are shared")
    c.add_argument("--lang", choices=[lang.value for lang in Lang], help="default: theirs")
    c.add_argument("--format", default="pdf", choices=sorted(formats()))
    c.add_argument("-o", "--output", help="output file, or - for standard output")
    c.set_defaults(run=run_subject_report)


def _document(value: str) -> str:
    """A SHA-256 (or prefix) as given, or the SHA-256 of the file it names."""
    if Path(value).is_file():
        return hashlib.sha256(read_input_file(value)).hexdigest()
    return value


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
            by=who(args),
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
    data = read_input_file(args.file)
    with open_register(args) as register:
        document = register.add_document(
            args.ref, data, derived_from=args.source, by=who(args), keep=args.keep
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
            at=parse_moment(args.at),
            by=who(args),
        )
    report(f"recorded transmission {record.id} of {record.ref} to {record.recipient_authority}")
    return OK


def run_receive(args: argparse.Namespace) -> int:
    data = read_input_file(args.file) if args.file else None
    reply = None if args.reply is None else args.reply == "positive"
    if args.reply_date and reply is None:
        raise InvalidValueError("value", "--reply-date", ["with --reply positive|negative"])
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
            at=parse_moment(args.at),
            by=who(args),
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
            f"{counterpart(r)}  purpose: {r.purpose or '-'}  by {r.recorded_by}{kept}\n"
        )
    return OK


def run_purge(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        result = register.purge(dry_run=args.dry_run, by=who(args))
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
