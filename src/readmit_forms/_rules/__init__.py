"""Validation rules, one module per concern; importing this package registers them all.

- basics: the photo can be printed
- required: the items each form needs, and conditional ones (spouse, escorts)
- evidence: documents as proof or prima facie evidence; the interview petition
- third_country: grounds and exclusions for third-country nationals and stateless persons
- transit: conditions of transit
- consistency: dates in order, children minors, documents valid where it matters
- personal_data: data the agreement does not allow to be transmitted
- deadlines_findings: actions after their due date, transfers on public holidays
"""

from . import (  # noqa: F401
    basics,
    consistency,
    deadlines_findings,
    evidence,
    personal_data,
    required,
    third_country,
    transit,
)
