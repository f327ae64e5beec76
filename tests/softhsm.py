"""A private SoftHSM2 token for the PKCS#11 tests: its own configuration and token folder
in a temporary directory; the key is made on the token, its certificate by the test CA.

The PINs reach softhsm2-util through a pseudo-terminal, as a person types them, never
as arguments (which would show in the process list).
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding, load_der_public_key

from pki import Pki
from requires import require, require_program

MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
TOKEN = "Clerk Seal Token"
KEY = "authority-seal"
PIN = "2468-token"
SO_PIN = "13579-security-officer"


@dataclass
class Token:
    module: Path
    label: str
    key: str
    pin: str
    env: dict[str, str]


def _init_token(env: dict[str, str], label: str) -> None:
    util = require_program("softhsm2-util", package="softhsm2")
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [util, "--init-token", "--free", "--label", label],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    answers = [SO_PIN, SO_PIN, PIN, PIN]
    seen = b""
    deadline = time.monotonic() + 30
    try:
        while process.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(master, 1024)
            except OSError:
                break
            seen += chunk
            if seen.rstrip().endswith(b":") and answers:
                os.write(master, answers.pop(0).encode() + b"\n")
                seen = b""
        process.wait(10)
    finally:
        os.close(master)
    assert process.returncode == 0, "softhsm2-util could not initialise the test token"


def make_token(folder: Path, pki: Pki) -> Token:
    """A token with an EC key made on it and the test CA's certificate for that key."""
    require(MODULE.is_file(), f"the SoftHSM2 PKCS#11 module {MODULE}", "apt-get install softhsm2")
    tokens = folder / "tokens"
    tokens.mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    _init_token(env, TOKEN)
    os.environ["SOFTHSM2_CONF"] = str(conf)  # the module reads it when it is loaded

    import pkcs11
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters

    token = pkcs11.lib(str(MODULE)).get_token(token_label=TOKEN)
    with token.open(user_pin=PIN, rw=True) as session:
        curve = {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}
        params = session.create_domain_parameters(KeyType.EC, curve, local=True)
        public, _ = params.generate_keypair(store=True, label=KEY, id=b"\x01")
        issued = pki.issue(
            "Migration Service e-seal (test)",
            public_key=load_der_public_key(encode_ec_public_key(public)),  # type: ignore[arg-type]
            seal=True,
        )
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: KEY,
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: issued.cert.subject.public_bytes(),
                Attribute.VALUE: issued.cert.public_bytes(Encoding.DER),
            }
        )
    return Token(MODULE, TOKEN, KEY, PIN, env)
