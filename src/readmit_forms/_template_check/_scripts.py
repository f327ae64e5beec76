"""Scripts: look-alike letters, Latin fragments in Kazakh and Russian, Cyrillic in English;
and the accept list of what is legitimately flagged (``data/template_check.yaml``)."""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .._lang import LANGS, Lang
from .._templates import PLACEHOLDER
from .._yaml import load_data
from ._problems import TemplateProblem

__all__ = ["allowed", "script_problems", "words"]

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Allowed:
    identical_keys: tuple[str, ...]
    identical_texts: tuple[tuple[str, frozenset[str]], ...]
    latin_words: frozenset[str]

    def identical(self, key: str, text: str, langs: Iterable[str]) -> bool:
        if any(fnmatch.fnmatchcase(key, pattern) for pattern in self.identical_keys):
            return True
        pair = set(langs)
        return any(text == allowed and pair <= among for allowed, among in self.identical_texts)


@cache
def allowed() -> _Allowed:
    data_file = resources.files("readmit_forms") / "data" / "template_check.yaml"
    data = load_data(data_file.read_text("utf-8")) or {}
    keys: list[str] = []
    texts: list[tuple[str, frozenset[str]]] = []
    for entry in data.get("identical", ()):
        if "keys" in entry:
            keys.append(str(entry["keys"]))
        if "text" in entry:
            langs = frozenset(entry.get("langs") or (lang.value for lang in LANGS))
            texts.append((str(entry["text"]), langs))
    words = frozenset(
        str(word) for entry in data.get("latin_words", ()) for word in entry.get("words", ())
    )
    return _Allowed(tuple(keys), tuple(texts), words)


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


_DOMAIN = re.compile(r"\b(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}\b(?:/\S*)?")
"""A web address or a site's name ("Zakon.kz"): Latin in any language, never a stray fragment."""


def words(text: str) -> list[str]:
    return _WORD.findall(_DOMAIN.sub(" ", PLACEHOLDER.sub(" ", text)))


def _runs(word: str, script: str) -> list[str]:
    """The maximal runs of ``script`` letters in ``word``."""
    runs: list[str] = []
    current = ""
    for char in word:
        if _script(char) == script:
            current += char
        elif current:
            runs.append(current)
            current = ""
    if current:
        runs.append(current)
    return runs


def script_problems(key: str, lang: Lang, text: str) -> Iterator[TemplateProblem]:
    accepted = allowed()
    found = words(text)
    if lang is Lang.EN:
        for word in found:
            if any(_script(char) == "cyrillic" for char in word):
                yield TemplateProblem(
                    "cyrillic-in-english",
                    key,
                    lang.value,
                    f"Cyrillic letters in the English word {word!r}",
                    word,
                )
        return
    cyrillic_text = any(_script(char) == "cyrillic" for word in found for char in word)
    for word in found:
        scripts = {_script(char) for char in word}
        if {"cyrillic", "latin"} <= scripts:
            latin = _runs(word, "latin")
            glued = [
                run
                for run in latin
                if len(run) > 1 and (word.startswith(run) or word.endswith(run))
            ]
            if glued:
                yield TemplateProblem(
                    "foreign-fragment",
                    key,
                    lang.value,
                    f"Latin fragment {glued[0]!r} glued to a Cyrillic word: {word!r}",
                    word,
                )
            else:
                yield TemplateProblem(
                    "mixed-script",
                    key,
                    lang.value,
                    f"Latin {', '.join(repr(r) for r in latin)} inside the Cyrillic word {word!r}"
                    " (a look-alike letter?)",
                    word,
                )
        elif scripts == {"latin"} and cyrillic_text and word not in accepted.latin_words:
            yield TemplateProblem(
                "foreign-fragment",
                key,
                lang.value,
                f"Latin word {word!r} in a {lang.value} text",
                word,
            )
