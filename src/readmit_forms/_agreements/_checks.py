"""The load check of an agreement: every name it uses is one the toolkit knows.

Provisions, requirement conditions, events and the case fields that date them,
calendars, what a limit applies to, states and evidence kinds are checked against
the toolkit's vocabulary (``data/vocabulary.yaml``, ``data/events.yaml``, the case
schema). Each problem is a `DataError` naming the file, the place in it, the value
and the allowed values — a misspelt provision id no longer turns its rule off
silently.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .._errors import DataError
from .._lang import Lang
from .._paths import is_date
from .._templates import texts
from .._yaml import load_data
from ._agreement import Agreement
from ._events import events_of

__all__ = ["CaseVocabulary", "check_names", "know_case", "problems", "vocabulary"]


@cache
def vocabulary() -> Mapping[str, Mapping[str, str]]:
    """The names of ``data/vocabulary.yaml``, by kind (provisions, conditions, …)."""
    entry = resources.files("readmit_forms") / "data" / "vocabulary.yaml"
    data: dict[str, dict[str, str]] = load_data(entry.read_text("utf-8"))
    return data


@dataclass(frozen=True)
class CaseVocabulary:
    """What the case schema offers an agreement to name: its field paths (with their types,
    see `schema_paths`) and its document, evidence and permit kinds."""

    paths: Mapping[str, Any]
    kinds: tuple[str, ...]


_CASE: list[CaseVocabulary] = []


def know_case(vocabulary: CaseVocabulary) -> None:
    """Give the check the case schema's names (the case package does, when imported: the
    case schema reads the agreements, so they cannot import it)."""
    _CASE[:] = [vocabulary]


def _case_paths() -> Mapping[str, Any]:
    """Every case field path; a list is named with or without its ``[]`` (``children[].sex``
    names every child's, as does ``children.sex``)."""
    paths = _CASE[0].paths if _CASE else {}
    return {**{p.replace("[]", ""): kind for p, kind in paths.items()}, **paths}


def _evidence_kinds() -> tuple[str, ...]:
    return _CASE[0].kinds if _CASE else ()


def _unknown(
    file: str, path: str, value: str, allowed: Iterable[str], reason: str | None = None
) -> DataError:
    return DataError(file, path, value, sorted(set(allowed)), reason)


def _known(file: str, path: str, value: str | None, allowed: Iterable[str]) -> Iterator[DataError]:
    allowed = tuple(allowed)
    if value is not None and value not in allowed:
        yield _unknown(file, path, value, allowed)


def _field(file: str, path: str, value: str | None, allowed: Iterable[str]) -> Iterator[DataError]:
    """A case field path: the case schema has hundreds, so the closest few are named."""
    allowed = tuple(allowed)
    if allowed and value is not None and value not in allowed:
        close = difflib.get_close_matches(value, allowed, n=5, cutoff=0.5)
        closest = f" (closest: {', '.join(close)})" if close else ""
        yield DataError(file, path, value, (), f"{value!r} is not a case field{closest}")


def _events(agreement: Agreement, file: str) -> Iterator[DataError]:
    paths = _case_paths()
    dates = [p for p, kind in paths.items() if is_date(kind) and "[]" not in p]
    flags = [p for p, kind in paths.items() if kind in (bool, property) and "[]" not in p]
    limits = [d.id for d in agreement.deadlines]
    for name, event in agreement.events.items():
        where = f"events.{name}"
        yield from _field(file, f"{where}.field", event.field, dates)
        yield from _field(file, f"{where}.when", event.when, flags)
        yield from _field(file, f"{where}.time", event.time, paths)
        for index, key in enumerate(event.after):
            yield from _known(file, f"{where}.after[{index}]", key, limits)


def _deadlines(agreement: Agreement, file: str) -> Iterator[DataError]:
    words = vocabulary()
    events = events_of(agreement)
    calendars = (*words["calendars"], *agreement.states)
    groups = (*words["groups"], *agreement.form_ids)
    english = texts(Lang.EN)
    for index, deadline in enumerate(agreement.deadlines):
        where = f"deadlines[{index}]"
        yield from _known(file, f"{where}.event", deadline.event, events)
        yield from _known(file, f"{where}.done", deadline.done, events)
        yield from _known(file, f"{where}.calendar", deadline.calendar, calendars)
        for position, tag in enumerate(deadline.applies_to):
            yield from _known(file, f"{where}.applies_to[{position}]", tag, groups)
        event = events.get(deadline.event)
        if event is None:
            continue
        own = event.since if deadline.relation == "within" else event.until
        side = "since" if deadline.relation == "within" else "until"
        if own is None and f"messages.deadlines.{side}.{deadline.event}" not in english:
            yield _unknown(
                file,
                f"{where}.event",
                deadline.event,
                (),
                f"no words for {deadline.relation!r} {deadline.event!r}: give the event "
                f"'{side}' texts (events.{deadline.event}.{side}: kk, ru, en)",
            )


def _states(agreement: Agreement, file: str) -> Iterator[DataError]:
    states = agreement.states
    if len(set(states)) != len(states):
        yield _unknown(file, "parties", ", ".join(states), (), "a state is on both sides")
    for index, authority in enumerate(agreement.authorities or ()):
        yield from _known(file, f"authorities[{index}].state", authority.state, states)
    for index, point in enumerate(agreement.border_crossing_points):
        yield from _known(file, f"border_crossing_points[{index}].state", point.state, states)
    for index, evidence in enumerate(agreement.evidence):
        yield from _known(file, f"evidence[{index}].state", evidence.state, states)


def _kinds(
    agreement: Agreement, file: str, where: str, kinds: Iterable[str]
) -> Iterator[DataError]:
    """Document, evidence and permit kinds, or ``list:<strength>/<concerns>`` of a list the
    agreement has."""
    lists = {f"list:{e.strength}/{e.concerns}" for e in agreement.evidence}
    allowed = (*_evidence_kinds(), *sorted(lists))
    if not _CASE:
        return
    for number, kind in enumerate(kinds):
        yield from _known(file, f"{where}[{number}]", kind, allowed)


def _evidence(agreement: Agreement, file: str) -> Iterator[DataError]:
    states = agreement.states
    for index, evidence in enumerate(agreement.evidence):
        for position, item in enumerate(evidence.items):
            where = f"evidence[{index}].items[{position}]"
            yield from _kinds(agreement, file, f"{where}.kinds", item.kinds)
            yield from _kinds(agreement, file, f"{where}.together_with", item.together_with)
            yield from _kinds(
                agreement, file, f"{where}.only_when_requested", item.only_when_requested
            )
            for kind, listed in item.only_when_requested.items():
                for number, state in enumerate(listed):
                    yield from _known(
                        file, f"{where}.only_when_requested.{kind}[{number}]", state, states
                    )
            if item.registration is not None:
                yield from _known(
                    file, f"{where}.registration.state", item.registration.state, states
                )


def _provisions(agreement: Agreement, file: str) -> Iterator[DataError]:
    words = vocabulary()
    paths = _case_paths()
    for index, provision in enumerate(agreement.provisions):
        yield from _known(file, f"provisions[{index}].id", provision.id, words["provisions"])
        yield from _kinds(agreement, file, f"provisions[{index}].kinds", provision.kinds)
        for position, field in enumerate(provision.fields):
            yield from _field(file, f"provisions[{index}].fields[{position}]", field, paths)
    for index, requirement in enumerate(agreement.requirements):
        yield from _known(
            file, f"requirements[{index}].when", requirement.when, words["conditions"]
        )
        for position, pattern in enumerate(requirement.fields):
            where = f"requirements[{index}].fields[{position}]"
            for alternative in pattern.split("|"):
                yield from _field(file, where, alternative, paths)
            label = pattern.split("|")[0]  # a finding names the field by its label
            if paths and f"messages.field.{label}" not in texts(Lang.EN):
                yield _unknown(
                    file, where, label, (), f"{label!r} has no label (messages.field.{label})"
                )


def problems(agreement: Agreement, file: str) -> list[DataError]:
    """Every name ``agreement`` (read from ``file``) uses that the toolkit does not know."""
    return [
        *_provisions(agreement, file),
        *_events(agreement, file),
        *_deadlines(agreement, file),
        *_states(agreement, file),
        *_evidence(agreement, file),
    ]


def check_names(agreement: Agreement, file: str) -> Agreement:
    """``agreement``, or raise the first of its `problems`."""
    found = problems(agreement, file)
    if found:
        raise found[0]
    return agreement
