"""Validation: every problem of a case at once, as findings citing the article behind them.

Rules are small functions registered with `rule`. Each receives a `Check`
(the case, its agreement and the form asked for, or None for every form) and
yields findings made with `Check.finding`, whose messages come from
``templates/<lang>/messages.yaml`` in all three languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._agreements import Agreement, Source, get_agreement
from ._case import Case
from ._citations import cite
from ._findings import Finding, PerLanguage, Severity, articles
from ._lang import Lang
from ._loading import load_case
from ._templates import texts

__all__ = ["Check", "rule", "validate"]


@dataclass(frozen=True)
class Check:
    case: Case
    agreement: Agreement
    form: str | None

    def applies(self, *forms: str) -> bool:
        """True when validating for one of ``forms`` (or for every form)."""
        return self.form is None or self.form in forms

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

        messages = PerLanguage(message)
        cited = articles(self.agreement, sources)
        return Finding(
            code=code,
            severity=severity,
            path=path,
            messages=messages,
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

    def cite(self, source: Source) -> Callable[[Any], str]:
        """A parameter that renders ``source`` cited in each language."""
        return lambda lang: cite(source.ref, lang, texts(lang))


def _localized(value: Any, lang: Lang) -> Any:
    if callable(value):
        return value(lang)
    if isinstance(value, Mapping) and lang in value:
        return value[lang]
    return value


Rule = Callable[[Check], Iterator[Finding]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


def validate(case: Any, form: str | None = None) -> list[Finding]:
    """Every finding for ``case`` (a `Case`, a path or a mapping), for ``form`` or all forms.

    Findings are sorted: errors first, then by field path.
    """
    loaded = load_case(case)
    agreement = get_agreement(loaded.agreement)
    if form is not None:
        agreement.form(form)  # UnknownFormError for a form the agreement does not have
    check = Check(loaded, agreement, form)
    from . import _rules  # noqa: F401 - registers the rules

    findings = [finding for fn in RULES for finding in fn(check)]
    return sorted(findings, key=lambda f: (f.severity != Severity.ERROR, f.path, f.code))
