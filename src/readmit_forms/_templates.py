"""Every word a reader sees, per language, from ``templates/<lang>/*.yaml``.

Each YAML file holds nested mappings of texts; the file name is the first part
of the key (``kz-at.yaml`` → ``kz-at.annex-7.A.1``). All three languages use the
same keys; ``check-templates`` proves it. A text may contain placeholders such
as ``{page}``, filled by `Texts.format` in one pass, so a value that contains
braces is never read as a placeholder.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Literal

import yaml

from . import _kazakh as kazakh
from ._errors import TemplateError
from ._lang import Lang
from ._packs import per_packs, template_files
from ._yaml import load_data

__all__ = ["PLACEHOLDER", "Texts", "bundled_templates", "load_texts", "texts"]

PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([a-z]+))?\}")
"""``{name}``, or ``{name:inflection}`` for a value the language must inflect (see INFLECTIONS)."""

INFLECTIONS: dict[str, dict[Lang, Callable[[str], str]]] = {
    "dative": {Lang.KK: kazakh.dative},  # kk: "{date:dative} дейін" — "қыркүйекке дейін"
}
"""Grammatical forms a text may ask of a value, per language."""


Missing = Literal["raise", "record"]


class Texts(Mapping[str, str]):
    """The texts of one language, by key.

    A file is read when a key of it is first asked for (the file name is the key's
    first part), so a KZ–AT form never reads the KZ–BY texts. Iterating reads all.

    ``missing`` says what a key without a text gives: ``"raise"`` (`TemplateError`,
    the default) or ``"record"`` ("", and the key is noted in `missing_keys` — for
    the translators' proof of a copy of the templates that may be incomplete).
    """

    def __init__(
        self, lang: Lang, folder: Traversable, origin: str, *, missing: Missing = "raise"
    ) -> None:
        self.lang = lang
        self.origin = origin
        self.missing = missing
        self.missing_keys: set[str] = set()
        sub = folder / lang.value
        if not sub.is_dir():
            raise TemplateError(str(folder), f"no folder for language {lang.value}")
        self._files = {
            **template_files(lang.value),  # the packs' agreements (a folder's own win)
            **{
                entry.name.removesuffix(".yaml"): entry
                for entry in sorted(sub.iterdir(), key=lambda e: e.name)
                if entry.name.endswith(".yaml")
            },
        }
        self._where = f"{folder}/{lang.value}"
        self._entries: dict[str, str] = {}
        self._read: set[str] = set()
        self._lock = threading.Lock()

    def _file(self, stem: str) -> None:
        if stem in self._read or stem not in self._files:
            return
        with self._lock:  # threads of a web server share the texts: read each file once
            if stem in self._read:
                return
            where = str(self._files[stem])
            try:
                data = load_data(self._files[stem].read_text("utf-8"))
            except yaml.YAMLError as exc:
                raise TemplateError(where, f"not valid YAML: {exc}") from None
            if data is not None:
                _flatten(stem, data, self._entries, where)
            self._read.add(stem)

    def _all(self) -> dict[str, str]:
        for stem in self._files:
            self._file(stem)
        return self._entries

    def __getitem__(self, key: str) -> str:
        self._file(key.partition(".")[0])
        try:
            return self._entries[key]
        except KeyError:
            if self.missing == "record":
                self.missing_keys.add(key)
                return ""
            raise TemplateError(
                f"{self.origin}/{self.lang}", f"no text for {key!r} in language {self.lang}"
            ) from None

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        self._file(key.partition(".")[0])
        return key in self._entries  # not via __getitem__, which raises TemplateError

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def format(self, key: str, **params: object) -> str:
        """The text ``key`` with its ``{placeholders}`` replaced, in a single pass."""
        template = self[key]

        def fill(match: re.Match[str]) -> str:
            name, inflection = match.group(1), match.group(2)
            if name not in params:
                raise TemplateError(
                    f"{self.origin}/{self.lang}", f"{key!r} uses {{{name}}}, which is not given"
                )
            value = str(params[name])
            if inflection is None:
                return value
            inflect = INFLECTIONS.get(inflection, {}).get(self.lang)
            if inflect is None:
                raise TemplateError(
                    f"{self.origin}/{self.lang}",
                    f"{key!r}: no {inflection!r} form of a value in language {self.lang}",
                )
            return inflect(value)

        return PLACEHOLDER.sub(fill, template)


def _flatten(prefix: str, data: Any, into: dict[str, str], where: str) -> None:
    if isinstance(data, Mapping):
        for key, value in data.items():
            _flatten(f"{prefix}.{key}", value, into, where)
    elif isinstance(data, str):
        into[prefix] = data
    elif isinstance(data, int) and not isinstance(data, bool):
        into[prefix] = str(data)
    else:
        raise TemplateError(where, f"{prefix}: expected text, got {type(data).__name__}")


def bundled_templates() -> Traversable:
    """The templates folder inside the installed package."""
    return resources.files("readmit_forms") / "templates"


@per_packs
def texts(lang: Lang) -> Texts:
    """The bundled texts of ``lang``, with the packs' (read once per process)."""
    return Texts(lang, bundled_templates(), "templates")


def load_texts(
    folder: Path | Traversable | None, lang: Lang, *, missing: Missing = "raise"
) -> Texts:
    """The texts of ``lang`` from another templates folder (a translator's copy), or a
    fresh copy of the bundled ones for None; see `Texts` for ``missing``."""
    if folder is None:
        return Texts(lang, bundled_templates(), "templates", missing=missing)
    return Texts(lang, folder, str(folder), missing=missing)
