"""Batch rendering: ``readmit-forms render`` over many cases, one worker against several.

    .venv/bin/python benchmarks/bench_batch.py [--docs 1000] [--jobs 2] [--memory-docs 10000]

Makes ``--docs`` case files (the KZ–AT family sample, each with its own surname and
reference, so no two documents are alike), renders each one's readmission request in
English with ``--jobs 1`` and with ``--jobs N``, alternately, as whole processes, and
prints the wall times and their ratio. Then renders ``--memory-docs`` documents with
``--jobs N`` while sampling the resident memory of every worker process (from /proc),
and prints the largest worker's RSS at each tenth of the run: it should stay flat.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kz-at-family.yaml"
EXE = Path(sys.executable).with_name("readmit-forms")


def make_cases(folder: Path, count: int) -> list[Path]:
    """``count`` case files, each a different person (surname) and reference."""
    shutil.copytree(ROOT / "samples" / "photos", folder / "photos", dirs_exist_ok=True)
    text = SAMPLE.read_text("utf-8")
    paths = []
    for index in range(count):
        path = folder / f"case-{index:05d}.yaml"
        changed = text.replace("Жұмабеков", f"Жұмабеков{_letters(index)}")
        path.write_text(changed.replace("004517", f"{index:06d}"), "utf-8")
        paths.append(path)
    return paths


def _letters(index: int) -> str:
    alphabet = "абвгдежзиклмнопрстуфхцчшщэюя"
    word = ""
    while True:
        index, rest = divmod(index, len(alphabet))
        word += alphabet[rest]
        if not index:
            return word


def _command(cases: list[Path], out: Path, jobs: int) -> list[str]:
    return [str(EXE), "render", *map(str, cases), "--form", "readmission-request",
            "--lang", "en", "--draft", "-o", str(out), "--jobs", str(jobs), "--quiet"]  # fmt: skip


def timed(cases: list[Path], out: Path, jobs: int) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(_command(cases, out, jobs), check=True)
    return time.perf_counter() - start


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
        found: list[int] = []
        for task in tasks:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found += [int(p) for p in handle.read().split()]
        return found
    except OSError:
        return []


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def memory(cases: list[Path], out: Path, jobs: int) -> tuple[float, list[tuple[float, float]]]:
    """Wall time and (seconds, largest worker RSS in MB) samples of one batch run."""
    shutil.rmtree(out, ignore_errors=True)
    samples: list[tuple[float, float]] = []
    start = time.perf_counter()
    process = subprocess.Popen(_command(cases, out, jobs))
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.25):
            workers = _children(process.pid)
            if workers:
                samples.append((time.perf_counter() - start, max(map(_rss_mb, workers))))

    sampler = threading.Thread(target=sample)
    sampler.start()
    process.wait()
    stop.set()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"the batch failed ({process.returncode})")
    return time.perf_counter() - start, samples


def speed_up(batch: list[Path], out: Path, jobs: int, runs: int) -> None:
    one, many = [], []
    for _ in range(runs):  # alternately, so that the machine's load hits both
        one.append(timed(batch, out, 1))
        many.append(timed(batch, out, jobs))
    a, b = statistics.median(one), statistics.median(many)
    print(f"{len(batch)} documents, median of {runs} whole runs (load {_load()})")
    print(f"  --jobs 1        {a:7.2f} s   {len(batch) / a:6.0f} documents/s")
    print(f"  --jobs {jobs:<8} {b:7.2f} s   {len(batch) / b:6.0f} documents/s")
    print(f"  speed-up {a / b:.2f}x on {jobs} workers (target ≥ 1.8x on 2 cores)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each")
    parser.add_argument("--memory-docs", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = make_cases(folder / "cases", max(args.docs, args.memory_docs))
        if args.docs:
            speed_up(cases[: args.docs], folder / "out", args.jobs, args.runs)
        if args.memory_docs:
            wall, samples = memory(cases[: args.memory_docs], folder / "out", args.jobs)
            print(f"\n{args.memory_docs} documents with --jobs {args.jobs}: {wall:.1f} s, "
                  f"{args.memory_docs / wall:.0f} documents/s")  # fmt: skip
            print("  largest worker RSS (MB) at each tenth of the run:")
            tenths = [max((m for t, m in samples if t <= wall * k / 10), default=0.0)
                      for k in range(1, 11)]  # fmt: skip
            print("  " + " ".join(f"{m:5.1f}" for m in tenths))
            print(f"  peak {max(m for _, m in samples):.1f} MB (target < 100 MB)")
    return 0


def _load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
