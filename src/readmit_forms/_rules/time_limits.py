"""Time limits as findings: an action dated after its due date; a transfer or transit
planned on a public holiday of either state."""

from __future__ import annotations

from collections.abc import Iterator

from .._calendars import Calendar
from .._deadlines import schedule
from .._findings import Finding, Severity
from ._check import Check, Rule
from ._common import in_play, in_play_needing, states


def late_actions(check: Check) -> Iterator[Finding]:
    """Each limit the case dates the action of, met or missed (no clock: no overdue here)."""
    wanted = {d.id: d for d in check.agreement.deadlines}
    forms = None if check.form is None else [check.form]
    for due in schedule(check.case, check.agreement, forms=forms).items:
        deadline = wanted[due.id]
        forms = [f for f in deadline.applies_to if f in check.agreement.form_ids]
        if due.status != "missed" or (forms and not in_play(check, *forms)):
            continue
        # The requesting Party's own acts must be in time; the other Party's lateness
        # (and a limit within which an act *may* be taken) is for the clerk to know.
        severity = (
            Severity.ERROR if due.actor == "requesting" and not due.optional else Severity.WARNING
        )
        also = [other.source for other in due.superseded]
        yield check.finding(
            "deadline-missed",
            due.done_field or "",
            due.source,
            severity,
            also=also,
            action=due.action,
            due=str(due.due),
            done=str(due.done_on),
        )


def holidays(check: Check) -> Iterator[Finding]:
    """A transfer or transit planned on a public holiday of either state."""
    case = check.case
    pair = (case.requesting_state, case.requested_state)
    calendar = Calendar.of([state for state in check.agreement.states if state in pair])
    planned = []
    if case.handover is not None and case.handover.date and in_play_needing(check, "handover"):
        planned.append(("handover.date", case.handover.date, "transfer-on-holiday"))
    if case.transit is not None and case.transit.date and in_play_needing(check, "transit"):
        planned.append(("transit.date", case.transit.date, "transit-on-holiday"))
    for path, day, code in planned:
        for holiday in calendar.holidays_on(day):
            yield check.finding(
                code,
                path,
                None,
                Severity.WARNING,
                date=str(day),
                state=states([holiday.state]),
                holiday=holiday.names,
            )


RULES: tuple[Rule, ...] = (late_actions, holidays)
