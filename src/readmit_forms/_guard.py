"""Never replace or change a signed PDF: the rule behind every command's output file.

Cheap for the usual case: pyHanko is loaded only when the file to be replaced looks
like a signed PDF.
"""

from __future__ import annotations

from pathlib import Path

from ._errors import SignedFileError

__all__ = ["refuse_to_break_signatures"]


def refuse_to_break_signatures(path: Path, data: bytes) -> None:
    """Raise `SignedFileError` if writing ``data`` to ``path`` would replace a signed PDF.

    Writing is allowed where the new bytes keep the old file whole at their start:
    an incremental update, as when `sign` adds a second signature in place.
    """
    try:
        if not path.is_file():
            return
        old = path.read_bytes()
    except OSError:  # nothing readable there: nothing to protect
        return
    if b"/ByteRange" not in old or data.startswith(old):
        return
    try:
        from ._signing import signature_count
    except ImportError:  # signing is not installed: each signature has a byte range
        count = old.count(b"/ByteRange")
    else:
        count = signature_count(old)
    if count:
        raise SignedFileError(str(path), count)
