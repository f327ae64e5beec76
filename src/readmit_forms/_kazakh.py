"""Kazakh case endings for values placed into a sentence (e.g. "{date:dative} дейін").

Kazakh marks the case with a suffix whose form follows the last word: its vowel
harmony (back vowels а, о, ұ, ы take -ға/-қа; front vowels ә, ө, ү, і, е take
-ге/-ке) and its last sound (after a vowel or a voiced consonant -ға/-ге, after
a voiceless one -қа/-ке). "дейін" ("until") governs the dative: "2031 ж.
19 қыркүйекке дейін", "2021 ж. 2 наурызға дейін", "2025 ж. 1 маусымға дейін".
A number written in digits takes the ending of the numeral as it is spoken
("19-ға" for он тоғыз, "40-қа" for қырық), after a hyphen.
"""

from __future__ import annotations

import re

__all__ = ["dative"]

_BACK = frozenset("аоұыяё")
_FRONT = frozenset("әөүіеэи")  # и: front in native words (ий) and in loans (таксиге)
# Voiceless consonants; б, в, г, д are pronounced voiceless at the end of a word.
_VOICELESS = frozenset("кқпстфхцчшщбвгд")

# The spoken numeral that ends a number: its last non-zero group decides the ending.
_UNITS = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
_TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]
_POWERS = [(10**9, "миллиард"), (10**6, "миллион"), (1000, "мың"), (100, "жүз")]

_LAST_WORD = re.compile(r"([^\W\d_]+|\d+)(\W*)$")


def _spoken_end(number: int) -> str:
    """The last word of ``number`` spoken in Kazakh (0 is нөл)."""
    if number == 0:
        return "нөл"
    if number % 100:
        rest = number % 100
        return _UNITS[rest % 10] if rest % 10 else _TENS[rest // 10]
    for power, name in _POWERS:
        if number % power == 0:
            return name
    raise AssertionError("unreachable")  # pragma: no cover


def _front(word: str) -> bool:
    """Whether the word's last vowel is front (у and ю follow the vowel before them)."""
    for char in reversed(word.lower()):
        if char in _FRONT:
            return True
        if char in _BACK:
            return False
    return False  # only у/ю: back, as in "су" → "суға"


def _dative_suffix(word: str) -> str:
    voiceless = word.lower()[-1] in _VOICELESS
    if _front(word):
        return "ке" if voiceless else "ге"
    return "қа" if voiceless else "ға"


def dative(phrase: str) -> str:
    """``phrase`` with its last word in the dative case ("19 қыркүйек" → "19 қыркүйекке")."""
    match = _LAST_WORD.search(phrase)
    if match is None:
        return phrase
    word, tail = match.group(1), match.group(2)
    head = phrase[: match.start()]
    if word.isdigit():
        return f"{head}{word}-{_dative_suffix(_spoken_end(int(word)))}{tail}"
    return f"{head}{word}{_dative_suffix(word)}{tail}"
