"""Rendering speed: the whole render() against the practical floor, in one process and one run.

The floor is a plain reportlab canvas drawing the same text (every label and value
of the composed document, in order) with the same font files (values in bold, the
status footer in italic, as ours prints them) as plain reportlab TrueType fonts, one
line after another — no wrapping, no boxes, no layout, no validation, no composition;
reportlab's defaults otherwise (fonts subset per document, compressed streams).
Ours is the whole ``render()``: loading checks, validation, composition, layout and
drawing (a case the form refuses is rendered as a draft, as the goldens are).

    python benchmarks/bench_pdf.py [--repeat 15]

Prints, per sample × form × language: warm median ms of ours and of the floor,
measured alternately (so the machine's load hits both alike), and the ratio (target
≤ 1.0 on every one); the shares of ours by stage; the whole render() as DOCX and HTML;
then the cold start of one ``readmit-forms render`` process (``bench_cold.py``: wall time
against a new process's floors, target ≤ 150 ms, and ``python -X importtime``).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

import readmit_forms as rf
from readmit_forms._backends.pdf.draw import draw
from readmit_forms._backends.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts
from readmit_forms._backends.pdf.pages import lay_out
from readmit_forms._compose import compose
from readmit_forms._document import Document, plain, walk_text
from readmit_forms._validate import validate

ROOT = Path(__file__).resolve().parent.parent


def styled_text(document: Document) -> list[tuple[str, str]]:
    """Every text of the document in reading order, with the face it is printed in:
    values bold, the language-status footer italic, everything else regular."""
    values = set()
    for block in _blocks(document.blocks):
        value = getattr(block, "value", None)
        if value:
            values.add(plain(value))
        for slot in getattr(block, "slots", ()):
            if slot.value:
                values.add(plain(slot.value))
    texts = []
    for text in walk_text(document):
        face = BOLD if text in values else ITALIC if text == document.status else REGULAR
        texts.append((text, face))
    return texts


def _blocks(blocks):  # type: ignore[no-untyped-def]
    for block in blocks:
        yield block
        yield from _blocks(getattr(block, "blocks", ()))


FLOOR_FACES = {REGULAR: "Floor-Regular", BOLD: "Floor-Bold", ITALIC: "Floor-Italic"}
"""The floor's faces: the same font files, as plain reportlab TrueType fonts (subset per
document, as reportlab does by default)."""


def register_floor_fonts() -> None:
    folder = ROOT / "src" / "readmit_forms" / "data" / "fonts"
    for name, file in zip(
        FLOOR_FACES.values(),
        ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf"),
        strict=True,
    ):
        font = TTFont(name, str(folder / file))
        # reportlab shares one font object per face name: a name of its own keeps the
        # floor's font a plain TrueType font beside ours.
        font.face.name = b"Floor" + font.face.name
        pdfmetrics.registerFont(font)


def floor(document: Document) -> bytes:
    """Draw the document's text with the same fonts on a plain canvas: the practical floor.

    One drawString per line of text, in the face our renderer uses for it; no wrapping,
    boxes, dotted lines or layout. The PDF settings (compression, embedding, subsetting)
    are the same as ours.
    """
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    y = A4[1] - 42
    for text, face in styled_text(document):
        for line in text.split("\n"):
            if y < 60:
                canvas.showPage()
                y = A4[1] - 42
            canvas.setFont(FLOOR_FACES[face], 11)
            canvas.drawString(56, y, line)
            y -= 13.6
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def interleaved(fns: dict[str, Any], repeat: int) -> dict[str, float]:
    """Median ms of each function, called in turn ``repeat`` times (after one warm call)."""
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def jobs() -> list[tuple[str, rf.Case, str, str, bool]]:
    """Every sample × form × language, with whether it renders as a draft."""
    found = []
    for path in sorted((ROOT / "samples").glob("*.yaml")):
        case = rf.load_case(path)
        for form in rf.get_agreement(case.agreement).form_ids:
            draft = any(f.is_error for f in rf.validate(case, form))
            for lang in ("kk", "ru", "en"):
                found.append((f"{path.stem} / {form} / {lang}", case, form, lang, draft))
    return found


def stages(case: rf.Case, form: str, lang: str, draft: bool, repeat: int) -> dict[str, float]:
    document = compose(case, form, lang, draft=draft)
    laid = lay_out(document)
    return interleaved(
        {
            "validate": lambda: validate(case, form),
            "compose": lambda: compose(case, form, lang, draft=draft),
            "lay out": lambda: lay_out(document),
            "draw": lambda: draw(document, laid),
        },
        repeat,
    )


def against_floor(
    case: rf.Case, form: str, lang: str, draft: bool, repeat: int
) -> dict[str, float]:
    document = compose(case, form, lang, draft=draft)
    return interleaved(
        {
            "ours": lambda: rf.render(case, form=form, lang=lang, draft=draft),
            "floor": lambda: floor(document),
        },
        repeat,
    )


def formats(case: rf.Case, form: str, lang: str, draft: bool, repeat: int) -> dict[str, float]:
    def whole(fmt: str) -> Any:
        return lambda: rf.render(case, form=form, lang=lang, format=fmt, draft=draft)

    return interleaved({fmt: whole(fmt) for fmt in ("pdf", "docx", "html")}, repeat)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    register_fonts()
    register_floor_fonts()
    print(f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}\n")
    ratios = []
    totals = dict.fromkeys(("ours", "floor", "docx", "html"), 0.0)
    print(f"{'sample / form / lang':<58} {'ours ms':>8} {'floor ms':>9} {'ratio':>6}")
    every = jobs()
    for label, case, form, lang, draft in every:
        timed = against_floor(case, form, lang, draft, args.repeat)
        ratios.append(timed["ours"] / timed["floor"])
        for name in ("ours", "floor"):
            totals[name] += timed[name]
        print(f"{label:<58} {timed['ours']:8.2f} {timed['floor']:9.2f} {ratios[-1]:6.2f}")
    print(
        f"\nratio ours/floor over {len(ratios)} documents: median {statistics.median(ratios):.2f}, "
        f"max {max(ratios):.2f} (target: ≤ 1.0 on every one)"
    )
    share = dict.fromkeys(("validate", "compose", "lay out", "draw"), 0.0)
    for _, case, form, lang, draft in every[::6]:
        for name, ms in stages(case, form, lang, draft, max(3, args.repeat // 3)).items():
            share[name] += ms
    whole = sum(share.values())
    print("ours by stage: " + ", ".join(f"{k} {v / whole:.0%}" for k, v in share.items()))
    for _, case, form, lang, draft in every[::6]:
        timed = formats(case, form, lang, draft, max(3, args.repeat // 3))
        for fmt in ("docx", "html"):
            totals[fmt] += timed[fmt] / timed["pdf"]
    count = len(every[::6])
    print(
        f"whole render() as DOCX: {totals['docx'] / count:.2f}x the PDF's time, as HTML: "
        f"{totals['html'] / count:.2f}x (mean over {count} documents)"
    )
    from bench_cold import report  # the cold start, against a new process's floors

    print("\n" + report(9))


if __name__ == "__main__":
    main()
