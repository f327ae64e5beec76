"""Provisions checked from data alone: "the agreement has provision P, and the case field F is
(not) V — a finding". Each such provision declares its check in ``data/vocabulary.yaml``
(``provisions.<id>.check``); this module only applies them, in the order listed there, for
the scope a rule module asks for (transit, the third-country grounds)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from typing import Any

from .._agreements import vocabulary
from .._case import Case
from .._findings import Finding, Severity
from .._paths import walk
from ._check import Check
from ._common import severity, states

__all__ = ["provision_checks"]


def _value(case: Case, path: str) -> Any:
    value = next(walk(case, path))[1]
    return value.value if isinstance(value, Enum) else value


def _fires(spec: Mapping[str, Any], value: Any) -> bool:
    """Whether the case's ``value`` is what the check reports."""
    if "if_not" in spec:
        return bool(value != spec["if_not"])
    if "if_contains" in spec:
        return spec["if_contains"] in (value or ())
    test = spec["if"]
    if test is False:
        return value is False
    if test == "truthy":
        return bool(value)
    return value is not True  # not-true


def _codes(case: Case, paths: list[str]) -> list[str]:
    found: list[str] = []
    for path in paths:
        value = _value(case, path)
        found += list(value) if isinstance(value, list | tuple) else [value] if value else []
    return found


def provision_checks(check: Check, scope: str) -> Iterator[Finding]:
    """The findings of every data-declared check of ``scope`` whose provision the agreement
    has."""
    for provision_id, entry in vocabulary()["provisions"].items():
        spec = entry.get("check") if isinstance(entry, Mapping) else None
        if spec is None or spec["scope"] != scope:
            continue
        provision = check.agreement.provision(provision_id)
        if provision is None or not _fires(spec, _value(check.case, spec["path"])):
            continue
        params: dict[str, Any] = {
            name: states(_codes(check.case, paths))
            for name, paths in spec.get("states", {}).items()
        }
        yield check.finding(
            spec["code"],
            spec.get("at", spec["path"]),
            provision.source,
            severity(provision.severity, Severity(spec.get("severity", "error"))),
            **params,
        )
