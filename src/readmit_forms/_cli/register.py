"""``register``: the case register — cases, documents, the data-protection record, retention.

Each subcommand is a thin shell over one `Register` method; the register is the
SQLite file in the user's data folder unless ``--db URL`` or ``READMIT_FORMS_DB``
name another database. This module has the cases and their versions;
``register_records`` the documents and the record of personal data.
"""

from __future__ import annotations

import argparse
import sys

from .. import Case, SavedVersion, load_case
from ._common import OK, print_json, print_listing, report
from ._register_common import counterpart, minute, open_register, who


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
    return print_listing(
        args,
        entries,
        lambda e: f"{e.ref}  {e.agreement}  {e.state:<11}  v{e.version}  {minute(e.updated_at)}",
    )


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
        out.append(f"  {r.kind:<12} {minute(r.at)}  {counterpart(r)}")
    for limit in open_limits:
        out.append(f"  due {limit.due.isoformat()}  {limit.deadline}")
    sys.stdout.write("\n".join(out) + "\n")
    return OK


def run_history(args: argparse.Namespace) -> int:
    with open_register(args) as register:
        versions = register.history(args.ref)
    return print_listing(args, versions, _version_line)


def _version_line(v: SavedVersion) -> str:
    what = "created" if v.changes == ("*",) else ", ".join(v.changes) or "no change"
    return f"v{v.number}  {minute(v.saved_at)}  {v.saved_by}  {v.state}  {what}"
