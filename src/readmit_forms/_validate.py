"""Validation: every problem of a case at once, as findings citing the article behind them.

The rules live in ``_rules/`` (one module per concern, merged in ``_rules.RULES``);
each receives a `Check` and yields findings whose messages come from
``templates/<lang>/messages.yaml`` in all three languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._agreements import get_agreement
from ._case import Case
from ._findings import Finding, Severity
from ._loading import load_case
from ._rules import RULES, Check

__all__ = ["validate"]


def validate(case: Case | str | Path | Mapping[str, Any], form: str | None = None) -> list[Finding]:
    """Every finding for ``case`` (a `Case`, a path or a mapping), for ``form`` or all forms.

    Findings are sorted: errors first, then by field path.
    """
    loaded = load_case(case)
    agreement = get_agreement(loaded.agreement)
    if form is not None:
        agreement.form(form)  # UnknownFormError for a form the agreement does not have
    check = Check(loaded, agreement, form)
    findings = [finding for rule in RULES for finding in rule(check)]
    return sorted(findings, key=lambda f: (f.severity != Severity.ERROR, f.path, f.code))
