"""Every source line the data cites is checked against the source file.

The agreement data and the form structures cite provisions as ``lines: "ru 1296; kk 292"``.
Each cited line must exist in the file (the files end without a final newline: the last
line counts), lie in the part of the file in that language, and hold text (a blank line
is a wrong citation); a range must hold text too. Where the data quotes the source — a
divergence's versions, an evidence list's entries — the quote stands in the lines cited.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import readmit_forms as rf
from conftest import bundled_agreements
from readmit_forms._agreements import Divergence, EvidenceList, Source, sources_in
from readmit_forms._structure import structures

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"

# The part of each file in each language (INDEX.md; the kk Annex 8 signature caption is
# 003:1000, the last line of 004 is 1319).
RANGES: dict[str, dict[str, tuple[int, int]]] = {
    "000_93a37c2117e5a708.txt": {"ru": (1, 28)},
    "002_d57f95c42523f9ff.txt": {"ru": (1, 197)},
    "003_28cab8fd1c094838.txt": {"kk": (1, 1000), "ru": (1001, 1976)},
    "004_450247c9c5df390a.txt": {"ru": (1, 678), "kk": (679, 1319)},
}

_PART = re.compile(r"^(?:(?P<lang>ru|kk) )?(?P<spans>\d+(?:–\d+)?(?:, \d+(?:–\d+)?)*)$")

pytestmark = pytest.mark.skipif(
    not SOURCES.is_dir(), reason="../shared/sources is not next to the checkout"
)


@cache
def source_lines(doc: str) -> tuple[str, ...]:
    """The file's lines, the last one counted although no newline ends it."""
    return tuple((SOURCES / doc).read_text("utf-8").split("\n"))


def cited(source: Source) -> dict[str, list[tuple[int, int]]]:
    """Language -> the (first, last) line spans the source cites."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for part in (source.lines or "").split("; "):
        if not part:
            continue
        match = _PART.match(part)
        assert match, f"unreadable lines {source.lines!r} in {source}"
        lang = match.group("lang") or next(iter(RANGES[source.doc]))
        for span in match.group("spans").split(", "):
            first, _, last = span.partition("–")
            spans.setdefault(lang, []).append((int(first), int(last or first)))
    return spans


def every_source() -> list[tuple[str, Source, Any]]:
    found: list[tuple[str, Source, Any]] = []
    bundled = bundled_agreements()  # a pack's sources are its own (sources/), not these
    for agreement in bundled:
        found += sources_in(agreement, agreement.id)
    for structure in structures():
        if structure.agreement not in {a.id for a in bundled}:
            continue
        found.append((f"structure {structure.texts}", structure.source, structure))
    return found


def _flat(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def test_the_last_line_of_a_file_counts() -> None:
    """003 and 004 end without a newline: their last lines are captions the forms print."""
    assert len(source_lines("003_28cab8fd1c094838.txt")) == 1976
    assert source_lines("003_28cab8fd1c094838.txt")[-1].strip() == "(Подпись) (Печать/штамп)"
    assert source_lines("004_450247c9c5df390a.txt")[-1].strip() == "М.О."


@pytest.mark.parametrize(("path", "source", "owner"), every_source(), ids=lambda v: str(v)[:60])
def test_cited_lines_exist_in_their_language_and_hold_text(
    path: str, source: Source, owner: Any
) -> None:
    assert source.doc in RANGES, f"{path}: unknown source {source.doc}"
    lines = source_lines(source.doc)
    for lang, spans in cited(source).items():
        assert lang in RANGES[source.doc], f"{path}: {source.doc} has no {lang} text"
        low, high = RANGES[source.doc][lang]
        for first, last in spans:
            assert low <= first <= last <= high, (
                f"{path}: {lang} {first}–{last} is outside the {lang} text ({low}–{high}) "
                f"of {source.doc} ({len(lines)} lines)"
            )
            if first == last:
                assert lines[first - 1].strip(), f"{path}: {lang} line {first} is blank"
            else:
                assert any(line.strip() for line in lines[first - 1 : last]), (
                    f"{path}: {lang} lines {first}–{last} are blank"
                )


def _text_at(source: Source, lang: str) -> str:
    lines = source_lines(source.doc)
    spans = cited(source).get(lang, [])
    return _flat(" ".join(" ".join(lines[a - 1 : b]) for a, b in spans))


@pytest.mark.parametrize(
    "divergence",
    [d for a in bundled_agreements() for d in a.divergences],
    ids=lambda d: d.id,
)
def test_divergence_quotes_stand_in_the_lines_cited(divergence: Divergence) -> None:
    for lang, version in divergence.versions.items():
        if lang not in ("ru", "kk") or lang not in cited(divergence.source):
            continue
        at = _text_at(divergence.source, lang)
        # a two-column caption: the right column's caption stands inside the left one's lines
        for right in ("(инициалы, фамилия)", "(аты-жөні, тегі)"):
            at = _flat(at.replace(right, " "))
        assert _flat(version).removesuffix(":") in at, (divergence.id, lang, version, at[:300])


@pytest.mark.parametrize(
    "evidence_list",
    [e for a in bundled_agreements() for e in a.evidence],
    ids=lambda e: e.id,
)
def test_evidence_lists_stand_in_the_lines_cited(evidence_list: EvidenceList) -> None:
    """Each entry's Russian wording is in the list's Russian lines; its Kazakh wording
    begins as in the Kazakh lines (the Kazakh entries keep the list's case endings and
    drop its closing predicate: see the data)."""
    ru = _text_at(evidence_list.source, "ru").lower()
    kk = _text_at(evidence_list.source, "kk").lower()
    for item in evidence_list.items:
        entry = _flat(item.text[rf.Lang.RU]).lower().rstrip(";.")
        assert entry in ru, (evidence_list.id, item.text[rf.Lang.RU])
        start = _flat(item.text[rf.Lang.KK]).lower()[:30]
        assert start in kk, (evidence_list.id, item.text[rf.Lang.KK])
