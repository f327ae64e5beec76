"""Third-country nationals and stateless persons: the grounds for readmitting them and the
exclusions (KZ–AT Art. 3; KZ–BY Agreement Arts. 3 and 15(2); KZ–HU Art. 2)."""

from __future__ import annotations

from collections.abc import Iterator

from .._category import category, valid_permits
from .._category import grounds as case_grounds
from .._evidence import item_kind
from .._findings import Finding, Severity
from ._check import Check, Rule
from ._common import in_play_needing, item_label, nationalities, severity, states
from ._provision_checks import provision_checks


def _applies(check: Check) -> bool:
    return (
        in_play_needing(check, None, "interview", procedure="readmission")
        and check.case.transit is None
        and category(check.case) == "third-country"
    )


def grounds(check: Check) -> Iterator[Finding]:
    """A valid visa or permit of the requested state, or direct entry from its territory."""
    if not _applies(check):
        return
    case, agreement = check.case, check.agreement
    by_permit = agreement.provision("tcn-valid-permit")
    by_entry = agreement.provision("tcn-direct-entry")
    if by_permit is None and by_entry is None:
        return
    if case_grounds(case, agreement) & {"third-country-direct", "third-country-permit"}:
        return
    sources = [p.source for p in (by_permit, by_entry) if p is not None]
    yield check.finding(
        "tcn-no-grounds",
        "unlawful_stay.entered_from",
        sources[0],
        also=sources[1:],
        state=states([case.requested_state]),
    )


def exclusions(check: Check) -> Iterator[Finding]:
    """The cases in which the obligation to readmit does not apply."""
    if not _applies(check):
        return
    # airport transit, visa-free entry, stateless: checks declared in data/vocabulary.yaml
    yield from provision_checks(check, "third-country")
    yield from _requesting_state_permits(check)


def _requesting_state_permits(check: Check) -> Iterator[Finding]:
    case, agreement = check.case, check.agreement
    # KZ–AT Art. 3(5)(b): a visa or temporary residence permit of the requesting State,
    # issued before or after entry, unless one of the requested State lasts longer or it
    # was obtained by fraud.
    lenient = agreement.provision("tcn-excl-requesting-permit")
    if lenient is not None:
        theirs = [
            p.expiry_date
            for p in case.permits
            if p.issuing_state == case.requested_state
            and item_kind(p) in lenient.kinds
            and p.expiry_date
        ]
        for index, permit in enumerate(case.permits):
            if (
                permit.issuing_state == case.requesting_state
                and item_kind(permit) in lenient.kinds
                and not permit.obtained_by_fraud
                and not (permit.expiry_date and any(d > permit.expiry_date for d in theirs))
            ):
                yield check.finding(
                    "tcn-requesting-state-permit",
                    f"permits[{index}]",
                    lenient.source,
                    severity(lenient.severity, Severity.WARNING),
                    permit=item_label(permit),
                    state=states([case.requesting_state]),
                )
    # KZ–HU Art. 2(4)(1): a valid visa or residence permit of the requesting State.
    strict = agreement.provision("tcn-excl-requesting-valid-permit")
    if strict is not None:
        for index, permit in valid_permits(case, case.requesting_state, strict.kinds):
            yield check.finding(
                "tcn-requesting-state-permit-valid",
                f"permits[{index}]",
                strict.source,
                severity(strict.severity, Severity.ERROR),
                permit=item_label(permit),
                state=states([case.requesting_state]),
            )


def transitional(check: Check) -> Iterator[Finding]:
    """KZ–BY Art. 15(2): for 3 years only nationals of states with readmission treaties."""
    provision = check.agreement.provision("tcn-transitional")
    if provision is None or not _applies(check):
        return
    yield check.finding(
        "tcn-transitional",
        "person.nationality",
        provision.source,
        severity(provision.severity, Severity.WARNING),
        years=provision.value or "",
        nationality=nationalities(check.case.person.nationality),
        parties=states(check.agreement.states),
    )


RULES: tuple[Rule, ...] = (grounds, exclusions, transitional)
