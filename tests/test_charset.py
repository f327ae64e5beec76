"""The character table (reliability audit F8, F13): every character it lets through is drawn
by the bundled font and prints the same in every backend; everything else is refused with
the right reason."""

from __future__ import annotations

import io
import unicodedata
from importlib import resources

import pytest

from readmit_forms._charset import PRINTABLE_RANGES, char_problem


def _table() -> list[str]:
    return [chr(c) for start, end in PRINTABLE_RANGES for c in range(start, end + 1)]


def test_the_table_holds_only_characters_that_print_alike_everywhere() -> None:
    for char in _table():
        assert unicodedata.bidirectional(char) not in {"R", "AL", "RLE", "RLO", "LRE", "LRO"}
        assert unicodedata.bidirectional(char) not in {"PDF", "LRI", "RLI", "FSI", "PDI"}
        assert unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Cn"}, hex(ord(char))
    assert "\ufffc" not in _table()


def test_the_bundled_fonts_draw_every_character_of_the_table() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    folder = resources.files("readmit_forms") / "data" / "fonts"
    for face in ("Regular", "Bold", "Italic"):
        data = (folder / f"LiberationSerif-{face}.ttf").read_bytes()
        font = TTFont(f"check-{face}", io.BytesIO(data))
        missing = [c for c in _table() if ord(c) not in font.face.charToGlyph]
        assert not missing, (face, missing[:5])


@pytest.mark.parametrize(
    ("char", "reason"),
    [
        ("\ufb2a", "right-to-left letter U+FB2A"),
        ("\ufb4f", "right-to-left letter"),
        ("\u05d0", "right-to-left letter U+05D0 HEBREW LETTER ALEF"),
        ("\u0627", "right-to-left letter U+0627 ARABIC LETTER ALEF"),
        ("\ufe8d", "right-to-left letter"),  # Arabic presentation form
        ("\u202e", "bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u200f", "bidirectional control U+200F"),
        ("\u2067", "bidirectional control"),
        ("\u00ad", "invisible formatting character U+00AD SOFT HYPHEN"),
        ("\ufeff", "invisible formatting character U+FEFF"),
        ("\u200d", "invisible formatting character U+200D ZERO WIDTH JOINER"),
        ("\ud800", "lone surrogate (U+D800)"),
        ("\u0378", "not an assigned Unicode character"),
        ("\ue000", "private-use character"),
        ("\x07", "control character U+0007"),
        ("\ufffc", "U+FFFC OBJECT REPLACEMENT CHARACTER, which not every output format can show"),
        ("\u4e00", "which not every output format can show"),
    ],
)
def test_refusals_say_why(char: str, reason: str) -> None:
    problem = char_problem(f"A{char}B", multiline=False)
    assert problem is not None and reason in problem, problem
    if "right-to-left letter" not in reason:
        assert "right-to-left text" not in problem


def test_line_breaks_only_in_free_text() -> None:
    assert char_problem("a\nb\tc", multiline=True) is None
    assert "one line" in (char_problem("a\nb", multiline=False) or "")
