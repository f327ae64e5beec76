"""What a rule is: a function of a `Check` (one case, for one form or all) that yields findings.

A rule module defines its rules as plain functions and lists them in its ``RULES``
tuple; ``_rules/__init__.py`` merges the modules' tuples in one place, and
`validate` runs them in that order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .._agreements import Agreement, Source
from .._case import Case
from .._findings import Finding, PerLanguage, Severity, articles
from .._lang import Lang
from .._templates import texts

__all__ = ["Check", "Rule"]


@dataclass(frozen=True)
class Check:
    """What a rule looks at: the case, its agreement, and the form asked for (None: every
    form the case is sent with). `finding` makes a finding that cites the agreement."""

    case: Case
    agreement: Agreement
    form: str | None

    def finding(
        self,
        code: str,
        path: str,
        source: Source | None = None,
        severity: Severity = Severity.ERROR,
        *,
        also: Sequence[Source] = (),
        **params: Any,
    ) -> Finding:
        """A finding ``code`` at ``path``, citing ``source`` (and ``also``).

        Its message is ``messages.<code>`` in each language, filled with ``params``;
        a parameter may be a function of the language, or a mapping by language.
        """
        sources = tuple(s for s in (source, *also) if s is not None)

        def message(lang: Lang) -> str:
            values = {k: _localized(v, lang) for k, v in params.items()}
            return texts(lang).format(f"messages.{code}", **values)

        cited = articles(self.agreement, sources)
        return Finding(
            code=code,
            severity=severity,
            path=path,
            messages=PerLanguage(message),
            agreement=self.agreement.id,
            article=cited.get(Lang.EN),
            source=source,
            form=self.form,
            params={
                k: v for k, v in params.items() if not callable(v) and not isinstance(v, Mapping)
            },
            articles=cited,
            sources=sources,
        )


def _localized(value: Any, lang: Lang) -> Any:
    if callable(value):
        return value(lang)
    if isinstance(value, Mapping) and lang in value:
        return value[lang]
    return value


Rule = Callable[[Check], Iterator[Finding]]
"""A rule: every finding of one concern for the case in ``check`` (none when it is fine)."""
