"""The checks of one row of the proof: texts missing or differing, values that must read the
same in every language, free text without a version, recorded divergences."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from .._agreements import Agreement, Divergence, divergence_for, divergences_at, sources_in
from .._citations import cite
from .._format import format_date, format_datetime, format_time
from .._lang import LANGS, Lang
from .._templates import Texts
from .._text import pick
from .._values import DATE, NAME, NUMBER, TEXT, TIME, fallback_langs
from ._words import Words, codes
from .align import Row

__all__ = ["check_row", "prevails"]


def check_row(
    row: Row, words: Mapping[Lang, Texts], agreement: Agreement, say: Words
) -> list[Divergence]:
    """Flag ``row``; the recorded divergences that show at it."""
    absent = [lang for lang in LANGS if lang not in row.present]
    if absent:
        row.flags.append(
            ("missing", say("flag.missing_value", langs=codes(absent), others=codes(row.present)))
        )
    _check_texts(row, words, say)
    _check_wording(row, words, say)
    _check_values(row, agreement, say)
    shown = [divergence for key in row.keys for divergence in divergences_at(key)]
    for divergence in shown:
        row.flags.append(("divergence", _divergence_note(divergence, agreement, say)))
    return shown


def _check_texts(row: Row, words: Mapping[Lang, Texts], say: Words) -> None:
    for key in row.keys:
        have = [lang for lang in LANGS if words[lang][key].strip()]
        for lang in LANGS:
            if key in words[lang].missing_keys:
                row.flags.append(("missing", say("flag.no_text", lang=lang.value, text_id=key)))
        lack = [lang for lang in LANGS if lang not in have and key not in words[lang].missing_keys]
        if have and lack:
            # an official text that lacks it (a recorded divergence) is not for the translator
            # to fix: the row is marked as a divergence, and the note says both
            official = all(
                divergence_for(key, lang.value, words[have[0]][key].strip(), empty=True)
                for lang in lack
            )
            row.flags.append(
                (
                    "divergence" if official else "missing",
                    say("flag.missing_text", langs=codes(lack), text_id=key, others=codes(have)),
                )
            )


_ENUMERATOR = re.compile(r"(?:(?<=\s)|^)(?:\d{1,3}|[^\W\d_])\)")
"""A list marker such as "5)" or "а)" (подпункт 5) статьи 7): a parenthesis with no pair."""


def _balanced(text: str) -> bool:
    text = _ENUMERATOR.sub("", text)
    return text.count("(") == text.count(")")


def _check_wording(row: Row, words: Mapping[Lang, Texts], say: Words) -> None:
    """Divergences nobody recorded yet: numbers or brackets that differ between the versions."""
    for key in row.keys:
        if divergences_at(key):
            continue  # recorded: flagged as such
        worded = {lang: words[lang][key] for lang in LANGS if words[lang][key].strip()}
        numbers = {lang: sorted(re.findall(r"\d+", text)) for lang, text in worded.items()}
        # only the versions that have numbers are compared: a title whose article number
        # stands on another line in one language is a matter of layout
        if len({tuple(n) for n in numbers.values() if n}) > 1:
            listed = "; ".join(f"{lang.value} {' '.join(n) or '—'}" for lang, n in numbers.items())
            row.flags.append(("divergence", say("flag.numbers", text_id=key, numbers=listed)))
        unbalanced = [lang for lang, text in worded.items() if not _balanced(text)]
        if unbalanced and len(unbalanced) < len(worded):
            row.flags.append(
                ("divergence", say("flag.brackets", text_id=key, langs=codes(unbalanced)))
            )


def _check_values(row: Row, agreement: Agreement, say: Words) -> None:
    have = [lang for lang in LANGS if row.values[lang].strip()]
    lack = [lang for lang in LANGS if lang not in have]
    if have and lack:
        row.flags.append(
            ("missing", say("flag.missing_value", langs=codes(lack), others=codes(have)))
        )
    crossing_ids = {point.id for point in agreement.border_crossing_points}
    for kind, raw in row.raw:
        if kind in (NAME, NUMBER):
            versions = {
                lang: pick(raw, lang, fallback_langs(agreement, lang))
                if isinstance(raw, str | dict)
                else str(raw)
                for lang in LANGS
            }
            same = _same_name(versions) if kind == NAME else len(set(versions.values())) == 1
            if not same:
                listed = "; ".join(f"{lang.value} {say.quote(v)}" for lang, v in versions.items())
                row.flags.append(
                    ("differs", say("flag.differs", what=say(f"what.{kind}"), versions=listed))
                )
            shown = [lang for lang in LANGS if versions[lang] in row.values[lang]]
            _not_shown(row, say, kind, versions[LANGS[-1]], shown)
        elif kind in (DATE, TIME):
            # compared as dates: the one raw value of the case, formatted per language
            formatted = {lang: _format_when(raw, lang) for lang in LANGS}
            shown = [lang for lang in LANGS if formatted[lang] in row.values[lang]]
            _not_shown(row, say, kind, raw.isoformat(), shown)
        elif kind == TEXT:
            if isinstance(raw, dict):
                for lang in LANGS:
                    if lang not in raw and raw:
                        used = next(f for f in fallback_langs(agreement, lang) if f in raw)
                        note = say(
                            "flag.no_version",
                            lang=say.language(lang.value, "in"),
                            fallback=say.language(used.value, "text"),
                        )
                        row.flags.append(("untranslated", note))
            elif isinstance(raw, str) and raw not in crossing_ids:
                row.flags.append(("untranslated", say("flag.one_version", text=say.quote(raw))))


_KK_TO_RU = str.maketrans("әғқңөұүһіёӘҒҚҢӨҰҮҺІЁ", "агкноуухиеАГКНОУУХИЕ")
"""Kazakh letters folded to the Russian ones that render them (and ё to е)."""


def _name_script(name: str) -> str:
    if re.search(r"[\u0400-\u04ff]", name):
        return "cyrillic"
    return "latin" if re.search(r"[A-Za-z\u00c0-\u024f]", name) else "other"


def _same_name(versions: dict[Lang, str]) -> bool:
    """The spellings of a name agree: Cyrillic ones up to the letters Kazakh adds
    ("Жақсылықов" / "Жаксылыков"); a Latin one is a transliteration, compared only with
    other Latin ones ("Kovalyov" is not checked against "Ковалёв")."""
    groups: dict[str, set[str]] = {}
    for version in versions.values():
        folded = version.translate(_KK_TO_RU).casefold().strip()
        groups.setdefault(_name_script(version), set()).add(folded)
    return all(len(spellings) == 1 for spellings in groups.values())


def _format_when(value: Any, lang: Lang) -> str:
    if isinstance(value, dt.datetime):
        return format_datetime(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, dt.time):
        return format_time(value, lang)
    return str(value)


def _not_shown(row: Row, say: Words, kind: str, value: str, shown: list[Lang]) -> None:
    """A value that some languages show and others do not (a template dropped it)."""
    hidden = [lang for lang in LANGS if lang not in shown]
    if shown and hidden:
        row.flags.append(
            (
                "missing",
                say(
                    "flag.not_shown",
                    what=say(f"what.{kind}"),
                    value=say.quote(value),
                    langs=codes(hidden),
                ),
            )
        )


def _source_languages(agreement: Agreement) -> set[str]:
    """The languages the sources hold (read from the line references: "ru 1296; kk 292")."""
    return {
        lang
        for _, source, _ in sources_in(agreement)
        for lang in re.findall(r"\b([a-z]{2}) \d", source.lines or "")
    }


def prevails(divergence: Divergence, agreement: Agreement, say: Words) -> str:
    rules = agreement.languages
    if not rules.prevailing.stated or rules.prevailing.value is None:
        return say("prevails.not_stated")
    code = rules.prevailing.value
    params = {
        "language": say.language(code, "text"),
        "ref": cite(rules.prevailing.source.ref, say.lang, say.texts)
        if rules.prevailing.source
        else "",
    }
    if code in divergence.versions:
        return say("prevails.quoted", wording=say.quote(divergence.versions[code]), **params)
    if code not in _source_languages(agreement):
        return say("prevails.not_in_sources", **params)
    return say("prevails.not_recorded", **params)


def _divergence_note(divergence: Divergence, agreement: Agreement, say: Words) -> str:
    return say(
        "flag.divergence",
        id=divergence.id,
        description=divergence.description[say.lang],
        prevails=prevails(divergence, agreement, say),
    )
