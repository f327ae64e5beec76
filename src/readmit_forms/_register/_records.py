"""The data-protection record: what each entry must contain under its agreement, and for how long.

The agreement data (``record:`` in ``agreements/*.yaml``) lists the items the
record must name (KZ–AT Art. 12(3): purpose, content, time, transmitting and
receiving authority; KZ–HU Art. 5(2)(6): the authority *and the person* sending
and receiving, the fact and date) and how long it is kept (KZ–AT: three years,
then destroyed at once). This module checks an entry against that list and
dates its end; it holds no legal facts of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .._agreements import Agreement, Authority, RecordDuty
from .._case import Case
from .._errors import RecordIncompleteError
from .._findings import articles
from .._format import add_months
from .._lang import LANGS, Lang, parse_lang
from .._text import pick

__all__ = ["OPTIONS", "authority", "check_complete", "retain_until"]

OPTIONS: Mapping[str, str] = {
    "purpose": "--purpose",
    "sender-authority": "--from",
    "sender-person": "--by (transmit) or --sender-person (receive)",
    "recipient-authority": "--to",
    "recipient-person": "--recipient-person (transmit) or --by (receive)",
}
"""How a clerk gives each item on the command line (named in the error)."""

_WORDS = {
    "purpose": "purpose",
    "sender-authority": "transmitting authority",
    "sender-person": "transmitting person",
    "recipient-authority": "receiving authority",
    "recipient-person": "receiving person",
}


def authority(agreement: Agreement, given: str | None) -> str | None:
    """An authority as the record keeps it: its id from the agreement data, else as given."""
    if given is None or not given.strip():
        return None
    text = " ".join(given.split())
    key = text.lower()
    for known in agreement.authorities or ():
        if key == known.id or key in (name.lower() for name in known.name.values()):
            return known.id
    return text


def own_authority(agreement: Agreement, case: Case, form: str | None, lang: str) -> str | None:
    """The requesting Party's authority (the default sender or recipient): the competent
    authority the agreement names, else the one the case prints."""
    known: Authority | None = None
    state = case.requesting_state
    if form is not None and form in agreement.form_ids:
        known = agreement.authority_for(state, form, "sends")
    else:
        known = next((a for a in agreement.authorities or () if a.state == state), None)
    if known is not None:
        return known.id
    if case.requesting_authority is not None:
        return pick(case.requesting_authority.name, parse_lang(lang), LANGS)
    return None


def check_complete(agreement: Agreement, items: Mapping[str, str | None]) -> None:
    """Raise `RecordIncompleteError` for the first item the agreement requires that is empty."""
    duty = agreement.record
    if duty is None:
        return
    for field in duty.fields:
        if field.id in items and not (items[field.id] or "").strip():
            article = articles(agreement, [field.source])[Lang.EN]
            raise RecordIncompleteError(_WORDS[field.id], article, OPTIONS[field.id])


def retain_until(duty: RecordDuty | None, at: dt.datetime) -> dt.date | None:
    """The last day an entry made at ``at`` is kept (None: the agreement sets no period)."""
    if duty is None or duty.retention.value is None:
        return None
    period = duty.retention.value
    months = period.length * (12 if period.unit == "years" else 1)
    return add_months(at.date(), months)
