"""Where the workbench keeps cases: the case register (`readmit_forms.Register`).

The register is the command line's: ``serve --db URL``, else ``READMIT_FORMS_DB``,
else the SQLite file in the user's data folder. It is opened on first use, so that a
server answering the HTTP API only never touches it. Every save is a new version with
who saved it, based on the version the page was opened at (optimistic locking: a
second clerk's save of the same version is refused, never lost); every document the
workbench gives out is rendered from a saved version by the register and recorded.

A case's photo is kept as a file the case names, as the register keeps any case's
photo: the workbench writes the clean copy of an uploaded photo into its photo
folder, named by its SHA-256, and reads it back from there when the case is opened.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import readmit_forms as rf

from ._casework import Photo

__all__ = ["CaseStore", "Opened", "PhotoStore", "RegisterView"]


class PhotoStore:
    """Photos of saved cases: the clean copies, one file each, named by their SHA-256."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def put(self, photo: Photo) -> Path:
        name = hashlib.sha256(photo.data).hexdigest() + photo.suffix
        path = self.folder / name
        if path.is_file():
            return path
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, part = tempfile.mkstemp(dir=self.folder, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(photo.data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(part, path)
        except BaseException:
            Path(part).unlink(missing_ok=True)
            raise
        return path

    def get(self, path: Path) -> Photo:
        """The photo a saved case names; raises `readmit_forms.PhotoError`.

        One this store wrote is taken as it is (it is a clean copy, named by its
        SHA-256); any other (a case registered from the command line) is checked and
        cleaned like an upload."""
        try:
            with open(path, "rb") as handle:
                data = handle.read(rf.MAX_PHOTO_BYTES + 1)
        except OSError as exc:
            raise rf.PhotoError(f"the photo file cannot be read ({exc.strerror})") from None
        ours = path.parent == self.folder and path.stem == hashlib.sha256(data).hexdigest()
        if ours and path.suffix in (".jpg", ".png"):
            return Photo(data, "image/png" if path.suffix == ".png" else "image/jpeg")
        return Photo.upload(data)


@dataclass(frozen=True)
class Opened:
    """A saved case as the editor opens it."""

    entry: rf.RegisteredCase
    case: rf.Case  # without its photo file
    photo: Photo | None
    notices: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RegisterView:
    """What the register holds about a case, for its pages."""

    entry: rf.RegisteredCase
    history: list[rf.SavedVersion]
    documents: list[rf.RegisteredDocument]
    records: list[rf.DataRecord]

    @property
    def saved(self) -> rf.SavedVersion:
        return self.history[-1]

    def after(self, version: int) -> list[rf.SavedVersion]:
        """The versions saved after ``version``: who saved them, when, what they changed."""
        return [v for v in self.history if v.number > version]

    @property
    def sendable(self) -> list[rf.RegisteredDocument]:
        """The documents that may be recorded as sent: of the current version, no draft."""
        return [d for d in self.documents if d.version == self.entry.version and not d.draft][::-1]


class CaseStore:
    """The register, opened on first use, and the photo folder beside it."""

    def __init__(self, url: str | None, photos: str | None = None) -> None:
        self._url = url
        self._photos = photos
        self._lock = threading.Lock()
        self._register: rf.Register | None = None
        self._photo_store: PhotoStore | None = None

    @property
    def register(self) -> rf.Register:
        with self._lock:
            if self._register is None:
                self._register = rf.Register(self._url)
            return self._register

    @property
    def photos(self) -> PhotoStore:
        with self._lock:
            if self._photo_store is None:
                self._photo_store = PhotoStore(Path(self._photos or _photo_folder(self._url)))
            return self._photo_store

    def close(self) -> None:
        with self._lock:
            if self._register is not None:
                self._register.close()

    # -- cases ---------------------------------------------------------------------------

    def find(self, text: str | None, agreement: str | None, limit: int, offset: int) -> Any:
        return self.register.find(text, agreement=agreement, limit=limit, offset=offset)

    def open(self, ref: str) -> Opened:
        entry = self.register.get(ref)
        assert entry.case is not None
        case, photo, notices = entry.case, None, []
        if case.person.photo is not None:
            try:
                photo = self.photos.get(case.person.photo)
            except rf.PhotoError:
                notices.append("notice.photo_unreadable")
            person = case.person.model_copy(update={"photo": None})
            case = case.model_copy(update={"person": person})
        return Opened(entry, case, photo, notices)

    def save(
        self, case: rf.Case, photo: Photo | None, ref: str | None, based_on: int, by: str
    ) -> rf.RegisteredCase:
        """A new case (``ref`` None) or a new version of ``ref`` edited from ``based_on``."""
        if photo is not None:
            person = case.person.model_copy(update={"photo": self.photos.put(photo)})
            case = case.model_copy(update={"person": person})
        if ref is None:
            return self.register.add(case, by=by)
        return self.register.save(ref, case, based_on=based_on, by=by)

    def view(self, ref: str) -> RegisterView:
        register = self.register
        entry = register.get(ref)
        return RegisterView(
            entry, register.history(ref), register.documents(ref), register.records(ref)
        )

    def version(self, ref: str) -> int:
        return self.register.get(ref).version


def _photo_folder(url: str | None) -> Path:
    """Beside the register's SQLite file, else in the user's data folder."""
    shown = url or os.environ.get("READMIT_FORMS_DB", "").strip()
    if shown.startswith("sqlite:///") and ":memory:" not in shown:
        return Path(shown[len("sqlite:///") :]).expanduser().parent / "photos"
    from platformdirs import user_data_path

    return user_data_path("readmit-forms", appauthor=False) / "photos"
