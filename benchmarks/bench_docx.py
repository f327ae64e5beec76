"""DOCX rendering speed and memory: our adapter against a plain docxtpl render.

    .venv/bin/python benchmarks/bench_docx.py [--docs 1000] [--runs 60]

Both render the same bundled template with the same variables (the KZ–AT family
sample's readmission request in Russian, as a draft). "Plain docxtpl" is what the
docxtpl documentation shows: ``DocxTemplate(path).render(context); save`` for
every document (with autoescape on, as ours). Ours prepares the template once per
process and then renders only the XML parts.

Speed: warm milliseconds per document, both measured in this process, alternately.
Memory: resident set size before and after ``--docs`` documents, each renderer in a
fresh Python process of its own (this script calls itself).
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kz-at-family.yaml"


def _document():  # type: ignore[no-untyped-def]
    import readmit_forms as rf

    return rf.compose(rf.load_case(SAMPLE), "readmission-request", "ru", draft=True)


def renderers() -> dict[str, Callable[[], bytes]]:
    from docxtpl import DocxTemplate

    from readmit_forms._backends.docx import render as render_docx
    from readmit_forms._backends.docx.variables import variables

    document = _document()
    template = resources.files("readmit_forms") / "data" / "form.docx"
    path = str(template)

    def ours() -> bytes:
        return render_docx(document)

    def plain() -> bytes:
        context = variables(document).context  # the same variables, built the same way
        tpl = DocxTemplate(path)
        tpl.render(context, autoescape=True)
        out = io.BytesIO()
        tpl.save(out)
        return out.getvalue()

    return {"ours": ours, "docxtpl": plain}


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(runs: int) -> dict[str, float]:
    render = renderers()
    for fn in render.values():  # warm: template prepared, modules imported, caches filled
        for _ in range(3):
            fn()
    times: dict[str, list[float]] = {name: [] for name in render}
    for _ in range(runs):
        for name, fn in render.items():
            start = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def memory(name: str, docs: int) -> dict[str, float]:
    fn = renderers()[name]
    fn()
    gc.collect()
    before = rss_mb()
    marks = {}
    for index in range(1, docs + 1):
        fn()
        if index in (10, 100, docs // 2, docs):
            gc.collect()
            marks[index] = rss_mb()
    return {"before": before, **{str(k): v for k, v in marks.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents for the memory run")
    parser.add_argument("--runs", type=int, default=60, help="timed renders per renderer")
    parser.add_argument("--memory", choices=["ours", "docxtpl"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory:
        print(json.dumps(memory(args.memory, args.docs)))
        return 0

    sizes = {name: len(fn()) for name, fn in renderers().items()}
    result = speed(args.runs)
    print(f"warm render, median of {args.runs} (ms/document)")
    for name, ms in result.items():
        print(f"  {name:8} {ms:8.2f} ms   ({sizes[name]:,} bytes)")
    print(f"  speed-up {result['docxtpl'] / result['ours']:.1f}x")
    print(f"\nresident memory over {args.docs} documents (MB), each in a fresh process")
    for name in ("ours", "docxtpl"):
        command = [sys.executable, __file__, "--memory", name, "--docs", str(args.docs)]
        marks = json.loads(
            subprocess.run(command, check=True, capture_output=True, text=True).stdout
        )
        line = "  ".join(f"{k}: {v:6.1f}" for k, v in marks.items())
        print(f"  {name:8} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
