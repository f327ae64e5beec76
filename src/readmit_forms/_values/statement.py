"""The person's statement (KZ–BY Protocol Annex 1)."""

from __future__ import annotations

from ._core import Registry

VALUES = Registry()
