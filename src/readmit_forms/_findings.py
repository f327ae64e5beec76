"""Findings: what `validate` reports about a case, each with the article behind it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ._agreements import Agreement, Source
from ._citations import cite
from ._errors import ReadmitFormsError
from ._lang import LANGS, Lang
from ._templates import texts

__all__ = ["CaseRefusedError", "Finding", "Severity", "articles", "describe_findings"]

# A remark the data adds after the provision ("Art. 5(5) ('three (3) days', counted
# here as calendar days)") is for the reader of the data, not part of the citation.
_REMARK = re.compile(r"\s+\(.*\)$")


class PerLanguage(Mapping[Lang, str]):
    """Texts in kk, ru and en, each made when first read (reading templates costs time)."""

    def __init__(self, make: Callable[[Lang], str]) -> None:
        self._make = make
        self._made: dict[Lang, str] = {}

    def __getitem__(self, lang: Lang) -> str:
        if lang not in LANGS:
            raise KeyError(lang)
        if lang not in self._made:
            self._made[lang] = self._make(lang)
        return self._made[lang]

    def __iter__(self) -> Iterator[Lang]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self) == dict(other)

    def __repr__(self) -> str:
        return repr(dict(self))


def articles(agreement: Agreement, sources: Sequence[Source]) -> Mapping[Lang, str]:
    """The provisions ``sources`` cite, in each language: "<agreement>, Art. 5(8); …"."""
    if not sources:
        return {}
    refs = [_REMARK.sub("", s.ref) for s in sources]
    return PerLanguage(
        lambda lang: (
            f"{agreement.short[lang]}, " + "; ".join(cite(ref, lang, texts(lang)) for ref in refs)
        )
    )


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem of a case: a stable code, a severity, the field, the message, the article.

    ``code`` is stable across releases and languages (usable as a translation key);
    ``messages`` holds the message in kk, ru and en; ``article`` cites the provision
    in English, ``articles`` in each language; ``sources`` lists every provision cited
    (two where the agreement sets a rule twice).
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
    articles: Mapping[Lang, str] = field(default_factory=dict)
    sources: tuple[Source, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: Lang = Lang.EN) -> str:
        return self.messages.get(lang) or self.messages[Lang.EN]

    def line(self, lang: Lang = Lang.EN) -> str:
        """One line for a person: severity, field, message, article."""
        article = self.articles.get(lang) or self.article
        where = f" [{article}]" if article else ""
        path = f"{self.path}: " if self.path else ""
        severity = texts(lang).format(f"common.severity.{self.severity.value}")
        return f"{severity}: {path}{self.message(lang)}{where}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": {lang.value: text for lang, text in self.messages.items()},
            "agreement": self.agreement,
            "article": self.article,
            "articles": {lang.value: text for lang, text in self.articles.items()},
            "source": self.source.model_dump() if self.source else None,
            "sources": [source.model_dump() for source in self.sources],
            "form": self.form,
            "params": {key: _plain(value) for key, value in self.params.items()},
        }


def describe_findings(
    findings: Sequence[Finding], lang: Lang, *, case: str, form: str | None = None
) -> list[str]:
    """The findings of ``case`` (its name, e.g. the file) as lines of text in ``lang``: one
    line each, then the verdict ("valid" or how many errors and warnings)."""
    words = texts(lang)
    errors = sum(1 for finding in findings if finding.is_error)
    scope = words.format("messages.verdict.scope", form=form) if form else ""
    verdict = "messages.verdict.invalid" if errors else "messages.verdict.valid"
    return [
        *(finding.line(lang) for finding in findings),
        words.format(
            verdict, case=case, scope=scope, errors=errors, warnings=len(findings) - errors
        ),
    ]


def _plain(value: Any) -> Any:
    """A parameter as JSON can hold it."""
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


class CaseRefusedError(ReadmitFormsError):
    """The case has errors for the requested form; render with ``draft=True`` to see it anyway."""

    exit_code = 1

    def __init__(self, form: str, findings: Sequence[Finding]) -> None:
        self.form = form
        self.findings = tuple(findings)
        super().__init__(
            f"the case has {len(self.findings)} error(s) for form {form!r}; "
            "fix them or render a draft"
        )
