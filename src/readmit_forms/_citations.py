"""Citations of articles in the language of the document.

The agreement data cites provisions in English ("Annex 1, Art. 3(2)"). A Russian
or Kazakh document must cite them in its own language ("Приложение 1, п. 2 ст. 3",
"1-қосымша, 3-баптың 2-тармағы"). The patterns come from the templates
(``common.cite.*``); a part that is not a recognised pattern or phrase is kept as
written.
"""

from __future__ import annotations

import re

from ._lang import Lang
from ._templates import Texts

__all__ = ["cite"]

_PART = re.compile(
    r"^(?P<instrument>Protocol |Agreement )?(?P<kind>Art\.|Annex) (?P<n>\d+)"
    r"(?:\((?P<p>\d+)\))?(?:\((?P<s>\w+)\))?(?P<rest>.*)$"
)
_SPLIT = re.compile(r"(; |, )")


def _part(segment: str, texts: Texts) -> str:
    match = _PART.match(segment)
    if match is None:
        key = "common.cite.phrase." + segment.strip().lower().replace(" ", "_")
        return texts[key] if key in texts else segment
    n, p, s = match.group("n"), match.group("p"), match.group("s")
    instrument = (match.group("instrument") or "").strip().lower()
    if match.group("kind") == "Annex":
        key = "protocol_annex" if instrument == "protocol" else "annex"
        cited = texts.format(f"common.cite.{key}", n=n)
    else:
        if s:
            cited = texts.format("common.cite.subparagraph", n=n, p=p, s=s)
        elif p:
            cited = texts.format("common.cite.paragraph", n=n, p=p)
        else:
            cited = texts.format("common.cite.article", n=n)
        if instrument:
            cited = texts.format(f"common.cite.of_{instrument}", citation=cited)
    return cited + match.group("rest")


def cite(ref: str, lang: Lang, texts: Texts) -> str:
    """``ref`` (as the agreement data writes it) cited in ``lang``."""
    if lang is Lang.EN:
        return ref
    pieces = _SPLIT.split(ref)
    return "".join(piece if _SPLIT.fullmatch(piece) else _part(piece, texts) for piece in pieces)
