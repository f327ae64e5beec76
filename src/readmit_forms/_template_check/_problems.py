"""What the template check reports: one problem of one id in one language, and the outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["KINDS", "TemplateProblem", "TemplateReport"]

KINDS: tuple[str, ...] = (
    "unreadable",
    "missing",
    "extra",
    "placeholders",
    "mixed-script",
    "foreign-fragment",
    "cyrillic-in-english",
    "empty",
    "identical",
)
"""Every kind of problem, in the order they are reported."""


@dataclass(frozen=True)
class TemplateProblem:
    """One problem of one template id in one language (or in the folder)."""

    kind: str
    key: str
    lang: str | None
    message: str
    fragment: str | None = None
    divergence: str | None = None
    """The recorded divergence of the official text that accounts for it, if any."""

    @property
    def known(self) -> bool:
        return self.divergence is not None

    def line(self) -> str:
        where = f"{self.lang}  " if self.lang else ""
        known = (
            f" — recorded divergence {self.divergence} of the official text"
            if self.divergence
            else ""
        )
        return f"{where}{self.key}: {self.kind}: {self.message}{known}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "lang": self.lang,
            "message": self.message,
            "fragment": self.fragment,
            "divergence": self.divergence,
        }


@dataclass(frozen=True)
class TemplateReport:
    """The outcome: problems (fail), known divergences and notes (information)."""

    folder: str
    ids: dict[str, int]
    problems: tuple[TemplateProblem, ...]
    known: tuple[TemplateProblem, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unreadable(self) -> bool:
        return any(p.kind == "unreadable" for p in self.problems)

    def kinds(self) -> set[str]:
        return {p.kind for p in self.problems}

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "ok": self.ok,
            "ids": self.ids,
            "problems": [p.to_dict() for p in self.problems],
            "known": [p.to_dict() for p in self.known],
            "notes": list(self.notes),
        }
