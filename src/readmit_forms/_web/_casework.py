"""What the pages and the API do with a case: always through the library's public API.

A case arrives with its photo as bytes (an upload), never as a file path: the server
opens no file a client names. To validate or render, the photo is written to a
private temporary folder for the length of the call and the case points at it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import anyio
import anyio.to_thread

import readmit_forms as rf

from ._errors import photo_path_refused

__all__ = ["Photo", "Serial", "case_file", "photo_on_disk", "refuse_photo_path"]

T = TypeVar("T")


@dataclass(frozen=True)
class Photo:
    """A checked photo without metadata (see `readmit_forms.clean_photo`)."""

    data: bytes
    mime: str

    @classmethod
    def upload(cls, data: bytes) -> Photo:
        """Check an uploaded file; raises `readmit_forms.PhotoError`."""
        clean, mime = rf.clean_photo(data)
        return cls(clean, mime)

    @classmethod
    def from_field(cls, value: str, seal: str, secret: bytes) -> Photo | None:
        """A photo the page holds (base64, as `as_field` gave it, with its `seal`).

        A photo this server checked comes back with its seal and is taken as it is (so
        that it is not re-encoded on every round trip); any other is checked anew.
        """
        if not value:
            return None
        try:
            data = base64.b64decode(value, validate=True)
        except ValueError:
            raise rf.PhotoError("the photo held by the page is damaged; upload it again") from None
        if hmac.compare_digest(seal, _seal(data, secret)):
            mime = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
            return cls(data, mime)
        return cls.upload(data)

    def as_field(self) -> str:
        return base64.b64encode(self.data).decode("ascii")

    def seal(self, secret: bytes) -> str:
        return _seal(self.data, secret)

    @property
    def data_url(self) -> str:
        return f"data:{self.mime};base64,{self.as_field()}"

    @property
    def suffix(self) -> str:
        return ".png" if self.mime == "image/png" else ".jpg"


def _seal(data: bytes, secret: bytes) -> str:
    return hmac.new(secret, b"photo:" + data, hashlib.sha256).hexdigest()


def refuse_photo_path(case: rf.Case) -> rf.Case:
    """The case as given, unless it names a photo file: that is refused, never opened."""
    if case.person.photo is not None:
        raise photo_path_refused()
    return case


@contextmanager
def photo_on_disk(case: rf.Case, photo: Photo | None) -> Iterator[rf.Case]:
    """``case`` with its photo in a private temporary file, for the length of the block."""
    if photo is None:
        yield case
        return
    with tempfile.TemporaryDirectory(prefix="readmit-forms-web-") as folder:
        path = Path(folder) / f"photo{photo.suffix}"
        path.write_bytes(photo.data)
        person = case.person.model_copy(update={"photo": path})
        yield case.model_copy(update={"person": person})


@contextmanager
def case_file(case: rf.Case, photo: Photo | None) -> Iterator[Path]:
    """``case`` as a JSON case file in a private temporary folder, its photo beside it and
    named relative to it, for the length of the block: what a bundle attaches then names
    no path of this server."""
    with tempfile.TemporaryDirectory(prefix="readmit-forms-web-") as folder:
        data = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        if photo is not None:
            name = f"photo{photo.suffix}"
            (Path(folder) / name).write_bytes(photo.data)
            data.setdefault("person", {})["photo"] = name
        path = Path(folder) / "case.json"
        path.write_text(rf.dump_case(data, "json"), "utf-8")
        yield path


class Serial:
    """Runs the library's work (validate, render, …) off the event loop, one call at a time.

    The work is pure Python and holds the interpreter lock: calls run side by side
    would only take turns, each finishing later, and keep the event loop from reading
    and answering requests. One at a time, in arrival order, each is done as soon as it
    can be (measured by ``benchmarks/bench_web.py``); ``serve --workers N`` runs N.
    """

    def __init__(self) -> None:
        self._limiter: anyio.CapacityLimiter | None = None

    async def __call__(self, work: Callable[..., T], *args: Any) -> T:
        if self._limiter is None:  # made in the server's event loop, on first use
            self._limiter = anyio.CapacityLimiter(1)
        return await anyio.to_thread.run_sync(work, *args, limiter=self._limiter)
