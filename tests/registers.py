"""Registers for the tests: a fresh SQLite file, or a fresh database on a private PostgreSQL.

The PostgreSQL server is started once per test session from Debian's ``postgresql``
package — ``initdb`` into a temporary folder and ``postgres`` on a free port on
127.0.0.1 (as the ``postgres`` user when the tests run as root: the server refuses
root) — and stopped at the end. ``READMIT_FORMS_TEST_POSTGRESQL`` (a server URL such
as ``postgresql://user@host:5432/``) uses a server of your own instead. Without
either, PostgreSQL tests skip with the reason; in CI (``.ci/run`` installs the
package) they fail instead.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from requires import require

BACKENDS = ("sqlite", "postgresql")


class Clock:
    """A clock the test sets: ``clock.now = ...``, ``clock.advance(days=...)``."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(found[-1]).parent if found else None


def _version(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _runuser() -> str:
    """util-linux's runuser, also where PATH lacks the sbin folders (a minimal CI shell)."""
    found = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")
    if found is None:
        raise FileNotFoundError("runuser (util-linux) is needed to run PostgreSQL as postgres")
    return found


class PostgresServer:
    """A throwaway PostgreSQL cluster in a temporary folder."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="readmit-forms-pg-"))
        self.as_postgres = os.geteuid() == 0
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None

    def _cmd(self, *args: str) -> list[str]:
        prefix = [_runuser(), "-u", "postgres", "--"] if self.as_postgres else []
        return [*prefix, *args]

    def start(self) -> str:
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        data = self.root / "data"
        subprocess.run(
            self._cmd(
                str(self.bin / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
        )
        self.log = open(self.root / "server.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            self._cmd(
                str(self.bin / "postgres"),
                "-D",
                str(data),
                "-p",
                str(self.port),
                "-k",
                str(self.root),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=60",
            ),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/"
        deadline = time.monotonic() + 60
        import psycopg

        while True:
            try:
                psycopg.connect(f"{url}postgres".replace("+psycopg", ""), connect_timeout=2).close()
                return url
            except psycopg.OperationalError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "PostgreSQL did not start: "
                        + (self.root / "server.log").read_text("utf-8", "replace")[-2000:]
                    ) from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # smart shutdown; our sessions are closed by then
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None:
            self.log.close()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server (ending in '/'), started for this test session."""
    own = os.environ.get("READMIT_FORMS_TEST_POSTGRESQL")
    if own:
        yield own if own.endswith("/") else own + "/"
        return
    bin_dir = _bin_dir()
    require(bin_dir, "PostgreSQL server (initdb, postgres)", "apt-get install postgresql")
    assert bin_dir is not None
    server = PostgresServer(bin_dir)
    try:
        yield server.start()
    finally:
        server.stop()


def _admin(server: str, sql: str) -> None:
    import psycopg

    url = f"{server}postgres".replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql)  # type: ignore[arg-type]


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the session's PostgreSQL server."""
    name = f"register_{uuid.uuid4().hex[:12]}"
    _admin(postgres_server, f"CREATE DATABASE {name}")
    yield f"{postgres_server}{name}"
    _admin(postgres_server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty register database: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    return url
