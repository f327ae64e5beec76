"""A local RFC 3161 timestamp authority: HTTP on a free loopback port, in a thread of the
test process, answering with pyHanko's test timestamper (signed by the test PKI)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import keys, tsp, x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from pki import Issued, Pki


def _asn1(issued: Issued) -> tuple[x509.Certificate, keys.PrivateKeyInfo]:
    cert = x509.Certificate.load(issued.cert.public_bytes(serialization.Encoding.DER))
    key = keys.PrivateKeyInfo.load(
        issued.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert, key


@contextmanager
def timestamp_authority(pki: Pki) -> Iterator[str]:
    """Run the TSA for the ``with`` block; yields its URL."""
    cert, key = _asn1(pki.issue("readmit_forms Test TSA", tsa=True))
    ca, _ = _asn1(pki.ca)
    stamper = DummyTimeStamper(cert, key, certs_to_embed=SimpleCertificateStore.from_certs([ca]))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            request = tsp.TimeStampReq.load(self.rfile.read(length))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
