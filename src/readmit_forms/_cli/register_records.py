"""``register`` commands of the documents and the data-protection record: render, attach,
transmit, receive, records, purge, subject-report."""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from .. import DataRecord, InvalidValueError
from ._common import (
    OK,
    parse_date,
    parse_moment,
    print_json,
    print_listing,
    report,
    write_atomic,
    write_stdout,
)
from ._register_common import counterpart, minute, open_register, read_input_file, who


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
    return print_listing(args, records, _record_line)


def _record_line(r: DataRecord) -> str:
    kept = f"  kept until {r.retain_until.isoformat()}" if r.retain_until else ""
    return (
        f"{r.id}  {r.ref}  {r.kind:<12} {minute(r.at)}  "
        f"{counterpart(r)}  purpose: {r.purpose or '-'}  by {r.recorded_by}{kept}"
    )


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
