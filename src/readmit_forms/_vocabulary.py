"""Country, language and other names in kk, ru and en, from CLDR (Babel)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

import babel
from babel import Locale

from ._cache import cached
from ._lang import Lang, parse_lang

__all__ = [
    "NATIONALITY_WORDS",
    "country_name",
    "country_names",
    "is_country",
    "is_language",
    "language_name",
    "language_names",
    "locale",
    "nationality_name",
]

# CLDR territory codes that are not countries of ISO 3166-1.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"})
_ALPHA2 = re.compile(r"[A-Z]{2}")
_LANGUAGE = re.compile(r"[a-z]{2,3}")


@cache
def locale(lang: Lang) -> Locale:
    """The CLDR locale of ``lang`` (parsed once)."""
    return Locale.parse(lang.babel_locale)


@cache
def _countries() -> frozenset[str]:
    return cached("countries", babel.__version__, _cldr_countries)


def _cldr_countries(version: str) -> frozenset[str]:
    codes = (str(c) for c in Locale.parse("en").territories)
    return frozenset(c for c in codes if _ALPHA2.fullmatch(c) and c not in _NOT_COUNTRIES)


@cache
def _languages() -> frozenset[str]:
    return cached("languages", babel.__version__, _cldr_languages)


def _cldr_languages(version: str) -> frozenset[str]:
    codes = (str(c) for c in Locale.parse("en").languages)
    return frozenset(c for c in codes if _LANGUAGE.fullmatch(c))


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code that CLDR names (e.g. "KZ")."""
    return code in _countries()


def is_language(code: str) -> bool:
    """True for an ISO 639 code that CLDR names (e.g. "kk", "uz", "ckb")."""
    return code in _languages()


def country_name(code: str, lang: Lang) -> str:
    """The CLDR name of country ``code`` in ``lang`` (e.g. "Аустрия" in Kazakh)."""
    return str(locale(lang).territories.get(code, code))


def language_name(code: str, lang: Lang) -> str:
    """The CLDR name of language ``code`` in ``lang`` (e.g. "қазақ тілі")."""
    return str(locale(lang).languages.get(code, code))


NATIONALITY_WORDS = ("stateless", "unknown")
"""What a nationality may be besides a country code."""


def nationality_name(code: str, lang: Lang, texts: Mapping[str, str]) -> str:
    """A nationality in ``lang``: its country's name, or "stateless" / "unknown" in the
    words of ``texts`` (``common.values.nationality.*``)."""
    if code in NATIONALITY_WORDS:
        return texts[f"common.values.nationality.{code}"]
    return country_name(code, lang)


def country_names(lang: Lang | str) -> dict[str, str]:
    """Every country code a case accepts, with its CLDR name in ``lang``, sorted by code."""
    language = parse_lang(lang)
    return {code: country_name(code, language) for code in sorted(_countries())}


def language_names(lang: Lang | str) -> dict[str, str]:
    """Every language code a case accepts, with its CLDR name in ``lang``, sorted by code."""
    language = parse_lang(lang)
    return {code: language_name(code, language) for code in sorted(_languages())}
