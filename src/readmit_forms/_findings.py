"""Findings: what `validate` reports about a case, each with the article behind it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ._agreements import Source
from ._lang import Lang

__all__ = ["Finding", "Severity"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem of a case: a stable code, a severity, the field, the message, the article.

    ``code`` is stable across releases and languages (usable as a translation key);
    ``messages`` holds the message in kk, ru and en.
    """

    code: str
    severity: Severity
    path: str
    messages: Mapping[Lang, str]
    agreement: str
    article: str | None = None
    source: Source | None = None
    form: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: Lang = Lang.EN) -> str:
        return self.messages.get(lang) or self.messages[Lang.EN]

    def line(self, lang: Lang = Lang.EN) -> str:
        """One line for a person: severity, field, message, article."""
        where = f" [{self.article}]" if self.article else ""
        path = f"{self.path}: " if self.path else ""
        return f"{self.severity.value}: {path}{self.message(lang)}{where}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": {lang.value: text for lang, text in self.messages.items()},
            "agreement": self.agreement,
            "article": self.article,
            "source": self.source.model_dump() if self.source else None,
            "form": self.form,
        }
