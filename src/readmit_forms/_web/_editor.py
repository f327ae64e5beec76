"""The editor page: the case's inputs, its findings, forms, deadlines and, for a saved
case, what the register holds about it. Drawn the same after every post."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData

import readmit_forms as rf

from ._casework import Serial
from ._config import WebConfig
from ._posted import clerk, lang_choice
from ._store import CaseStore, RegisterView
from ._templates import page
from ._workbench import Checked, Draft, examine

__all__ = ["Conflict", "Editor"]


@dataclass(frozen=True)
class Conflict:
    """Another clerk saved the case after the version this page was opened at."""

    based_on: int
    current: int
    saved: list[rf.SavedVersion]  # the versions saved since: who, when, what changed


def people(data: Mapping[str, Any]) -> list[str]:
    """Whose documents a case can list: the person, the spouse, each child."""
    found = ["person"]
    if isinstance(data.get("spouse"), dict):
        found.append("spouse")
    children = data.get("children")
    if isinstance(children, list):
        found += [f"children[{index}]" for index in range(len(children))]
    return found


class Editor:
    def __init__(self, config: WebConfig, work: Serial, store: CaseStore) -> None:
        self.config = config
        self.work = work
        self.store = store

    async def check(self, draft: Draft, ui: rf.Lang) -> Checked:
        return await self.work(examine, draft, ui, self.config.today())

    async def view(self, ref: str | None) -> tuple[RegisterView | None, str | None]:
        """What the register holds about case ``ref``, or why it cannot say."""
        if ref is None:
            return None, None
        try:
            return await self.work(self.store.view, ref), None
        except rf.RegisterError as exc:
            return None, str(exc)

    async def page(
        self,
        request: Request,
        ui: rf.Lang,
        checked: Checked,
        *,
        photo_problem: str | None = None,
        banner: str | None = None,
        notice: str | None = None,
        status: int = 200,
        form: FormData | None = None,
        conflict: Conflict | None = None,
    ) -> HTMLResponse:
        draft = checked.draft
        view, register_problem = await self.view(draft.ref)
        chosen = form.get("_lang") if form is not None else None
        key = self.config.key
        return page(
            request,
            "editor.html",
            ui,
            status=status,
            checked=checked,
            draft=draft,
            agreement=draft.agreement,
            photo=draft.photo,
            photo_seal=draft.photo.seal(self.config.secret) if draft.photo else "",
            photo_problem=photo_problem,
            banner=banner,
            notice=notice,
            conflict=conflict,
            view=view,
            register_problem=register_problem,
            clerk=clerk(request, self.config, form),
            signer=key.name if key is not None else None,
            output_lang=lang_choice(chosen, draft.agreement, ui),
            draft_mark=form is not None and form.get("_draft") == "on",
            people=people(draft.data),
        )
