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
from typing import Any

from .._errors import PdfFileError
from ._common import OK, quiet_libraries, read_input, report, write_atomic

FIELDS = ("signature", "seal")


def add(sub: Any) -> None:
    p = sub.add_parser(
        "sign",
        allow_abbrev=False,  # "--pin SECRET" must not pass as --pin-env: no secret in argv
        help="sign a PDF (PAdES B-B, or B-T with --tsa)",
        description="Sign IN.pdf into its signature or seal field and write OUT.pdf. The "
        "signature is added incrementally: signatures already there stay valid. The key "
        "is a PKCS#12 file (--p12) or a key on a PKCS#11 token (--pkcs11 MODULE --token "
        "LABEL --key LABEL); its passphrase or PIN is read from the environment variable "
        "named by --pin-env, or asked for. --external-prepare and --external-embed sign "
        "with an outside tool (GOST signatures from NCALayer/KalkanCrypt, a remote service).",
    )
    p.add_argument("pdf", metavar="IN.pdf", help="the PDF to sign")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the signed PDF")
    how = p.add_mutually_exclusive_group(required=True)
    add_key_choice(how)
    how.add_argument(
        "--external-prepare",
        action="store_true",
        help="write OUT.pdf with room for the signature, OUT.tbs (the bytes an outside "
        "tool signs as a detached CMS) and OUT.tbs.json (what they are); needs --cert",
    )
    how.add_argument(
        "--external-embed",
        metavar="CMS.der",
        help="put the outside tool's detached CMS into IN.pdf (made by --external-prepare)",
    )
    add_key_details(p, "asked for")
    p.add_argument(
        "--cert", metavar="CERT.pem", help="with --external-prepare: the signer's certificate"
    )
    p.add_argument(
        "--lang",
        choices=("kk", "ru", "en"),
        help="language of the visible signature (default: the document's)",
    )
    p.add_argument("--reason", help="reason for signing, recorded in the signature")
    p.add_argument("--location", help="place of signing, recorded in the signature")
    p.set_defaults(run=run_sign)


def add_key_choice(how: Any) -> None:
    """The key: ``--p12`` or ``--pkcs11``, in the exclusive group ``how`` (sign, serve)."""
    how.add_argument("--p12", metavar="FILE", help="PKCS#12 file (.p12/.pfx) with key and chain")
    how.add_argument("--pkcs11", metavar="MODULE", help="PKCS#11 module (.so) of the token")


def add_key_details(options: Any, asked: str) -> None:
    """The token's labels, where the passphrase or PIN comes from (else it is ``asked``),
    the field signed and the timestamp authority — as ``sign`` and ``serve`` take them."""
    options.add_argument("--token", metavar="LABEL", help="with --pkcs11: the token's label")
    options.add_argument("--key", metavar="LABEL", help="with --pkcs11: the key's label")
    options.add_argument(
        "--cert-label",
        metavar="LABEL",
        help="with --pkcs11: the certificate's label (default: --key)",
    )
    options.add_argument(
        "--pin-env",
        metavar="VAR",
        help=f"read the passphrase or PIN from environment variable VAR (else it is {asked})",
    )
    options.add_argument("--field", choices=FIELDS, default="signature", help="which field to sign")
    options.add_argument("--tsa", metavar="URL", help="RFC 3161 timestamp authority (PAdES B-T)")


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


def _read(path: str, what: str) -> bytes:
    return read_input(path, PdfFileError, what)


def run_sign(args: argparse.Namespace) -> int:
    quiet_libraries()
    from .._signing import (
        SigningKey,
        cms_algorithms,
        embed_external,
        load_certificate,
        prepare_external,
        sign,
    )

    target = Path(args.output)
    if args.external_embed:
        cms = _read(args.external_embed, "the CMS")
        data = embed_external(
            _read(args.pdf, "the prepared PDF"),
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
    pdf = _read(args.pdf, "the PDF to sign")
    if args.external_prepare:
        if not args.cert:
            _usage("--external-prepare needs --cert CERT.pem (the signer's certificate)")
        certificate = load_certificate(_read(args.cert, "the certificate"), args.cert)
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
