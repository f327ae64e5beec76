"""Never replace or change a signed PDF: the rule behind every command's output."""

from __future__ import annotations

from pathlib import Path

from .._errors import SignedFileError
from ._pdf import signature_count

__all__ = ["refuse_to_break_signatures"]


def refuse_to_break_signatures(path: Path, data: bytes) -> None:
    """Raise `SignedFileError` if writing ``data`` to ``path`` would replace a signed PDF.

    Writing is allowed where the new bytes keep the old file whole at their start:
    an incremental update, as when `sign` adds a second signature in place.
    """
    try:
        with path.open("rb") as handle:
            old = handle.read()
    except OSError:  # no such file (or nothing readable there): nothing to protect
        return
    count = signature_count(old)
    if count and not data.startswith(old):
        raise SignedFileError(str(path), count)
