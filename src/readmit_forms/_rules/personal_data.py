"""Personal data the agreement does not allow to be transmitted, flagged before it leaves
(KZ–HU Art. 5(3), KZ–AT Art. 12(1)(a)).

The agreement data lists the case fields that may be sent (``personal-data``, and
``personal-data-third-country`` for data allowed only for third-country nationals);
any other field about the persons concerned that holds a value is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._category import category
from .._findings import Finding, Severity
from .._paths import set_paths
from ._check import Check, Rule

_INDEX = re.compile(r"\[\d+\]")
_TRAILING_INDEX = re.compile(r"\[\d+\]$")

# The parts of a case that are data about the persons to be readmitted (the escorts,
# officials and authorities are not: the agreements' lists do not speak of them).
SUBJECT_DATA = (
    "person",
    "spouse",
    "children",
    "documents",
    "permits",
    "evidence",
    "unlawful_stay",
    "circumstances",
    "statement",
    "handover.health",
    "handover.security_measures",
)


def _covered(path: str, prefixes: frozenset[str] | set[str]) -> bool:
    """Whether ``path`` (without list indices) is one of ``prefixes`` or lies under one:
    each of its dotted heads looked up, not each prefix tried."""
    if path in prefixes:
        return True
    end = path.find(".")
    while end != -1:
        if path[:end] in prefixes:
            return True
        end = path.find(".", end + 1)
    return False


_SUBJECT_DATA = frozenset(SUBJECT_DATA)
_SUBJECT_ROOTS = frozenset(path.partition(".")[0] for path in SUBJECT_DATA)
"""The case's top-level fields that hold data about the persons (only those are walked)."""


def personal_data(check: Check) -> Iterator[Finding]:
    provision = check.agreement.provision("personal-data")
    if provision is None:
        return
    allowed = set(provision.fields)
    extra = check.agreement.provision("personal-data-third-country")
    if extra is not None and category(check.case) == "third-country":
        allowed |= set(extra.fields)
    dumped = check.case.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    flagged: set[str] = set()
    for root, data in dumped.items():
        if root not in _SUBJECT_ROOTS:
            continue
        for leaf in set_paths(data, root):
            plain = _INDEX.sub("", leaf)
            if not _covered(plain, _SUBJECT_DATA) or _covered(plain, allowed):
                continue
            field = _field_of(leaf)  # one finding per field, not per sub-value
            if field not in flagged:
                flagged.add(field)
                yield check.finding(
                    "personal-data-not-allowed",
                    field,
                    provision.source,
                    Severity(provision.severity or "warning"),
                )


# Sections whose fields are reported one by one; in the others (documents, permits,
# evidence) the item as a whole is.
_BY_FIELD = frozenset(
    {"person", "spouse", "children", "unlawful_stay", "circumstances", "statement", "handover"}
)


def _field_of(leaf: str) -> str:
    """The field a value belongs to: ``person.description.height_cm`` → ``person.description``."""
    parts = leaf.split(".")
    if _INDEX.sub("", parts[0]) not in _BY_FIELD:
        return parts[0]
    return _TRAILING_INDEX.sub("", ".".join(parts[:2]))


RULES: tuple[Rule, ...] = (personal_data,)
