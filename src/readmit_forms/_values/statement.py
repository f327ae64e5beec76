"""The person's statement (KZ–BY Protocol Annex 1)."""

from __future__ import annotations

from ._core import DATE, NAME, TEXT, Registry

VALUES = Registry()

VALUES.fields(
    {
        "statement.relatives": (TEXT, "relatives_in_requested_state"),
        "statement.other": (TEXT, "other_information"),
        "statement.date": (DATE, "date"),
        "statement.place": (TEXT, "place"),
        "statement.official": (NAME, "official.name"),
    }
)
