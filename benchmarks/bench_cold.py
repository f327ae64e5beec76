"""Cold start: one ``readmit-forms render`` process, against the floors of a new process.

    .venv/bin/python benchmarks/bench_cold.py [--repeat 9]

Each figure is the median wall time of whole processes, run in turn (so that the machine's
load hits them alike), after one run that writes the bytecode and fills the cache:

- ours: ``readmit-forms render samples/kz-at-family.yaml --form readmission-request --lang en``;
- the canvas floor: a new Python process that imports reportlab, reads the same three
  font files and draws the same text on a plain canvas (``bench_pdf.floor``, cold);
- the import floor: a new process that only imports what our render cannot do without
  (pydantic for the case, reportlab's canvas, PyYAML, Babel, Pillow) and does nothing;
- Python itself (``python -c pass``).

Then where our time goes, in one new process (import, read the case, render, write) and
the import of the command (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kz-at-family.yaml"
EXE = Path(sys.executable).with_name("readmit-forms")
# an installed package has its bytecode: let the first run write it, as pip would have
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

IMPORT_FLOOR = "import pydantic, reportlab.pdfgen.canvas, yaml, babel.dates, PIL.Image"

CANVAS_FLOOR = """
import json, sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
lines, fonts, out = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
for face in ("Regular", "Bold", "Italic"):
    pdfmetrics.registerFont(TTFont(face, f"{fonts}/LiberationSerif-{face}.ttf"))
canvas = Canvas(out, pagesize=A4, invariant=True, pageCompression=1)
y = A4[1] - 42
for text, face in lines:
    for line in text.split("\\n"):
        if y < 60:
            canvas.showPage()
            y = A4[1] - 42
        canvas.setFont(face, 11)
        canvas.drawString(56, y, line)
        y -= 13.6
canvas.showPage()
canvas.save()
"""

PHASES = """
import sys, time
start = time.perf_counter()
import readmit_forms as rf
from readmit_forms._cli import _common
imported = time.perf_counter()
case = rf.load_case(sys.argv[1])
loaded = time.perf_counter()
pdf = rf.render(case, form="readmission-request", lang="en")
rendered = time.perf_counter()
_common.write_atomic(_common.Path(sys.argv[2]), pdf)
written = time.perf_counter()
print(*(round((b - a) * 1000) for a, b in
        ((start, imported), (imported, loaded), (loaded, rendered), (rendered, written))))
"""


def floor_lines(folder: Path) -> Path:
    """The floor's text for the sample's document: (text, face) in reading order."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import readmit_forms as rf
    from bench_pdf import styled_text
    from readmit_forms._backends.pdf.fonts import BOLD, ITALIC

    document = rf.compose(rf.load_case(SAMPLE), "readmission-request", "en")
    names = {BOLD: "Bold", ITALIC: "Italic"}
    path = folder / "lines.json"
    lines = [(text, names.get(face, "Regular")) for text, face in styled_text(document)]
    path.write_text(json.dumps(lines, ensure_ascii=False), "utf-8")
    return path


def commands(folder: Path) -> dict[str, list[str]]:
    fonts = ROOT / "src" / "readmit_forms" / "data" / "fonts"
    lines = floor_lines(folder)
    return {
        "ours": [str(EXE), "render", str(SAMPLE), "--form", "readmission-request",
                 "--lang", "en", "-o", str(folder / "ours.pdf")],
        "canvas floor": [sys.executable, "-c", CANVAS_FLOOR, str(lines), str(fonts),
                         str(folder / "floor.pdf")],
        "import floor": [sys.executable, "-c", IMPORT_FLOOR],
        "python": [sys.executable, "-c", "pass"],
    }  # fmt: skip


def cold(repeat: int) -> dict[str, float]:
    """Median wall ms of each process, run in turn ``repeat`` times."""
    with tempfile.TemporaryDirectory() as tmp:
        runs = commands(Path(tmp))
        for command in runs.values():  # bytecode written, cache filled
            subprocess.run(command, check=True, capture_output=True, cwd=tmp, env=ENV)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(repeat):
            for name, command in runs.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True, cwd=tmp, env=ENV)
                times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def phases(repeat: int) -> list[int]:
    """Median ms of import, load_case, render and write in a new process."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-c", PHASES, str(SAMPLE), str(Path(tmp) / "out.pdf")]
        found = [
            [int(ms) for ms in subprocess.run(command, check=True, capture_output=True,
                                              text=True, env=ENV).stdout.split()]
            for _ in range(repeat)
        ]  # fmt: skip
    return [int(statistics.median(column)) for column in zip(*found, strict=True)]


def import_ms(module: str) -> float:
    """``python -X importtime -c 'import module'``: the module's cumulative import time."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                          capture_output=True, text=True, check=True, env=ENV)  # fmt: skip
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == module:
            return int(parts[1]) / 1000
    raise RuntimeError(f"no import time for {module}")


def report(repeat: int) -> str:
    times = cold(repeat)
    ours = times["ours"]
    rows = [f"cold start, median of {repeat} whole processes each (load "
            f"{' '.join(f'{v:.1f}' for v in os.getloadavg())})"]  # fmt: skip
    for name, ms in times.items():
        rows.append(f"  {name:<13} {ms:7.0f} ms   ours / this {ours / ms:5.2f}")
    rows.append(f"  target: ours ≤ 150 ms — {'met' if ours <= 150 else 'NOT met'}")
    load, read, render, write = phases(max(3, repeat // 2))
    rows.append(f"ours in a new process: import {load} ms, load_case {read} ms, "
                f"render {render} ms, write {write} ms")  # fmt: skip
    rows.append(f"import readmit_forms._cli: {import_ms('readmit_forms._cli'):.0f} ms "
                f"(python -X importtime)")  # fmt: skip
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    print(report(parser.parse_args().repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
