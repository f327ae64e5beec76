"""Which characters a value may contain.

Every value must print as itself in every backend. The PDF backend embeds
Liberation Serif, so a value may only use characters that font can draw
(regular, bold and italic faces alike). Left out on purpose, although the
font has them: control characters (tab and line feed are allowed in free text
only); invisible format characters (U+200C/U+200D joiners, U+00AD SOFT HYPHEN,
U+FEFF) and bidirectional controls such as U+200F RIGHT-TO-LEFT MARK and U+202E
RIGHT-TO-LEFT OVERRIDE, which backends treat differently; right-to-left letters
(Hebrew, including the presentation forms U+FB1D–FB4F, and Arabic), which the
forms cannot lay out; and U+FFFC OBJECT REPLACEMENT CHARACTER, a placeholder
that Word and LibreOffice drop. ``tests/test_charset.py`` checks the table
against the bundled font and these rules.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

__all__ = ["char_problem"]

# Inclusive code point ranges the bundled font draws, minus the exclusions above.
PRINTABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),
    (0x00A0, 0x00AC),
    (0x00AE, 0x036F),
    (0x0374, 0x0375),
    (0x037A, 0x037E),
    (0x0384, 0x038A),
    (0x038C, 0x038C),
    (0x038E, 0x03A1),
    (0x03A3, 0x03CE),
    (0x03D0, 0x0513),
    (0x051A, 0x051D),
    (0x1D00, 0x1DCA),
    (0x1DFE, 0x1E9B),
    (0x1E9E, 0x1E9E),
    (0x1EA0, 0x1EF9),
    (0x1F00, 0x1F15),
    (0x1F18, 0x1F1D),
    (0x1F20, 0x1F45),
    (0x1F48, 0x1F4D),
    (0x1F50, 0x1F57),
    (0x1F59, 0x1F59),
    (0x1F5B, 0x1F5B),
    (0x1F5D, 0x1F5D),
    (0x1F5F, 0x1F7D),
    (0x1F80, 0x1FB4),
    (0x1FB6, 0x1FC4),
    (0x1FC6, 0x1FD3),
    (0x1FD6, 0x1FDB),
    (0x1FDD, 0x1FEF),
    (0x1FF2, 0x1FF4),
    (0x1FF6, 0x1FFE),
    (0x2000, 0x200A),
    (0x2010, 0x2010),
    (0x2012, 0x2022),
    (0x2026, 0x2026),
    (0x202F, 0x2030),
    (0x2032, 0x2034),
    (0x2039, 0x203A),
    (0x203C, 0x203C),
    (0x203E, 0x203E),
    (0x2044, 0x2044),
    (0x205E, 0x205E),
    (0x2074, 0x2079),
    (0x207F, 0x2089),
    (0x2090, 0x2094),
    (0x20A0, 0x20B5),
    (0x20BF, 0x20BF),
    (0x20F0, 0x20F0),
    (0x2105, 0x2105),
    (0x2113, 0x2113),
    (0x2116, 0x2117),
    (0x2122, 0x2122),
    (0x2126, 0x2126),
    (0x212E, 0x212E),
    (0x214D, 0x214E),
    (0x2153, 0x2154),
    (0x215B, 0x215E),
    (0x2184, 0x2184),
    (0x2190, 0x2195),
    (0x21A8, 0x21A8),
    (0x21D4, 0x21D4),
    (0x2202, 0x2202),
    (0x2206, 0x2206),
    (0x220F, 0x220F),
    (0x2211, 0x2212),
    (0x2215, 0x2215),
    (0x2219, 0x221A),
    (0x221E, 0x221F),
    (0x2229, 0x2229),
    (0x222B, 0x222B),
    (0x2248, 0x2248),
    (0x2260, 0x2262),
    (0x2264, 0x2265),
    (0x2302, 0x2302),
    (0x2310, 0x2310),
    (0x2320, 0x2321),
    (0x2500, 0x2500),
    (0x2502, 0x2502),
    (0x250C, 0x250C),
    (0x2510, 0x2510),
    (0x2514, 0x2514),
    (0x2518, 0x2518),
    (0x251C, 0x251C),
    (0x2524, 0x2524),
    (0x252C, 0x252C),
    (0x2534, 0x2534),
    (0x253C, 0x253C),
    (0x2550, 0x256C),
    (0x2580, 0x2580),
    (0x2584, 0x2584),
    (0x2588, 0x2588),
    (0x258C, 0x258C),
    (0x2590, 0x2593),
    (0x25A0, 0x25A1),
    (0x25AA, 0x25AC),
    (0x25B2, 0x25B2),
    (0x25BA, 0x25BA),
    (0x25BC, 0x25BC),
    (0x25C4, 0x25C4),
    (0x25CA, 0x25CC),
    (0x25CF, 0x25D9),
    (0x25E6, 0x25E6),
    (0x263A, 0x263C),
    (0x2640, 0x2640),
    (0x2642, 0x2642),
    (0x2660, 0x2660),
    (0x2663, 0x2663),
    (0x2665, 0x2666),
    (0x2669, 0x266C),
    (0x266F, 0x266F),
    (0x2C60, 0x2C6D),
    (0x2C71, 0x2C77),
    (0x2E17, 0x2E17),
    (0xA717, 0xA721),
    (0xA788, 0xA78C),
    (0xFB01, 0xFB02),
    (0xFE20, 0xFE23),
)
_STARTS = tuple(start for start, _ in PRINTABLE_RANGES)


def _printable(code: int) -> bool:
    index = bisect_right(_STARTS, code) - 1
    return index >= 0 and code <= PRINTABLE_RANGES[index][1]


_CONTROL_NAMES = {"\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\x00": "NULL"}

_BIDI_CONTROLS = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_RIGHT_TO_LEFT = {"R", "AL"}
_MARKS = {"\u200e", "\u200f", "\u061c"}  # LEFT-TO-RIGHT, RIGHT-TO-LEFT, ARABIC LETTER MARK


def _describe(char: str) -> str:
    name = _CONTROL_NAMES.get(char) or unicodedata.name(char, "")
    if not name:
        name = "CONTROL" if unicodedata.category(char) == "Cc" else ""
    return f"U+{ord(char):04X} {name}".rstrip()


def _why(char: str) -> str:
    """Why ``char`` (not in the table) cannot be printed."""
    category = unicodedata.category(char)
    bidi = unicodedata.bidirectional(char)
    if bidi in _BIDI_CONTROLS or char in _MARKS:
        return f"contains the bidirectional control {_describe(char)}, which cannot be printed"
    if bidi in _RIGHT_TO_LEFT:
        return (
            f"contains the right-to-left letter {_describe(char)}: the forms are laid out "
            "left to right and cannot print Hebrew or Arabic script"
        )
    if category == "Cs":
        return f"contains a lone surrogate (U+{ord(char):04X}), which is not a character"
    if category == "Cn":
        return f"contains U+{ord(char):04X}, which is not an assigned Unicode character"
    if category == "Co":
        return f"contains U+{ord(char):04X}, a private-use character"
    if category == "Cf":
        return (
            f"contains the invisible formatting character {_describe(char)}, "
            "which the output formats would not show alike"
        )
    if category == "Cc":
        return f"contains the control character {_describe(char)}"
    return (
        f"contains {_describe(char)}, which not every output format can show "
        "(the form font is Liberation Serif)"
    )


def _class(extra: str) -> re.Pattern[str]:
    ranges = "".join(f"\\U{start:08x}-\\U{end:08x}" for start, end in PRINTABLE_RANGES)
    return re.compile(f"[{extra}{ranges}]*")


# The whole value checked at once (C speed); the loop below only finds and names the culprit.
_ONE_LINE = _class("")
_FREE_TEXT = _class("\\t\\n")


def char_problem(value: str, *, multiline: bool) -> str | None:
    """Return why ``value`` cannot be printed literally, or None if it can."""
    if (_FREE_TEXT if multiline else _ONE_LINE).fullmatch(value):
        return None
    for char in value:
        if char in "\n\t":
            if multiline:
                continue
            return f"contains a line break or tab ({_describe(char)}); it must be one line"
        if not _printable(ord(char)):
            return _why(char)
    return None
