"""The register's clock: the system's, unless a `Register` is given another (tests set one)."""

from __future__ import annotations

import datetime as dt

__all__ = ["now"]


def now() -> dt.datetime:
    """The current moment, in UTC."""
    return dt.datetime.now(dt.UTC)
