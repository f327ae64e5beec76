"""Bundle and sign: times and sizes, in one process and one run, as ratios to one render.

The unit is the warm median time of rendering one form (the readmission request, in
English) and that form's size; against it: the default bundle of the sample (the
applicable forms in the working language), a three-language bundle, a PAdES B-B
signature with a PKCS#12 key, a second signature (the seal), verification of both,
and extract. The key is a throwaway one made here (tests/pki.py).

    python benchmarks/bench_sign.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import readmit_forms as rf  # noqa: E402
from pki import PASSPHRASE, Pki  # noqa: E402
from readmit_forms._signing import load_certificates  # noqa: E402

SAMPLE = ROOT / "samples" / "kz-at-family.yaml"


def median_ms(work: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        pki = Pki(Path(folder))
        p12 = pki.p12("clerk", pki.issue("Айгүл Сәрсенова"))
        roots = load_certificates(pki.ca_pem.read_bytes())
        key = rf.SigningKey.from_pkcs12(p12, PASSPHRASE)
        rf.render(SAMPLE, form="readmission-request", lang="en")  # warm caches
        unit, form = median_ms(
            lambda: rf.render(SAMPLE, form="readmission-request", lang="en"), repeat
        )
        rows: list[tuple[str, float, int | None]] = [("render one form (unit)", unit, len(form))]
        t, default = median_ms(lambda: rf.bundle(SAMPLE), repeat)
        rows.append(("bundle, applicable forms, en", t, len(default)))
        t, three = median_ms(lambda: rf.bundle(SAMPLE, langs=["kk", "ru", "en"]), repeat)
        rows.append(("bundle, applicable forms, kk+ru+en", t, len(three)))
        t, signed = median_ms(lambda: rf.sign(default, key), repeat)
        rows.append(("sign the bundle (PAdES B-B, PKCS#12)", t, len(signed) - len(default)))
        t, sealed = median_ms(lambda: rf.sign(signed, key, field="seal"), repeat)
        rows.append(("sign again (seal)", t, len(sealed) - len(signed)))
        t, result = median_ms(lambda: rf.verify(sealed, trust=roots), repeat)
        assert result.ok
        rows.append(("verify both signatures", t, None))
        t, _ = median_ms(lambda: rf.extract(sealed), repeat)
        rows.append(("extract the case", t, None))
    print(f"{'':40} {'ms':>8} {'× render':>9} {'bytes':>9} {'× form':>7}")
    for name, ms, size in rows:
        sized = f"{size:>9} {size / len(form):>7.2f}" if size is not None else ""
        print(f"{name:40} {ms:8.1f} {ms / unit:9.2f} {sized}")
    print("(sizes of the signing rows: the bytes the signature adds)")


if __name__ == "__main__":
    main()
