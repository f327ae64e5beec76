"""Citations of articles in the language of the document.

The agreement data cites provisions in English ("Annex 1, Art. 3(2)"). A Russian
or Kazakh document must cite them in its own language ("Приложение 1, п. 2 ст. 3",
"1-қосымша, 3-баптың 2-тармағы"). The patterns and phrases come from the
templates (``common.cite.*``). A reference is read part by part (parts are
separated by "; ", ", " and " and "):

- ``Art. 5(4)``, ``Arts. 2(3)``, ``Protocol Art. 6(5)``, ``Art. 3(1)–(2)``;
- a continuation of the previous article: ``Art. 4(1), (6)``, ``Arts. 2(3), 3(3)``;
- ``Annex 7``, ``Protocol Annex 2``, ``Annexes 2, 7 and 8``, ``Protocol Annexes 1–4``,
  ``section B``, ``item 4``, ``2nd item``, ``after section Б``, ``paras 1–2``, ``Decree No. 1023``;
- a phrase of ``common.cite.phrase`` ("closing clause", "signature line", ...).

An English remark in parentheses after a part ("Art. 1(4) ('30 дней', counted
as calendar days)") or after a colon ("news item: the Agreement regulates ...")
belongs to the data, not to the citation: a Kazakh or Russian citation leaves
it out. A part that is none of the above is kept as
written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._lang import Lang
from ._templates import Texts

__all__ = ["cite"]

_ARTICLE = re.compile(
    r"^(?:(?P<instrument>Protocol|Agreement) )?Arts?\. (?P<ref>\d+(?:\(\w+\))*(?:–\(\d+\))?)$"
)
_CONTINUED = re.compile(r"^(?P<ref>\d+(?:\(\w+\))*(?:–\(\d+\))?)$")
_PARAGRAPHS = re.compile(r"^(?P<ref>(?:\(\w+\))+(?:–\(\d+\))?)$")
_REF = re.compile(r"^(?P<n>\d+)?(?:\((?P<p>\d+)\))?(?:\((?P<s>\w+)\))?(?:–\((?P<to>\d+)\))?$")
_ANNEX = re.compile(r"^(?:(?P<instrument>Protocol) )?Annex (?P<n>\d+)$")
_ANNEXES = re.compile(r"^(?:(?P<instrument>Protocol) )?Annexes (?P<n>\d+(?:–\d+)?(?:[\0\1]\d+)*)$")
_ANNEX_LIST = re.compile(r"Annexes \d+(?:–\d+)?(?:(?:, | and )\d+)+")
"""A list of annexes ("Annexes 2, 7 and 8") is one part: its separators are kept as
NUL (", ") and SOH (" and ") until the list is cited as a whole."""
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("section", re.compile(r"^section (?P<x>\S+)$")),
    ("after_section", re.compile(r"^after section (?P<x>\S+)$")),
    ("item", re.compile(r"^item (?P<n>\d+)$")),
    ("item", re.compile(r"^(?P<n>\d+)(?:st|nd|rd|th) item$")),
    ("paras", re.compile(r"^paras (?P<n>\d+(?:–\d+)?)$")),
    ("decree", re.compile(r"^Decree No\. (?P<n>\d+)$")),
)
_REMARK = re.compile(r"^(?P<part>.*?\S)\s+\((?P<remark>(?:[^()]|\([^()]*\))*)\)$")
_SEPARATORS = ("; ", ", ", " and ")


def _split(ref: str) -> list[str]:
    """Parts and separators, alternating; separators inside parentheses do not split."""
    pieces: list[str] = []
    depth, start, index = 0, 0, 0
    while index < len(ref):
        char = ref[index]
        depth += (char == "(") - (char == ")")
        separator = next((s for s in _SEPARATORS if ref.startswith(s, index)), None)
        if depth == 0 and separator:
            pieces += [ref[start:index], separator]
            index += len(separator)
            start = index
        else:
            index += 1
    return [*pieces, ref[start:]]


@dataclass
class _Context:
    """The article and instrument a continuation ("(6)", "3(3)") refers back to."""

    article: str | None = None
    instrument: str = ""


def _article(ref: str, instrument: str, texts: Texts, ctx: _Context) -> str | None:
    match = _REF.match(ref)
    if match is None:
        return None
    n = match.group("n") or ctx.article
    if n is None:
        return None
    p, s, to = match.group("p"), match.group("s"), match.group("to")
    if p and to:
        p = f"{p}–{to}"
    if s:
        cited = texts.format("common.cite.subparagraph", n=n, p=p, s=s)
    elif p:
        cited = texts.format("common.cite.paragraph", n=n, p=p)
    else:
        cited = texts.format("common.cite.article", n=n)
    ctx.article, ctx.instrument = n, instrument
    if instrument:
        cited = texts.format(f"common.cite.of_{instrument}", citation=cited)
    return cited


def _part(segment: str, texts: Texts, ctx: _Context) -> str:
    remark = _REMARK.match(segment)
    text = remark.group("part") if remark else segment
    match = _ARTICLE.match(text)
    if match:
        instrument = (match.group("instrument") or "").lower()
        cited = _article(match.group("ref"), instrument, texts, ctx)
        if cited is not None:
            return cited
    continued = _CONTINUED.match(text) or _PARAGRAPHS.match(text)
    if continued and ctx.article is not None:
        cited = _article(continued.group("ref"), ctx.instrument, texts, ctx)
        if cited is not None:
            return cited
    ctx.article = None
    annex = _ANNEX.match(text)
    if annex:
        key = "protocol_annex" if annex.group("instrument") else "annex"
        return texts.format(f"common.cite.{key}", n=annex.group("n"))
    annexes = _ANNEXES.match(text)
    if annexes:
        key = "protocol_annexes" if annexes.group("instrument") else "annexes"
        n = annexes.group("n").replace("\0", ", ").replace("\1", texts["common.cite.and"])
        return texts.format(f"common.cite.{key}", n=n)
    for name, pattern in _PATTERNS:
        found = pattern.match(text)
        if found:
            return texts.format(f"common.cite.{name}", **found.groupdict())
    key = "common.cite.phrase." + text.strip().lower().replace(" ", "_")
    if key in texts:
        return texts[key]
    return segment


def cite(ref: str, lang: Lang, texts: Texts) -> str:
    """``ref`` (as the agreement data writes it) cited in ``lang``."""
    if lang is Lang.EN:
        return ref
    ref = ref.split(": ", 1)[0]  # "news item: the Agreement regulates ..." — an English remark
    ref = _ANNEX_LIST.sub(lambda m: m.group(0).replace(", ", "\0").replace(" and ", "\1"), ref)
    ctx = _Context()
    cited = []
    for index, piece in enumerate(_split(ref)):
        if index % 2:
            cited.append(texts["common.cite.and"] if piece == " and " else piece)
        else:
            cited.append(_part(piece, texts, ctx))
    return "".join(cited)
