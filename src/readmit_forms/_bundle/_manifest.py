"""What a bundle lists: its attachments' names and the manifest that ties them together.

``manifest.json`` (attached, /AFRelationship /Data: the cover's table is drawn from it)
names the case data and every document with its form, language, language status,
pages and SHA-256; `extract` checks each attachment against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "CASE_FILE",
    "CASE_SCHEMA_VERSION",
    "FORMAT",
    "MANIFEST_FILE",
    "BundleContents",
    "BundledDocument",
]

CASE_SCHEMA_VERSION = "1"
"""The version of the case schema (``readmit-forms schema``) that the attached case follows."""

FORMAT = "readmit-forms case bundle"
CASE_FILE = "case.json"
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True, slots=True)
class BundledDocument:
    """One document of a bundle: its attached file, form, language, language status,
    pages in the bundle (first, last; 1-based) and the SHA-256 of the attached file."""

    file: str
    form: str
    lang: str
    language_status: str
    pages: tuple[int, int]
    sha256: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "form": self.form,
            "lang": self.lang,
            "language_status": self.language_status,
            "pages": list(self.pages),
            "sha256": self.sha256,
        }


@dataclass(frozen=True, slots=True)
class BundleContents:
    """What `extract` gives back: the case data as attached (byte for byte), and the
    bundle's documents, each checked against its SHA-256."""

    case_json: bytes
    schema_version: str
    agreement: str
    case_reference: str | None
    documents: tuple[BundledDocument, ...]
