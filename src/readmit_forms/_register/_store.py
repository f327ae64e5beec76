"""Where the register lives and how it is opened: URL, engine, schema version.

SQLite by default — ``register.sqlite3`` in the user's data folder (platformdirs),
created on first use with mode 0600, in WAL mode; ``READMIT_FORMS_DB`` or an
explicit URL select another database, e.g. ``postgresql://clerk@host/register``.
The schema is brought up to date with the Alembic migrations shipped in this
package; a database whose schema version this release does not know is refused.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from .._errors import RegisterSchemaError, RegisterUnavailableError
from ._results import ENV

__all__ = ["ENV", "HEAD", "connect", "default_url", "migrate", "revisions", "shown"]

HEAD = "0001"
"""The newest schema version (the head of ``migrations/versions``; a test keeps them equal).

Opening a register at this version reads one row and imports no Alembic at all."""

_BUSY_MS = 30_000


def default_url() -> str:
    """``READMIT_FORMS_DB``, else a SQLite file in the user's data folder."""
    from_env = os.environ.get(ENV, "").strip()
    if from_env:
        return from_env
    from platformdirs import user_data_path

    return f"sqlite:///{user_data_path('readmit-forms', appauthor=False) / 'register.sqlite3'}"


def shown(url: URL) -> str:
    """The URL as it may be printed: without its password."""
    return url.render_as_string(hide_password=True)


def _parse(raw: str) -> URL:
    try:
        url = make_url(raw)
    except ArgumentError:
        raise RegisterUnavailableError(
            "<given URL>", "not a database URL (e.g. sqlite:///path or postgresql://host/db)"
        ) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_file(url: URL) -> None:
    """Create the SQLite file (and its folder) readable by its owner only."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError as exc:
        raise RegisterUnavailableError(shown(url), exc.strerror or str(exc)) from None


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        # The driver's own transaction handling is off: "begin" below starts each one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A writer takes the write lock at BEGIN (IMMEDIATE): two writers never
        # deadlock on upgrading a read lock, they wait for each other (busy_timeout).
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def connect(raw: str) -> Engine:
    """An engine for the register at ``raw`` (not yet checked or migrated)."""
    url = _parse(raw)
    options: dict[str, Any] = {"future": True}
    try:
        if url.get_backend_name() == "sqlite":
            _sqlite_file(url)
            options["connect_args"] = {"check_same_thread": False, "timeout": _BUSY_MS / 1000}
        elif url.get_backend_name() == "postgresql":
            options["connect_args"] = {"connect_timeout": 10}
            options["pool_pre_ping"] = True
        engine = create_engine(url, **options)
    except (NoSuchModuleError, ImportError):
        raise RegisterUnavailableError(
            shown(url),
            f"no database driver for {url.drivername} (for PostgreSQL: pip install "
            "'readmit-forms[postgresql]')",
        ) from None
    except ArgumentError as exc:
        raise RegisterUnavailableError(shown(url), str(exc).splitlines()[0]) from None
    if url.get_backend_name() == "sqlite":
        _sqlite_events(engine)
    return engine


def unavailable(url: URL, exc: SQLAlchemyError) -> RegisterUnavailableError:
    """A database error as one line: the driver's first line, without the statement."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    lines = [line.strip() for line in str(original).splitlines() if line.strip()]
    return RegisterUnavailableError(shown(url), lines[0] if lines else type(original).__name__)


# -- schema versions ----------------------------------------------------------------


@cache
def _script() -> Any:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "readmit_forms._register:migrations")
    return config, ScriptDirectory.from_config(config)


def revisions() -> tuple[str, ...]:
    """Every schema version this release knows, oldest first."""
    _config, script = _script()
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def current(connection: Connection) -> str | None:
    """The schema version of the database (None for an empty one)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return str(found) if found is not None else None


def migrate(engine: Engine) -> str:
    """Bring the schema up to date (an empty database gets every table); the version reached.

    A database of a version this release does not know — a newer readmit-forms made
    it — is refused with `RegisterSchemaError`, and so is a database that already has
    tables but no register schema version.
    """
    url = engine.url
    with engine.connect() as connection:
        found = current(connection)
        if found == HEAD:
            return found
        known = revisions()
        if found is not None and found not in known:
            raise RegisterSchemaError(shown(url), found, known)
        if found == known[-1]:
            return found
        if found is None and set(inspect(connection).get_table_names()) & {"cases", "records"}:
            raise RegisterSchemaError(shown(url), "none (tables without a version)", known)
    from alembic import command

    config, _script_dir = _script()
    with _locked(engine) as connection:
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        finally:
            config.attributes.pop("connection", None)
    return known[-1]


@contextlib.contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """One connection in one transaction; on PostgreSQL two first uses do not race."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection = connection.execution_options(sqlite_begin="IMMEDIATE")
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(4211614)")
            yield connection
