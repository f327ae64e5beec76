"""The proof's own words, in the proof's language (``templates/<lang>/proof.yaml``)."""

from __future__ import annotations

from collections.abc import Sequence

from .._lang import Lang
from .._templates import texts

__all__ = ["Words", "codes"]


class Words:
    """The proof's own words, in the proof's language."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.texts = texts(lang)

    def __call__(self, which: str, **params: object) -> str:
        return self.texts.format(f"proof.{which}", **params)

    def language(self, code: str, form: str = "name") -> str:
        key = f"common.language.{code}.{form}"
        return self.texts[key] if key in self.texts else code  # noqa: SIM401 - TemplateError

    def quote(self, text: str) -> str:
        return self("quote", text=text.replace("\n", " / "))


def codes(langs: Sequence[Lang]) -> str:
    """Language codes, as a flag lists them: "kk, ru"."""
    return ", ".join(lang.value for lang in langs)
