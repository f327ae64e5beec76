"""Safe by default: who may connect, CSRF, size limits, headers, logs without personal data."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
import yaml

from conftest import SAMPLES
from web_helpers import LOOPBACK, FormFields, client, csrf_of

pytest.importorskip("fastapi")

from readmit_forms._web import WebConfig

FAMILY = SAMPLES / "kz-at-family.yaml"
TOKEN = "s3cret-token-for-the-tests-0123"


def _case() -> dict[str, Any]:
    data = yaml.safe_load(FAMILY.read_text("utf-8"))
    data["person"].pop("photo")
    return json.loads(json.dumps(data, default=str))


def _multi(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in fields:
        out.setdefault(name, []).append(value)
    return out


def test_only_this_machine_without_a_token() -> None:
    with client(client=("192.0.2.10", 40000)) as remote:
        answer = remote.get("/api/v1/agreements")
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "token-required"
        page = remote.get("/", headers={"accept": "text/html"})
        assert page.status_code == 401
        assert "text/html" in page.headers["content-type"]
        assert 'data-code="token-required"' in page.text
        assert "Traceback" not in page.text


def test_a_foreign_host_name_is_refused() -> None:
    """A page elsewhere cannot reach the loopback server by DNS rebinding."""
    with client(base_url="http://evil.example:8000") as c:
        answer = c.get("/api/v1/agreements")
        assert answer.status_code == 403
        assert answer.json()["error"]["code"] == "host-not-allowed"


def test_another_address_needs_a_token() -> None:
    with pytest.raises(ValueError, match="only with an access token"):
        WebConfig(host="0.0.0.0")


def test_serve_refuses_another_address_without_a_token(cli: Any) -> None:
    printed = cli("serve", "--host", "0.0.0.0", "--port", "1")
    assert printed.code == 2
    assert "only with an access token (--token-file)" in printed.err
    assert "Traceback" not in printed.err


def test_serve_refuses_a_short_token(cli: Any, tmp_path: Any) -> None:
    short = tmp_path / "token"
    short.write_text("abc", "utf-8")
    printed = cli("serve", "--host", "0.0.0.0", "--token-file", str(short))
    assert printed.code == 2
    assert "at least 16 characters" in printed.err


def test_with_a_token_every_request_carries_it() -> None:
    config = WebConfig(host="0.0.0.0", token=TOKEN)
    with client(config, client=("192.0.2.10", 40000), base_url="http://office:8000") as c:
        assert c.get("/api/v1/agreements").status_code == 401
        wrong = c.get("/api/v1/agreements", headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 401
        right = c.get("/api/v1/agreements", headers={"authorization": f"Bearer {TOKEN}"})
        assert right.status_code == 200
        login = c.get("/login")
        assert login.status_code == 200
        refused = c.post("/login", data={"_csrf": csrf_of(login.text), "_token": "nope"})
        assert refused.status_code == 401
        entered = c.post(
            "/login", data={"_csrf": csrf_of(login.text), "_token": TOKEN}, follow_redirects=False
        )
        assert entered.status_code == 303
        assert c.get("/").status_code == 200  # the cookie carries the token now


def test_a_form_post_without_its_csrf_token() -> None:
    with client() as c:
        c.get("/")
        answer = c.post(
            "/case/new", data={"_start": "kz-at:AT>KZ"}, headers={"accept": "text/html"}
        )
        assert answer.status_code == 403
        assert 'data-code="csrf"' in answer.text
        assert "Traceback" not in answer.text
        forged = c.post("/case/new", data={"_start": "kz-at:AT>KZ", "_csrf": "guess"})
        assert forged.status_code == 403


def test_a_post_from_another_site() -> None:
    with client() as c:
        page = c.get("/")
        answer = c.post(
            "/case/new",
            data={"_start": "kz-at:AT>KZ", "_csrf": csrf_of(page.text)},
            headers={"origin": "http://evil.example", "accept": "text/html"},
        )
        assert answer.status_code == 403
        assert 'data-code="csrf"' in answer.text
        api = c.post("/api/v1/validate", json=_case(), headers={"sec-fetch-site": "cross-site"})
        assert api.status_code == 403


def test_fifty_megabytes_are_refused_before_they_are_read() -> None:
    with client() as c:
        big = b"x" * 50_000_000
        answer = c.post(
            "/api/v1/validate", content=big, headers={"content-type": "application/json"}
        )
        assert answer.status_code == 413
        assert answer.json()["error"]["code"] == "body-too-large"


def test_a_streamed_body_is_cut_off_at_the_limit() -> None:
    def chunks() -> Any:
        for _ in range(40):
            yield b"x" * 1_000_000

    with client(WebConfig(max_body=5_000_000)) as c:
        answer = c.post(
            "/api/v1/validate", content=chunks(), headers={"content-type": "application/json"}
        )
        assert answer.status_code == 413
        assert answer.json()["error"]["code"] == "body-too-large"


def test_a_big_photo_upload_on_the_page() -> None:
    with client() as c:
        page = c.get("/")
        answer = c.post(
            "/case/check",
            data={"_csrf": csrf_of(page.text), "agreement": "kz-at"},
            files={"_photo_file": ("big.jpg", b"\xff\xd8" + b"0" * 50_000_000)},
            headers={"accept": "text/html"},
        )
        assert answer.status_code == 413
        assert 'data-code="body-too-large"' in answer.text


def test_security_headers() -> None:
    with client() as c:
        for path in ("/", "/api/v1/agreements", "/static/workbench.css", "/nowhere"):
            headers = c.get(path).headers
            csp = headers["content-security-policy"]
            assert "default-src 'none'" in csp
            assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
            assert "http" not in csp and "*" not in csp  # no outside origin at all
            assert "frame-ancestors 'none'" in csp
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["x-frame-options"] == "DENY"
        assert c.get("/").headers["cache-control"] == "no-store"


def test_not_found_and_wrong_method() -> None:
    with client() as c:
        missing = c.get("/api/v1/nothing")
        assert missing.status_code == 404
        assert missing.json()["error"]["code"] == "not-found"
        wrong = c.get("/api/v1/validate")
        assert wrong.status_code == 405
        assert wrong.json()["error"]["code"] == "method-not-allowed"


def test_no_personal_data_in_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with client() as c:
        c.post("/api/v1/validate", json=_case())
        c.post("/api/v1/render", params={"form": "readmission-request", "lang": "en"}, json=_case())
        bad = _case()
        bad["person"]["date_of_birth"] = "1988-02-30"
        c.post("/api/v1/validate", json=bad)
        # The pages over the register: import, save, search by name, open, download.
        start = c.get("/")
        files = {"_file": ("case.yaml", FAMILY.read_bytes())}
        page = c.post("/case/import", data={"_csrf": csrf_of(start.text)}, files=files)
        fields = [*FormFields.of(page.text).items, ("_by", "Clerk Zhumabekova")]
        saved = c.post("/case/save", data=_multi(fields))
        assert saved.status_code == 200
        assert c.get("/", params={"q": "Zhumabekov 1988"}).status_code == 200
        download = [*FormFields.of(saved.text).items, ("_download", "readmission-request:pdf")]
        assert c.post("/case/download", data=_multi(download)).status_code == 200
    server = [r for r in caplog.records if not r.name.startswith("httpx")]  # the test's client
    logged = "\n".join(record.getMessage() for record in server)
    assert '"POST /api/v1/validate" 200' in logged
    assert '"POST /case/save" 303' in logged and '"GET /" 200' in logged
    for secret in ("Zhumabekov", "Жумабеков", "1988", "N12345678", "Favoritenstra", "Shymkent"):
        assert secret not in logged


def test_an_internal_error_shows_no_trace_and_logs_no_data(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import readmit_forms as rf

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("Zhumabekov, born 1988-04-12")

    monkeypatch.setattr(rf, "validate", broken)
    caplog.set_level(logging.DEBUG)
    with client() as c:
        answer = c.post("/api/v1/validate", json=_case())
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal"
    assert "Zhumabekov" not in answer.text
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "internal error RuntimeError at /api/v1/validate" in logged
    assert "Zhumabekov" not in logged


def test_the_loopback_name_variants() -> None:
    for base in (LOOPBACK, "http://localhost:8000", "http://[::1]:8000"):
        with client(base_url=base) as c:
            assert c.get("/api/v1/agreements").status_code == 200, base


def test_serve_with_a_token_a_key_and_two_workers(tmp_path: Any, clerk: Any, pki: Any) -> None:
    """The command as an office starts it: what it says, the token at the door, the
    register it names, and the key each worker opens from --pin-env."""
    import os
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request
    from pathlib import Path

    import readmit_forms as rf
    from pki import PASSPHRASE
    from signing_env import trust
    from web_helpers import free_port

    token = tmp_path / "token"
    token.write_text(TOKEN + "\n", "utf-8")
    port = free_port()
    db = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    command = Path(sys.executable).parent / "readmit-forms"
    args = ["serve", "--port", str(port), "--token-file", str(token), "--workers", "2"]
    args += ["--db", db, "--p12", str(clerk.p12), "--pin-env", "CLERK_PIN"]
    server = subprocess.Popen(
        [str(command), *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "CLERK_PIN": PASSPHRASE},
    )
    url = f"http://127.0.0.1:{port}/api/v1/agreements"
    try:
        assert server.stderr is not None
        said = [server.stderr.readline() for _ in range(3)]
        assert "this machine only; every request needs the access token in" in said[0]
        assert said[1].strip() == f"register: {db}"
        assert "signs downloads with the key of Айгүл Сәрсенова (signature)" in said[2]
        assert PASSPHRASE not in "".join(said)
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).close()
            except urllib.error.HTTPError as exc:
                exc.close()
                assert exc.code == 401  # up, and the door is closed without the token
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        asked = urllib.request.Request(url, headers={"authorization": f"Bearer {TOKEN}"})
        with urllib.request.urlopen(asked, timeout=10) as answer:
            assert answer.status == 200
        for _ in range(4):  # both workers sign (each opened the key itself)
            render = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/v1/render?form=readmission-request&lang=en&sign=true",
                data=json.dumps(_case()).encode(),
                headers={"authorization": f"Bearer {TOKEN}", "content-type": "application/json"},
            )
            with urllib.request.urlopen(render, timeout=60) as answer:
                assert rf.verify(answer.read(), trust=trust(pki)).ok
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_serve_refuses_what_it_cannot_do(cli: Any, tmp_path: Any, clerk: Any) -> None:
    token = tmp_path / "token"
    token.write_text(TOKEN, "utf-8")
    db = ["--db", f"sqlite:///{tmp_path / 'register.sqlite3'}"]
    refusals = {
        "needs an access token (--token-file), also on 127.0.0.1": ["--p12", str(clerk.p12)],
        "give --pin-env VAR": [
            "--p12",
            str(clerk.p12),
            "--token-file",
            str(token),
            "--workers",
            "2",
            *db,
        ],
        "NO_SUCH_VARIABLE (--pin-env) is not set": [
            "--p12",
            str(clerk.p12),
            "--token-file",
            str(token),
            "--pin-env",
            "NO_SUCH_VARIABLE",
            *db,
        ],
        "cannot open the register at postgresql+psycopg://nobody@127.0.0.1:1/register": [
            "--db",
            "postgresql://nobody@127.0.0.1:1/register",
        ],
        "--pkcs11 needs --token LABEL and --key LABEL": [
            "--pkcs11",
            "/usr/lib/softhsm/libsofthsm2.so",
            "--token-file",
            str(token),
            *db,
        ],
    }
    for line, args in refusals.items():
        printed = cli("serve", "--port", "1", *args)
        assert printed.code == 2, (args, printed.err)
        assert line in printed.err, (line, printed.err)
        assert "Traceback" not in printed.err


def test_serve_refuses_a_wrong_passphrase(
    cli: Any, tmp_path: Any, clerk: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = tmp_path / "token"
    token.write_text(TOKEN, "utf-8")
    monkeypatch.setenv("CLERK_PIN", "not-the-passphrase")
    printed = cli(
        "serve", "--port", "1", "--token-file", str(token), "--p12", str(clerk.p12),
        "--pin-env", "CLERK_PIN", "--db", f"sqlite:///{tmp_path / 'register.sqlite3'}",
    )  # fmt: skip
    assert printed.code == 2
    assert "wrong passphrase" in printed.err and "not-the-passphrase" not in printed.err


def test_serve_without_the_web_extra(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed
    printed = cli("serve")
    assert printed.code == 2
    assert "pip install 'readmit-forms[web]'" in printed.err
