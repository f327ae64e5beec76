"""Where the workbench keeps cases: today nowhere (the page holds the case), later the register.

The pages talk to a `CaseStore` only. `PageStore`, the one there is today, keeps nothing:
every request carries the whole case, and nothing is recorded. The register
(``readmit_forms.Register``, issue 14) will be a second implementation: ``save`` a
version, ``open`` one by reference, list ``cases`` (search, due soonest first) and
``record`` every generated document (form, language, format, SHA-256), as the
agreements' record-keeping articles require. The pages do not change when it comes:
they show the save button and the case list where ``persistent`` is true.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Protocol

from ._workbench import Draft

__all__ = ["CaseStore", "Generated", "PageStore"]


@dataclass(frozen=True)
class Generated:
    """A document made from a case: what the register records of it."""

    form: str
    lang: str
    format: str
    draft: bool
    sha256: str
    size: int

    @classmethod
    def of(cls, form: str, lang: str, format: str, draft: bool, data: bytes) -> Generated:
        return cls(form, lang, format, draft, hashlib.sha256(data).hexdigest(), len(data))


class CaseStore(Protocol):
    persistent: bool

    def save(self, draft: Draft) -> str:
        """Keep a version of ``draft``; its reference."""
        ...

    def open(self, reference: str) -> Draft:
        """The latest version of the case ``reference``."""
        ...

    def record(self, draft: Draft, document: Generated) -> None:
        """Note that ``document`` was made from ``draft``."""
        ...


class PageStore:
    """Nothing is kept on the server: the page holds the case (see the module docstring)."""

    persistent = False

    def save(self, draft: Draft) -> str:
        raise NotImplementedError("cases are saved to a file until the register is wired in")

    def open(self, reference: str) -> Draft:
        raise NotImplementedError("cases are opened from a file until the register is wired in")

    def record(self, draft: Draft, document: Generated) -> None:
        return None
