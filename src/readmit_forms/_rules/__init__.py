"""Validation rules, one module per concern; each lists its rules in ``RULES``, merged here.

- photo: the photo can be printed
- consistency: dates in order, children minors, documents valid where it matters
- time_limits: actions after their due date, transfers on public holidays
- evidence: documents as proof or prima facie evidence; the interview petition
- personal_data: data the agreement does not allow to be transmitted
- required: the items each form needs, and conditional ones (spouse, escorts)
- third_country: grounds and exclusions for third-country nationals and stateless persons
- transit: conditions of transit

Adding a rule: write ``def my_rule(check: Check) -> Iterator[Finding]`` in the module of
its concern and add it to that module's ``RULES``; a new module is added to the tuple
below. `validate` runs the rules in this order.
"""

from . import (
    consistency,
    evidence,
    personal_data,
    photo,
    required,
    third_country,
    time_limits,
    transit,
)
from ._check import Check, Rule

__all__ = ["MODULES", "RULES", "Check", "Rule"]

MODULES = (
    photo,
    consistency,
    time_limits,
    evidence,
    personal_data,
    required,
    third_country,
    transit,
)
"""The rule modules, in the order their rules run."""

RULES: tuple[Rule, ...] = tuple(rule for module in MODULES for rule in module.RULES)
"""Every rule `validate` runs."""
