"""The three languages the forms are rendered in, parsed once at the edge."""

from __future__ import annotations

from enum import StrEnum

from ._errors import UnknownLanguageError

__all__ = ["LANGS", "Lang", "parse_lang"]


class Lang(StrEnum):
    """A language of the rendered documents (ISO 639-1 code)."""

    KK = "kk"
    RU = "ru"
    EN = "en"

    @property
    def babel_locale(self) -> str:
        """The CLDR locale used for dates and names.

        English uses the British locale: treaty English writes "21 March 2026".
        """
        return "en_GB" if self is Lang.EN else self.value

    @classmethod
    def parse(cls, value: str | Lang) -> Lang:
        """The `Lang` for ``value`` ("kk", "ru" or "en", any case), or raise
        `UnknownLanguageError`; a `Lang` passes through."""
        if isinstance(value, Lang):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise UnknownLanguageError(value, [lang.value for lang in cls]) from None


LANGS: tuple[Lang, ...] = (Lang.KK, Lang.RU, Lang.EN)

parse_lang = Lang.parse
