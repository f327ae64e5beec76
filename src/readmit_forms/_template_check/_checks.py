"""The checks across languages: ids, placeholders, empty and identical texts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from importlib.abc import Traversable
from itertools import combinations
from pathlib import Path

from .._errors import TemplateError
from .._lang import LANGS, Lang
from .._templates import INFLECTIONS, PLACEHOLDER, load_texts
from ._problems import TemplateProblem
from ._scripts import allowed, script_problems, words

__all__ = ["check", "read"]

_BRACE = re.compile(r"[{}]")


def read(folder: Path | Traversable) -> tuple[dict[str, dict[str, str]], list[TemplateProblem]]:
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


def check(texts: dict[str, dict[str, str]]) -> Iterator[TemplateProblem]:
    langs = [lang for lang in LANGS if lang.value in texts]
    every = sorted(set().union(*(texts[lang.value] for lang in langs))) if langs else []
    accepted = allowed()
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
                yield from script_problems(key, Lang(lang_code), text)
        for (a, text_a), (b, text_b) in combinations(values.items(), 2):
            same = text_a.strip()
            if same and same == text_b.strip() and words(same):
                if accepted.identical(key, same, (a, b)):
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
