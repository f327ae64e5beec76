"""What the workbench shows about a case: schema problems and findings by input, the forms
the case calls for, its deadlines in words. Computed from the library's public API; the
pages only lay it out.

`Draft` is the case being edited as the page holds it (editor data and photo); it
travels whole with every request. A case opened from the register carries its
reference, the version it was opened at and that version's `digest`, so that the page
knows whether it has unsaved changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date

import readmit_forms as rf

from ._casework import Photo, photo_on_disk
from ._form import Section, editor, join, slot_id, tokens
from ._formdata import case_data
from ._i18n import messages

__all__ = [
    "Checked",
    "Draft",
    "DueView",
    "FormView",
    "Note",
    "digest",
    "examine",
    "forms_called_for",
]


def digest(case: rf.Case, photo: Photo | None) -> str:
    """What a saved version looks like to the page: its data (photo file aside) and photo.

    A page whose case has the digest of the version it was opened at has no unsaved
    changes."""
    data = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.get("person", {}).pop("photo", None)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    seen = hashlib.sha256(text.encode("utf-8"))
    if photo is not None:
        seen.update(b"\0photo:" + hashlib.sha256(photo.data).digest())
    return seen.hexdigest()


@dataclass
class Draft:
    """The case as the editor holds it: editor data (see ``_form``) and its photo; for a
    case in the register, its reference, the version it was opened at and its digest."""

    data: dict[str, Any]
    photo: Photo | None = None
    notices: list[str] = field(default_factory=list)  # UI message keys to show once
    ref: str | None = None
    version: int = 0
    saved: str = ""

    @property
    def agreement(self) -> rf.Agreement | None:
        try:
            return rf.get_agreement(str(self.data.get("agreement", "")))
        except rf.UnknownAgreementError:
            return None

    @classmethod
    def from_case(cls, case: rf.Case, photo: Photo | None = None) -> Draft:
        """A draft of a loaded case; a photo file path in it is dropped, never opened."""
        notices = []
        if case.person.photo is not None:
            notices.append("notice.photo_path_dropped")
        data = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        data.setdefault("person", {}).pop("photo", None)
        return cls(data, photo, notices)

    @classmethod
    def saved_version(
        cls, case: rf.Case, photo: Photo | None, ref: str, version: int, notices: list[str]
    ) -> Draft:
        """A draft of a version opened from the register (its photo already taken out)."""
        draft = cls.from_case(case, photo)
        draft.notices = list(notices)
        draft.ref, draft.version, draft.saved = ref, version, digest(case, photo)
        return draft


@dataclass(frozen=True)
class Note:
    """A schema problem or a finding, as shown next to its input."""

    severity: str  # "error" or "warning"
    message: str
    article: str | None
    code: str
    path: str
    slot: str


@dataclass(frozen=True)
class FormView:
    id: str
    title: str
    annex: str | None
    called_for: bool
    errors: int | None  # None while the case does not match the schema


@dataclass(frozen=True)
class DueView:
    due: rf.DueDate
    text: rf.DeadlineText
    day: str  # the due date in the clerk's language
    start_slot: str


@dataclass
class Checked:
    """Everything the page shows about a draft."""

    draft: Draft
    sections: list[Section]
    case: rf.Case | None
    notes: list[Note]
    forms: list[FormView]
    deadlines: list[DueView]
    today: dt.date

    @property
    def unsaved(self) -> bool | None:
        """None for a case not in the register; else whether the page differs from the
        version it was opened at."""
        if self.draft.ref is None:
            return None
        return self.case is None or digest(self.case, self.draft.photo) != self.draft.saved

    def notes_at(self, path_slot: str) -> list[Note]:
        return [note for note in self.notes if note.slot == path_slot]

    @property
    def errors(self) -> int:
        return sum(1 for note in self.notes if note.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for note in self.notes if note.severity == "warning")

    @property
    def slots(self) -> list[str]:
        return ["case", *(item.id for section in self.sections for item in section.walk())]


def _slot_for(path: str, known: set[str]) -> str:
    """The input a field path belongs to: itself, else the nearest enclosing one."""
    parts = tokens(path.split("|")[0])
    while parts:
        candidate = ""
        for part in parts:
            candidate = join(candidate, part)
        if slot_id(candidate) in known:
            return slot_id(candidate)
        parts = parts[:-1]
    return "case"


def forms_called_for(data: Mapping[str, Any]) -> tuple[str, ...]:
    """The forms a case of this shape is sent with, even before it is complete.

    Which forms a case calls for depends only on the parts it has (a transit, an
    interview, a statement, a transfer), so the library is asked about a case
    built without checks from just those parts (each part only marked present).
    """
    try:
        agreement = rf.get_agreement(str(data.get("agreement", "")))
    except rf.UnknownAgreementError:
        return ()
    probe: dict[str, Any] = {
        key: True
        for key in ("transit", "interview", "statement", "handover")
        if isinstance(data.get(key), Mapping)
    }
    probe["agreement"] = agreement.id
    return rf.applicable_forms(rf.Case.model_construct(**probe))


def _problem(problem: Any, lang: rf.Lang) -> str:
    """A schema problem in the clerk's language where the workbench has words for its kind."""
    words = messages(lang).get(f"schema.{problem.kind}")
    return words if words is not None else str(problem.message)


def _date(day: dt.date | None, lang: rf.Lang) -> str:
    return format_date(day, format="medium", locale=lang.babel_locale) if day else "—"


def examine(draft: Draft, lang: rf.Lang, today: dt.date) -> Checked:
    """Check ``draft`` with the library: schema, findings per form, deadlines."""
    sections = editor(draft.data)
    known = {"case", *(item.id for section in sections for item in section.walk())}
    notes: list[Note] = []
    case: rf.Case | None = None
    agreement = draft.agreement
    errors_by_form: dict[str, int] = {}
    deadlines: list[DueView] = []
    try:
        case = rf.load_case(case_data(draft.data))
    except rf.CaseSchemaError as exc:
        notes = [
            Note("error", _problem(p, lang), None, "case-schema", p.path, _slot_for(p.path, known))
            for p in exc.problems
        ]
    if case is not None and agreement is not None:
        with photo_on_disk(case, draft.photo) as with_photo:
            findings = rf.validate(with_photo)
            for form in agreement.form_ids:
                errors_by_form[form] = sum(1 for f in rf.validate(with_photo, form) if f.is_error)
        notes = [
            Note(
                f.severity.value,
                f.message(lang),
                f.articles.get(lang) or f.article,
                f.code,
                f.path,
                _slot_for(f.path, known),
            )
            for f in findings
        ]
        schedule = rf.deadlines(case, today=today)
        deadlines = [
            DueView(
                due,
                rf.describe_deadline(due, lang),
                _date(due.due, lang),
                _slot_for(due.start_field, known),
            )
            for due in schedule.items
        ]
    called = forms_called_for(draft.data)
    forms = [
        FormView(
            form.id,
            form.title[lang],
            form.annex.value if form.annex.stated else None,
            form.id in called,
            errors_by_form.get(form.id) if case is not None else None,
        )
        for form in (agreement.forms if agreement else ())
    ]
    forms.sort(key=lambda f: not f.called_for)
    return Checked(draft, sections, case, notes, forms, deadlines, today)
