"""Items a form requires, and items required only in some cases (the agreement data's
``requirements``): spouse data when married, escorts' data when escorted (KZ–AT Annex 1
Art. 5, KZ–BY Protocol Art. 8(1))."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .._case import Case, MaritalStatus
from .._category import category
from .._findings import Finding, Severity
from .._paths import walk
from ._check import Check, Rule
from ._common import field_label, in_play, is_blank

# A requirement's ``when``: the case facts that make the item necessary.
CONDITIONS: dict[str, Callable[[Case], bool]] = {
    "married": lambda case: case.person.marital_status is MaritalStatus.MARRIED,
    "escorted-handover": lambda case: case.escorted_handover is True,
    "escorted-transit": lambda case: case.escorted_transit is True,
    "refused": lambda case: case.reply is not None and case.reply.positive is False,
    "own-nationals": lambda case: category(case) == "own-nationals",
    "third-country": lambda case: category(case) == "third-country",
}

# Case properties that read a section (``Case.escorted_handover`` reads ``handover``).
_SECTION_OF = {"escorted_handover": "handover", "escorted_transit": "transit"}


def sections(check: Check) -> Iterator[Finding]:
    """A form filled from a section of the case (the agreement data's ``needs``: a transit
    request the transit, a notice the transfer, a petition the interview) needs it."""
    if check.form not in check.agreement.form_ids:
        return
    info = check.agreement.form(check.form)
    section = info.needs
    if section is not None and not info.blank_without and getattr(check.case, section) is None:
        yield check.finding(
            "section-missing",
            section,
            info.basis[0] if info.basis else None,
            section=field_label(section),
        )


def required_items(check: Check) -> Iterator[Finding]:
    seen: set[str] = set()
    for requirement in check.agreement.requirements:
        if not in_play(check, *requirement.forms):
            continue
        if requirement.when is not None and not CONDITIONS[requirement.when](check.case):
            continue
        for pattern in requirement.fields:
            first = pattern.split(".")[0]
            label = field_label(pattern.split("|")[0])
            section = _SECTION_OF.get(first, first)
            needed = {form.needs for form in check.agreement.forms}
            if section in needed and getattr(check.case, section) is None:
                continue  # the whole section is missing: `sections` says so once
            for path, blank in _blanks(check.case, pattern):
                if path in seen or not blank:
                    continue
                seen.add(path)
                if requirement.severity == "error":
                    yield check.finding("item-missing", path, requirement.source, item=label)
                else:
                    yield check.finding(
                        "item-if-possible", path, requirement.source, Severity.WARNING, item=label
                    )


def _blanks(case: Case, pattern: str) -> Iterator[tuple[str, bool]]:
    """Each path ``pattern`` names, and whether it is blank. ``a|b`` is satisfied by
    either (e.g. an escort's stay given as dates, or as arrival and departure)."""
    alternatives = [list(walk(case, alternative)) for alternative in pattern.split("|")]
    for found in zip(*alternatives, strict=True):
        yield found[0][0], all(is_blank(value) for _, value in found)


RULES: tuple[Rule, ...] = (sections, required_items)
