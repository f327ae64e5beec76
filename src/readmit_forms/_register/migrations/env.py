"""Alembic's environment: migrate the connection the library hands over.

The library runs the migrations itself (`readmit_forms._register._store.migrate`),
passing an open connection in ``config.attributes["connection"]``. For a developer
writing a new migration, ``alembic -x url=sqlite:///dev.sqlite3 ...`` also works.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from readmit_forms._register._schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        transaction_per_migration=False,
    )
    context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("give the database: alembic -x url=URL upgrade head")
    with create_engine(url).begin() as own:
        _run(own)
