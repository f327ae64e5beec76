"""``check-templates``: prove that a templates folder is complete and clean in kk, ru and en.

Works on any folder laid out like the bundled ``templates/`` (``kk/``, ``ru/``,
``en/``, each with the same ``*.yaml`` files), so translators can check a copy
before their edits land. The rules:

``missing`` / ``extra``
    a language lacks an id that another has, or has one that the others lack;
``placeholders``
    the ``{placeholders}`` of an id differ between languages (or a brace is stray,
    or a ``{name:form}`` asks for a grammatical form the language does not have);
``mixed-script``
    a Kazakh or Russian word mixes Cyrillic and Latin letters (a look-alike
    letter such as Latin "E" in "ДЕРБEС");
``foreign-fragment``
    a Kazakh or Russian text holds a Latin fragment: glued to a Cyrillic word
    ("сопровождениемleitet", the model case of source 003) or standing alone;
``cyrillic-in-english``
    an English text has Cyrillic letters;
``empty``
    a text is empty where another language has one (a text empty in every
    language is deliberate, e.g. a section without a letter);
``identical``
    a text is the same as another language's text although it should be
    translated.

Each language must follow its official text, so the bundled templates keep some
artefacts of the official texts (the lost letter of KZ–AT Annex 7 section B in
Kazakh, "сопровождениемleitet*" in Annex 8). Such an artefact is recorded as a
divergence in ``agreements/<agreement>.yaml`` with its ``template_key``: a defect
of that key in a language the divergence quotes (and, for a script defect, with
the offending word in the quoted wording) is *known*, reported for information,
and does not fail the check. Anything else legitimately flagged (section
letters, "Фото" in kk and ru) is listed in ``data/template_check.yaml``.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from ._agreements import Divergence, agreement_ids, get_agreement
from ._errors import TemplateError
from ._lang import LANGS, Lang
from ._templates import INFLECTIONS, PLACEHOLDER, bundled_templates, load_texts

__all__ = [
    "KINDS",
    "TemplateProblem",
    "TemplateReport",
    "check_templates",
    "divergence_for",
    "divergences_at",
]

KINDS: tuple[str, ...] = (
    "unreadable",
    "missing",
    "extra",
    "placeholders",
    "mixed-script",
    "foreign-fragment",
    "cyrillic-in-english",
    "empty",
    "identical",
)
"""Every kind of problem, in the order they are reported."""

_TEXT_KINDS = frozenset(
    {"mixed-script", "foreign-fragment", "cyrillic-in-english", "empty", "identical"}
)
"""Problems of wording, which a recorded divergence of the official text may account for."""

_WORD = re.compile(r"[^\W\d_]+")
_BRACE = re.compile(r"[{}]")


@dataclass(frozen=True)
class TemplateProblem:
    """One problem of one template id in one language (or in the folder)."""

    kind: str
    key: str
    lang: str | None
    message: str
    fragment: str | None = None
    divergence: str | None = None
    """The recorded divergence of the official text that accounts for it, if any."""

    @property
    def known(self) -> bool:
        return self.divergence is not None

    def line(self) -> str:
        where = f"{self.lang}  " if self.lang else ""
        known = (
            f" — recorded divergence {self.divergence} of the official text"
            if self.divergence
            else ""
        )
        return f"{where}{self.key}: {self.kind}: {self.message}{known}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "lang": self.lang,
            "message": self.message,
            "fragment": self.fragment,
            "divergence": self.divergence,
        }


@dataclass(frozen=True)
class TemplateReport:
    """The outcome: problems (fail), known divergences and notes (information)."""

    folder: str
    ids: dict[str, int]
    problems: tuple[TemplateProblem, ...]
    known: tuple[TemplateProblem, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unreadable(self) -> bool:
        return any(p.kind == "unreadable" for p in self.problems)

    def kinds(self) -> set[str]:
        return {p.kind for p in self.problems}

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "ok": self.ok,
            "ids": self.ids,
            "problems": [p.to_dict() for p in self.problems],
            "known": [p.to_dict() for p in self.known],
            "notes": list(self.notes),
        }


# -- the accept list -------------------------------------------------------------------------


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
def _allowed() -> _Allowed:
    data_file = resources.files("readmit_forms") / "data" / "template_check.yaml"
    data = yaml.safe_load(data_file.read_text("utf-8")) or {}
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


# -- scripts ---------------------------------------------------------------------------------


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin"
    return "other"


_DOMAIN = re.compile(r"\b(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}\b(?:/\S*)?")
"""A web address or a site's name ("Zakon.kz"): Latin in any language, never a stray fragment."""


def _words(text: str) -> list[str]:
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


def _script_problems(key: str, lang: Lang, text: str) -> Iterator[TemplateProblem]:
    allowed = _allowed()
    words = _words(text)
    if lang is Lang.EN:
        for word in words:
            if any(_script(char) == "cyrillic" for char in word):
                yield TemplateProblem(
                    "cyrillic-in-english",
                    key,
                    lang.value,
                    f"Cyrillic letters in the English word {word!r}",
                    word,
                )
        return
    cyrillic_text = any(_script(char) == "cyrillic" for word in words for char in word)
    for word in words:
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
        elif scripts == {"latin"} and cyrillic_text and word not in allowed.latin_words:
            yield TemplateProblem(
                "foreign-fragment",
                key,
                lang.value,
                f"Latin word {word!r} in a {lang.value} text",
                word,
            )


# -- recorded divergences --------------------------------------------------------------------


def _related(template_key: str, key: str) -> bool:
    """The divergence's key and the template id name the same text, or one contains the other."""
    return (
        key == template_key
        or key.startswith(template_key + ".")
        or (template_key.startswith(key + "."))
    )


def _divergences(key: str) -> list[tuple[str, Divergence]]:
    """Recorded divergences of the agreement ``key`` belongs to, with their full template ids."""
    agreement_id = key.split(".", 1)[0]
    if agreement_id not in agreement_ids():
        return []
    return [
        (f"{agreement_id}.{d.template_key}", d)
        for d in get_agreement(agreement_id).divergences
        if d.template_key
    ]


def divergences_at(key: str) -> list[Divergence]:
    """The recorded divergences that show at the template id ``key`` (e.g. a section letter)."""
    return [d for full_key, d in _divergences(key) if _related(full_key, key)]


def _quotes(version: str, fragment: str) -> bool:
    """``fragment`` stands in ``version`` as a whole word (or words)."""
    return re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", version) is not None


def divergence_for(problem: TemplateProblem) -> Divergence | None:
    """The recorded divergence of the official text that accounts for ``problem``, if any.

    The divergence must be at the same template id, and its quoted wording must
    bear the defect out: the offending word is in the problem language's version
    (a script defect, an identical text); for an empty text, that version is
    empty or lacks what the other languages have (the lost letter of section B).
    An empty text in a language the divergence does not quote (the project's
    English for KZ–AT) is accounted for where an official version is recorded as
    empty: the official text has nothing there, and this language follows it.
    """
    if problem.kind not in _TEXT_KINDS or problem.lang is None:
        return None
    for full_key, divergence in _divergences(problem.key):
        if not _related(full_key, problem.key):
            continue
        version = divergence.versions.get(problem.lang)
        if problem.kind == "empty":
            if version is None:
                if "" in divergence.versions.values():
                    return divergence
                continue
            if version == "" or not _quotes(version, problem.fragment or ""):
                return divergence
            continue
        if version is None:
            continue
        if problem.fragment is not None and not _quotes(version, problem.fragment):
            continue
        return divergence
    return None


# -- the check -------------------------------------------------------------------------------


def _read(folder: Path | Traversable) -> tuple[dict[str, dict[str, str]], list[TemplateProblem]]:
    found: dict[str, dict[str, str]] = {}
    problems: list[TemplateProblem] = []
    for lang in LANGS:
        try:
            found[lang.value] = dict(load_texts(folder, lang))
        except TemplateError as exc:
            problems.append(TemplateProblem("unreadable", exc.template, lang.value, exc.reason))
    return found, problems


def _placeholders(text: str) -> tuple[set[str], bool]:
    names = {match.group(1) for match in PLACEHOLDER.finditer(text)}
    stray = bool(_BRACE.search(PLACEHOLDER.sub("", text)))
    return names, stray


def _empty_problems(key: str, values: dict[str, str]) -> Iterator[TemplateProblem]:
    """Empty texts where another language has one (empty in every language is deliberate:
    a section without a letter)."""
    worded = [code for code, text in values.items() if text.strip()]
    if not worded:
        return
    for code, text in values.items():
        if not text.strip():
            yield TemplateProblem(
                "empty",
                key,
                code,
                f"the text is empty ({', '.join(worded)} have one)",
                values[worded[0]].strip(),
            )


def _check(texts: dict[str, dict[str, str]]) -> Iterator[TemplateProblem]:
    langs = [lang for lang in LANGS if lang.value in texts]
    every = sorted(set().union(*(texts[lang.value] for lang in langs))) if langs else []
    allowed = _allowed()
    for key in every:
        have = [lang for lang in langs if key in texts[lang.value]]
        lack = [lang for lang in langs if key not in texts[lang.value]]
        if lack and len(have) == 1 and len(langs) > 2:
            others = ", ".join(lang.value for lang in lack)
            yield TemplateProblem(
                "extra", key, have[0].value, f"only {have[0].value} has this id ({others} do not)"
            )
        else:
            for lang in lack:
                yield TemplateProblem(
                    "missing",
                    key,
                    lang.value,
                    f"{lang.value} lacks this id ({', '.join(h.value for h in have)} have it)",
                )
        values = {lang.value: texts[lang.value][key] for lang in have}
        # placeholders: a language whose set differs from the others' (the majority's)
        seen = {code: _placeholders(text) for code, text in values.items()}
        for code, (_names, stray) in seen.items():
            if stray:
                yield TemplateProblem("placeholders", key, code, f"stray brace in {values[code]!r}")
            for match in PLACEHOLDER.finditer(values[code]):
                form = match.group(2)
                if form is not None and Lang(code) not in INFLECTIONS.get(form, {}):
                    yield TemplateProblem(
                        "placeholders", key, code, f"no {form!r} form of a value in {code}"
                    )
        sets = Counter(frozenset(names) for names, _stray in seen.values())
        if len(sets) > 1:
            described = "; ".join(
                f"{code}: {', '.join('{' + n + '}' for n in sorted(names)) or 'none'}"
                for code, (names, _stray) in seen.items()
            )
            ((usual, count),) = sets.most_common(1)
            majority = usual if count > len(seen) / 2 else None
            for code, (names, _stray) in seen.items():
                if frozenset(names) != majority:
                    yield TemplateProblem(
                        "placeholders", key, code, f"placeholders differ ({described})"
                    )
        # wording
        yield from _empty_problems(key, values)
        for lang_code, text in values.items():
            if text.strip():
                yield from _script_problems(key, Lang(lang_code), text)
        for (a, text_a), (b, text_b) in combinations(values.items(), 2):
            same = text_a.strip()
            if same and same == text_b.strip() and _words(same):
                if allowed.identical(key, same, (a, b)):
                    continue
                # pairs come as (kk, ru), (kk, en), (ru, en): the first was copied, likely
                yield TemplateProblem(
                    "identical",
                    key,
                    a,
                    f"the same as the {b} text {same!r}; translate it (or list it in "
                    "data/template_check.yaml if it is meant to be the same)",
                    same,
                )


def _unplaced(keys: set[str]) -> Iterator[str]:
    """Recorded divergences whose template id is not in the folder (informational)."""
    prefixes = {key.split(".", 1)[0] for key in keys}
    for agreement_id in agreement_ids():
        if agreement_id not in prefixes:
            continue
        for divergence in get_agreement(agreement_id).divergences:
            if not divergence.template_key:
                continue
            full = f"{agreement_id}.{divergence.template_key}"
            if not any(_related(full, key) for key in keys):
                yield (
                    f"divergence {divergence.id}: its template id {full} is not in this "
                    "folder (the form is not built yet?)"
                )


def check_templates(folder: Path | Traversable | str | None = None) -> TemplateReport:
    """Check a templates folder (default: the bundled one) and return every problem at once."""
    if folder is None:
        root: Path | Traversable = bundled_templates()
    else:
        root = Path(folder) if isinstance(folder, str) else folder
    texts, problems = _read(root)
    known: list[TemplateProblem] = []
    for problem in _check(texts):
        divergence = divergence_for(problem)
        if divergence is None:
            problems.append(problem)
        else:
            known.append(dataclasses.replace(problem, divergence=divergence.id))
    order = {kind: index for index, kind in enumerate(KINDS)}

    def sort_key(p: TemplateProblem) -> tuple[int, str, str]:
        return (order.get(p.kind, len(order)), p.key, p.lang or "")

    keys = set().union(*texts.values()) if texts else set()
    return TemplateReport(
        folder=str(root),
        ids={lang: len(entries) for lang, entries in texts.items()},
        problems=tuple(sorted(problems, key=sort_key)),
        known=tuple(sorted(known, key=sort_key)),
        notes=tuple(_unplaced(keys)),
    )
