"""The worst case the schema accepts: time and peak memory of loading, validating and
rendering it, against a sample case, in one run.

The worst case (``tests/worst_case.py``) has every list at its schema maximum
(``MAX_ITEMS``: 30 children, 60 documents, 60 pieces of evidence, …) and every
text at its maximum length (500 characters a line, 20,000 a free text) — about
5.3 MB of text, passed as a mapping (as a file it would exceed the 5 MB limit).
Each measurement runs in a fresh child process, so its peak resident memory
(``ru_maxrss``) is its own.

    python benchmarks/bench_worst_case.py [--lang en] [--agreement kz-at|…|all]

Prints, per agreement, form and format: seconds, the ratio to the same job on the
agreement's sample case, the peak memory in MB and the output size; then the slowest
job and the highest peak.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {tests!r})
import readmit_forms as rf
from worst_case import worst_case
job = json.loads(sys.argv[1])
data = worst_case(job["agreement"], tuple(job["states"])) if job["worst"] else job["sample"]
start = time.perf_counter()
case = rf.load_case(data)
loaded = time.perf_counter()
rf.validate(case, job["form"])
checked = time.perf_counter()
out = rf.render(case, form=job["form"], lang=job["lang"], format=job["format"], draft=True)
done = time.perf_counter()
print(json.dumps({{
    "load": loaded - start, "validate": checked - loaded, "render": done - checked,
    "total": done - start, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "bytes": len(out),
}}))
"""

STATES = {
    "kz-at": ("AT", "KZ"),
    "kz-by": ("KZ", "BY"),
    "kz-hu": ("HU", "KZ"),
    "kz-fr": ("FR", "KZ"),
}
SAMPLE = {"kz-at": "kz-at-family.yaml", "kz-by": "kz-by-family.yaml",
          "kz-hu": "kz-hu-overstay.yaml", "kz-fr": "kz-fr-lyon.yaml"}  # fmt: skip


def measure(job: dict[str, object]) -> dict[str, float]:
    code = CHILD.format(tests=str(ROOT / "tests"))
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(job)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreement", default="all", choices=[*sorted(STATES), "all"])
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()

    import readmit_forms as rf

    print(f"{'agreement':<10}{'form':<22}{'format':<7}{'worst s':>8}{'sample s':>9}{'ratio':>7}"
          f"{'peak MB':>9}{'sample MB':>10}{'out MB':>8}")  # fmt: skip
    worst_total = worst_peak = 0.0
    chosen = sorted(STATES) if args.agreement == "all" else [args.agreement]
    for agreement in chosen:
        sample = str(ROOT / "samples" / SAMPLE[agreement])
        for form in rf.get_agreement(agreement).form_ids:
            for fmt in ("pdf", "docx", "html"):
                job = {"agreement": agreement, "states": STATES[agreement], "form": form,
                       "lang": args.lang, "format": fmt, "sample": sample}  # fmt: skip
                worst = measure({**job, "worst": True})
                base = measure({**job, "worst": False})
                worst_total = max(worst_total, worst["total"])
                worst_peak = max(worst_peak, worst["rss_mb"])
                print(
                    f"{agreement:<10}{form:<22}{fmt:<7}{worst['total']:>8.2f}"
                    f"{base['total']:>9.2f}{worst['total'] / base['total']:>7.1f}"
                    f"{worst['rss_mb']:>9.0f}{base['rss_mb']:>10.0f}{worst['bytes'] / 1e6:>8.2f}"
                )
    print(f"slowest job: {worst_total:.2f} s; highest peak memory: {worst_peak:.0f} MB")


if __name__ == "__main__":
    main()
