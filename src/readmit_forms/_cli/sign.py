"""``sign``: sign a PDF with a PKCS#12 file or a PKCS#11 token, or prepare and finish a
signature made by an outside tool. Passphrases and PINs come from an environment
variable or a prompt, never from the command line."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from ._common import OK, quiet_libraries, read_file, report, write_atomic


def _usage(message: str) -> None:
    report(f"readmit-forms sign: error: {message}")
    raise SystemExit(2)


def _secret(args: argparse.Namespace, what: str) -> str:
    """The passphrase or PIN: from the environment variable, or typed at a prompt."""
    if args.pin_env:
        value = os.environ.get(args.pin_env)
        if value is None:
            _usage(f"the environment variable {args.pin_env} (--pin-env) is not set")
        return str(value)
    if not sys.stdin.isatty():
        _usage(f"no {what}: give --pin-env VAR, or run in a terminal to be asked for it")
    return getpass.getpass(f"{what}: ")


def run_sign(args: argparse.Namespace) -> int:
    quiet_libraries()
    from .. import (  # pyHanko only for the commands that sign
        SigningKey,
        cms_algorithms,
        embed_external,
        load_certificate,
        prepare_external,
        sign,
    )

    target = Path(args.output)
    if args.external_embed:
        cms = read_file(args.external_embed, "the CMS")
        data = embed_external(
            read_file(args.pdf, "the prepared PDF"),
            cms,
            source=args.pdf,
            cms_source=args.external_embed,
        )
        write_atomic(target, data)
        digest, mechanism = cms_algorithms(cms)
        if "." in digest or "." in mechanism:
            report(f"note: the CMS uses {mechanism} / {digest}, which this tool cannot check")
        report(f"wrote {target} (the outside signature embedded; check it with verify)")
        return OK
    pdf = read_file(args.pdf, "the PDF to sign")
    if args.external_prepare:
        if not args.cert:
            _usage("--external-prepare needs --cert CERT.pem (the signer's certificate)")
        certificate = load_certificate(read_file(args.cert, "the certificate"), args.cert)
        request = prepare_external(
            pdf, certificate, field=args.field, lang=args.lang, source=args.pdf
        )
        tbs, about = target.with_suffix(".tbs"), target.with_suffix(".tbs.json")
        write_atomic(target, request.pdf)
        write_atomic(tbs, request.to_be_signed)
        described = json.dumps(request.description, ensure_ascii=False, indent=2) + "\n"
        write_atomic(about, described.encode("utf-8"))
        report(f"wrote {target}, {tbs} (the bytes to sign) and {about}")
        return OK
    if args.p12:
        key = SigningKey.from_pkcs12(args.p12, _secret(args, f"passphrase for {args.p12}"))
    else:
        if not (args.token and args.key):
            _usage("--pkcs11 needs --token LABEL and --key LABEL")
        key = SigningKey.from_pkcs11(
            args.pkcs11,
            token=args.token,
            key=args.key,
            pin=_secret(args, f"PIN of token {args.token}"),
            certificate=args.cert_label,
        )
    with key:
        data = sign(
            pdf,
            key,
            field=args.field,
            timestamp_url=args.tsa,
            lang=args.lang,
            reason=args.reason,
            location=args.location,
            source=args.pdf,
        )
        signer = key.name
    write_atomic(target, data)
    level = "PAdES B-T" if args.tsa else "PAdES B-B"
    report(f"wrote {target} ({args.field} of {signer}, {level})")
    return OK
