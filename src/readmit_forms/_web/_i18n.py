"""The workbench's own words, in kk, ru and en: ``messages/<lang>.yaml`` (package data).

Every word a page shows comes from these files, keyed alike in the three languages
(a test checks that they have the same keys). Texts of the forms, findings and
deadlines come from the library, in the same language.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import readmit_forms as rf
from readmit_forms._yaml import load_data

__all__ = ["UI_LANGS", "Messages", "messages", "pick_ui_lang"]

UI_LANGS: tuple[rf.Lang, ...] = (rf.Lang.KK, rf.Lang.RU, rf.Lang.EN)


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


class Messages:
    """The words of one language; ``m("key", n=1)`` is the text, filled in."""

    def __init__(self, lang: rf.Lang, texts: Mapping[str, str]) -> None:
        self.lang = lang
        self.texts = texts

    def __call__(self, key: str, **params: Any) -> str:
        text = self.texts.get(key)
        if text is None:
            raise KeyError(f"no UI text {key!r} in {self.lang.value}")
        return text.format(**params) if params else text

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.texts.get(key, default)

    def has(self, key: str) -> bool:
        return key in self.texts


@cache
def messages(lang: rf.Lang) -> Messages:
    entry = resources.files("readmit_forms._web") / "messages" / f"{lang.value}.yaml"
    data = load_data(entry.read_text("utf-8"))
    return Messages(lang, _flatten(data))


def pick_ui_lang(asked: str | None, cookie: str | None, accept: str | None) -> rf.Lang:
    """The interface language: asked in the URL, else remembered, else the browser's, else en."""
    for value in (asked, cookie):
        if value and value.strip().lower() in {lang.value for lang in UI_LANGS}:
            return rf.Lang(value.strip().lower())
    for part in (accept or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in {lang.value for lang in UI_LANGS}:
            return rf.Lang(code)
    return rf.Lang.EN
