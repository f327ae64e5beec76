"""Load on the HTTP API: 20 concurrent clients, latency of validate and render, memory.

Starts ``readmit-forms serve`` on a free loopback port (this script talks to 127.0.0.1
only) over a register of its own in a temporary folder, filled with CASES cases, warms
it up, then 20 client threads send REQUESTS requests in all, each client pacing itself
to one request every PERIOD seconds on average (starting at a random moment, pausing a
random 0.5–1.5 × PERIOD), as clerks at work do, not in step: three validations to one
PDF render, every case a little different (its reference number), so nothing can be
served from a cache; one request in twenty is the case list searched by a name
(``GET /?q=…``, from the register: reported, no budget). Then a short closed loop
(every client as fast as it can) measures the throughput the server reaches.

Prints p50/p95/p99 latency per operation against its budget (p95: validate 50 ms,
render 150 ms) as a ratio, the error count, and the server's resident memory after the
warm-up and after every 1,000 requests (flat: growth under 10 %).

    .venv/bin/python benchmarks/bench_web.py [--requests 10000] [--period 0.4] [--workers N]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kz-at-family.yaml"
CLIENTS = 20
BUDGET_MS = {"validate": 50.0, "render": 150.0}
HOST = "127.0.0.1"  # loopback only: never any other address


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def rss_kib(pid: int) -> int:
    """Resident memory of the server: its process and every worker it started."""
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1])
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return total + sum(rss_kib(int(child)) for child in children)


def _template() -> str:
    data: dict[str, Any] = yaml.safe_load(SAMPLE.read_text("utf-8"))
    data["person"].pop("photo")
    data["letter"]["number"] = "BFA-2026/RÜ/@@@@@@"
    return json.dumps(data, default=str, ensure_ascii=False)


TEMPLATE = _template()


NAMES = ("Zhumabekov", "Ayana", "Nursultan", "Seitkali")


def fill_register(url: str, count: int) -> None:
    """``count`` cases in the register, each with its own surname and letter number."""
    import readmit_forms as rf

    data: dict[str, Any] = json.loads(TEMPLATE)
    with rf.Register(url) as register:
        for index in range(count):
            data["letter"]["number"] = f"BFA-2026/RÜ/{index:06d}"
            data["person"]["surnames"][0]["en"] = f"{NAMES[index % len(NAMES)]}{index}"
            register.add(data, by="bench")


def case_body(index: int) -> bytes:
    """The sample with its own reference number: no two requests alike."""
    return TEMPLATE.replace("@@@@@@", f"{index:06d}").encode()


class Client(threading.Thread):
    def __init__(self, port: int, jobs: list[int], period: float, results: list[Any]) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.jobs = jobs
        self.period = period
        self.results = results

    def run(self) -> None:
        # Clients are not in step: each starts at a random moment and pauses a random
        # time around its period (seeded: every run the same).
        pace = random.Random(self.jobs[0] if self.jobs else 0)
        if self.period:
            time.sleep(pace.uniform(0, self.period))
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        for index in self.jobs:
            kind = "render" if index % 4 == 3 else "list" if index % 20 == 1 else "validate"
            path = {
                "render": "/api/v1/render?form=readmission-request&lang=en",
                "validate": "/api/v1/validate",
                "list": f"/?q={NAMES[index % len(NAMES)]}",
            }[kind]
            body = case_body(index)
            started = time.perf_counter()
            try:
                if kind == "list":
                    connection.request("GET", path, headers={"accept": "text/html"})
                else:
                    connection.request(
                        "POST", path, body=body, headers={"content-type": "application/json"}
                    )
                answer = connection.getresponse()
                payload = answer.read()
                ok = answer.status == 200 and (kind != "render" or payload.startswith(b"%PDF"))
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
                ok = False
            elapsed = time.perf_counter() - started
            self.results.append((kind, elapsed * 1000, ok))
            if self.period:
                time.sleep(max(0.0, pace.uniform(0.5, 1.5) * self.period - elapsed))
        connection.close()


def run_load(port: int, first: int, count: int, period: float) -> list[Any]:
    results: list[Any] = []
    jobs = [list(range(first + c, first + count, CLIENTS)) for c in range(CLIENTS)]
    threads = [Client(port, share, period, results) for share in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--period", type=float, default=0.4, help="seconds per client request")
    parser.add_argument("--closed", type=int, default=1_000, help="closed-loop requests")
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument("--cases", type=int, default=300, help="cases in the register")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory(prefix="bench-web-")
    db = f"sqlite:///{Path(folder.name) / 'register.sqlite3'}"
    fill_register(db, args.cases)
    load_before = os.getloadavg()[0]
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "readmit-forms"),
            *("serve", "--port", str(port), "--workers", str(args.workers), "--db", db),
        ],
        env=env,
        stderr=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection((HOST, port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.1)
        run_load(port, 0, 400, 0.0)  # warm-up: imports, fonts, templates, holidays
        memory = [rss_kib(server.pid)]
        results: list[Any] = []
        started = time.perf_counter()
        done = 0
        while done < args.requests:
            step = min(1_000, args.requests - done)
            results += run_load(port, 1_000_000 + done, step, args.period)
            done += step
            memory.append(rss_kib(server.pid))
        wall = time.perf_counter() - started
        closed_started = time.perf_counter()
        closed = run_load(port, 9_000_000, args.closed, 0.0)
        closed_wall = time.perf_counter() - closed_started
    finally:
        server.terminate()
        server.wait(timeout=10)
        folder.cleanup()

    errors = sum(1 for _, _, ok in results + closed if not ok)
    print(
        f"machine: {os.cpu_count()} cores, load average {load_before:.1f} before and "
        f"{os.getloadavg()[0]:.1f} after (other work on the machine slows every figure)"
    )
    print(
        f"{len(results)} requests from {CLIENTS} clients to {args.workers} server process(es) "
        f"in {wall:.0f} s "
        f"({len(results) / wall:.0f}/s, one per {args.period} s per client); errors: {errors}"
    )
    verdict = True
    for kind, budget in BUDGET_MS.items():
        times = [ms for k, ms, _ in results if k == kind]
        p50, p95, p99 = (percentile(times, q) for q in (0.5, 0.95, 0.99))
        ratio = p95 / budget
        verdict &= ratio < 1
        print(
            f"  {kind:<9} n={len(times):>5}  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
            f"p99 {p99:6.1f} ms  max {max(times):6.1f} ms   p95/budget {ratio:.2f} "
            f"(budget {budget:.0f} ms)"
        )
    listed = [ms for k, ms, _ in results if k == "list"]
    print(
        f"  {'list':<9} n={len(listed):>5}  p50 {percentile(listed, 0.5):6.1f} ms  "
        f"p95 {percentile(listed, 0.95):6.1f} ms  (the case list searched, {args.cases} "
        "cases in the register; no budget)"
    )
    growth = (memory[-1] - memory[0]) / memory[0]
    print(
        f"  server memory (RSS): {memory[0] / 1024:.0f} MiB after warm-up, "
        f"{memory[-1] / 1024:.0f} MiB after {len(results)} requests "
        f"(max {max(memory) / 1024:.0f} MiB; growth {growth:+.1%}); per 1,000: "
        + ", ".join(f"{m / 1024:.0f}" for m in memory)
    )
    by_kind = {k: [ms for kk, ms, _ in closed if kk == k] for k in BUDGET_MS}
    print(
        f"  closed loop ({CLIENTS} clients, no pause): {len(closed) / closed_wall:.0f} requests/s; "
        + "; ".join(f"{k} p95 {percentile(v, 0.95):.0f} ms" for k, v in by_kind.items() if v)
    )
    verdict &= errors == 0 and growth < 0.10
    print("within budget" if verdict else "OVER BUDGET")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
