"""PDF rendering speed: our renderer against the practical floor, in one process and one run.

The floor is a plain reportlab canvas drawing the same text (every label and value
of the composed document, in order) with the same embedded fonts (values in bold,
the status footer in italic, as ours prints them), one line after another — no
wrapping, no boxes, no layout. Our renderer does all of that on top.

    python benchmarks/bench_pdf.py [--repeat 30]

Prints, per form: warm median ms for ours and the floor, and the ratio (target ≤ 1.5);
then the cold time of one `readmit-forms render` process (target < 0.5 s).
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import readmit_forms as rf
from readmit_forms._backends.pdf import render as render_pdf
from readmit_forms._backends.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts
from readmit_forms._compose import compose
from readmit_forms._document import Document, plain, walk_text

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
            canvas.setFont(face, 11)
            canvas.drawString(56, y, line)
            y -= 13.6
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def median_ms(fn, document: Document, repeat: int) -> float:  # type: ignore[no-untyped-def]
    fn(document)  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(document)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cold_render(repeat: int = 5) -> float:
    sample = ROOT / "samples" / "kz-at-family.yaml"
    exe = Path(sys.executable).with_name("readmit-forms")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(
                [
                    str(exe),
                    "render",
                    str(sample),
                    "--form",
                    "readmission-request",
                    "--lang",
                    "en",
                    "-o",
                    str(Path(tmp) / "out.pdf"),
                ],
                check=True,
                capture_output=True,
                cwd=tmp,
            )
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    register_fonts()
    ratios = []
    print(f"{'sample / form / lang':<58} {'ours ms':>8} {'floor ms':>9} {'ratio':>6}")
    for path in sorted((ROOT / "samples").glob("*.yaml")):
        case = rf.load_case(path)
        agreement = rf.get_agreement(case.agreement)
        for form in agreement.form_ids:
            for lang in ("kk", "ru", "en"):
                try:
                    document = compose(case, form, lang)
                except rf.ReadmitFormsError:
                    continue
                ours = median_ms(render_pdf, document, args.repeat)
                base = median_ms(floor, document, args.repeat)
                ratios.append(ours / base)
                label = f"{path.stem} / {form} / {lang}"
                print(f"{label:<58} {ours:8.2f} {base:9.2f} {ours / base:6.2f}")
    print(
        f"\nratio ours/floor: median {statistics.median(ratios):.2f}, max {max(ratios):.2f} "
        f"over {len(ratios)} documents (target: median ≤ 1.5)"
    )
    print(f"cold `readmit-forms render` of one document: {cold_render():.3f} s (target < 0.5 s)")


if __name__ == "__main__":
    main()
