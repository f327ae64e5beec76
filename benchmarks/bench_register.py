"""The case register at scale: 100,000 cases with their deadlines, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_register.py [--cases 100000] [--postgresql URL]

Prints, for each database:

- ``add``: `Register.add` of one case (validation, version, subjects, deadlines, one
  transaction), median and 95th percentile, at 0, half and all of the cases, each time in
  turn with an add to an empty register — the ratio of the two is the growth (flat ≈ 1),
  and stays true on a machine that others load;
- ``due --within 7d``: `Register.due(within=7)` (the query and the typed results), and
  the whole ``readmit-forms due --within 7d`` command as a clerk runs it (a new process:
  interpreter start and imports included); the target is 200 ms.

The register is filled in bulk (one transaction per 5,000 cases) with the rows
`Register.add` writes — the version, its data subjects and its open deadlines, computed
by the library for each case — from the bundled samples, their dates shifted over a year
so that the deadlines spread as in a real office. Without ``--postgresql`` a private
PostgreSQL server is started (Debian's ``postgresql`` package, as for the tests).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import readmit_forms as rf  # noqa: E402
from readmit_forms._deadlines import schedule  # noqa: E402
from readmit_forms._register._changes import people  # noqa: E402
from readmit_forms._register._schema import (  # noqa: E402
    CaseRow,
    DeadlineRow,
    SubjectRow,
    VersionRow,
)

SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(T.*)?$")
BASE_DAY = dt.date(2026, 11, 16)
NOW = dt.datetime(2026, 11, 16, 9, 0, tzinfo=dt.UTC)
BATCH = 5_000


def _shift(value: Any, days: int) -> Any:
    if isinstance(value, dict):
        return {k: _shift(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, days) for v in value]
    if isinstance(value, str):
        match = DATE.match(value)
        if match:
            day = dt.date.fromisoformat(match.group(1)) + dt.timedelta(days=days)
            return day.isoformat() + (match.group(2) or "")
    return value


def _templates() -> list[dict[str, Any]]:
    found = []
    for path in SAMPLES:
        data = yaml.safe_load(path.read_text("utf-8"))
        if "photo" in data.get("person", {}):
            data["person"]["photo"] = str(path.parent / data["person"]["photo"])
        found.append(data)
    return found


def _rows(first_id: int, count: int, templates: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """What `Register.add` stores for each case, computed by the library, in bulk form."""
    cache: dict[tuple[int, int], tuple[dict[str, Any], list[Any], list[Any]]] = {}
    for offset in range(count):
        case_id = first_id + offset
        template, days = case_id % len(templates), (case_id * 7919) % 365 - 120
        if (template, days) not in cache:
            case = rf.load_case(_shift(templates[template], days))
            data = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
            due = [i for i in schedule(case).items if i.due is not None and i.done_on is None]
            cache[(template, days)] = (data, people(case), due)
        data, persons, due = cache[(template, days)]
        yield {
            "case": {
                "ref": f"{data['agreement'].upper()}-2026-B{case_id:07d}",
                "agreement": data["agreement"],
                "state": "draft",
                "version": 1,
                "created_at": NOW,
                "updated_at": NOW,
            },
            "version": {
                "case_id": case_id,
                "number": 1,
                "state": "draft",
                "saved_at": NOW,
                "saved_by": "bench",
                "changes": ["*"],
                "data": data,
            },
            "subjects": [
                {"case_id": case_id, "role": p.role, "names": p.tokens, "born": p.born}
                for p in persons
            ],
            "deadlines": [
                {
                    "case_id": case_id,
                    "version": 1,
                    "deadline": item.id,
                    "due": item.due,
                    "due_time": item.due_time,
                    "actor": item.actor,
                    "actor_state": item.actor_state,
                    "optional": item.optional,
                }
                for item in due
            ],
        }


def fill(register: rf.Register, start: int, count: int, templates: list[dict[str, Any]]) -> None:
    engine = register._engine
    done = 0
    while done < count:
        batch = list(_rows(start + done, min(BATCH, count - done), templates))
        with Session(engine) as session, session.begin():
            ids = session.scalars(
                insert(CaseRow).returning(CaseRow.id, sort_by_parameter_order=True),
                [r["case"] for r in batch],
            ).all()
            for row, case_id in zip(batch, ids, strict=True):
                for part in (row["version"], *row["subjects"], *row["deadlines"]):
                    part["case_id"] = case_id
            session.execute(insert(VersionRow), [r["version"] for r in batch])
            session.execute(insert(SubjectRow), [s for r in batch for s in r["subjects"]])
            session.execute(insert(DeadlineRow), [d for r in batch for d in r["deadlines"]])
        done += len(batch)
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            # Bulk loading leaves the planner without statistics; autovacuum would gather
            # them within a minute on a live server.
            connection.execute(text("ANALYZE"))
            connection.commit()


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, 95th percentile) in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def side_by_side(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """Wall times (ms) of two calls taken in turn, so that both see the same machine load."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for call, into in ((first, a), (second, b)):
            start = time.perf_counter()
            call()
            into.append((time.perf_counter() - start) * 1000)
    return sorted(a), sorted(b)


def _p95(times: list[float]) -> float:
    return times[min(len(times) - 1, int(len(times) * 0.95))]


def run(name: str, url: str, empty_url: str, total: int) -> None:
    templates = _templates()
    sample = ROOT / "samples" / "kz-at-family.yaml"
    register = rf.Register(url, clock=lambda: NOW)
    empty = rf.Register(empty_url, clock=lambda: NOW)
    print(f"\n{name}: {total:,} cases")
    print("  add one case, in turn with an add to an empty register (the ratio is the growth):")
    print(f"  {'cases':>9}  {'median':>9}  {'p95':>9}  {'empty median':>12}  {'ratio':>5}  load")
    filled = 0
    for size in sorted({0, total // 2, total}):
        start = time.perf_counter()
        if size > filled:
            fill(register, filled, size - filled, templates)
            filled = size
        load = time.perf_counter() - start
        big, small = side_by_side(
            lambda: register.add(sample, by="bench"), lambda: empty.add(sample, by="bench"), 40
        )
        ratio = statistics.median(big) / statistics.median(small)
        print(
            f"  {size:>9,}  {statistics.median(big):>6.1f} ms  {_p95(big):>6.1f} ms  "
            f"{statistics.median(small):>9.1f} ms  {ratio:>5.2f}  {load:.0f} s"
        )
    today = BASE_DAY + dt.timedelta(days=40)
    count = len(register.due(within=7, today=today))
    median, p95 = timed(lambda: register.due(within=7, today=today), 30)
    print(
        f"  Register.due(within=7): {count:,} open deadlines; {median:.1f} ms median, "
        f"{p95:.1f} ms p95 — {median / 200:.2f} of the 200 ms target"
    )
    late = len(register.due(overdue=True, today=today))
    median_o, _ = timed(lambda: register.due(overdue=True, today=today), 5)
    print(f"  Register.due(overdue=True): {late:,} open deadlines; {median_o:.1f} ms median")
    command = [
        str(Path(sys.executable).parent / "readmit-forms"),
        "due",
        "--within",
        "7d",
        "--today",
        today.isoformat(),
        "--db",
        url,
    ]
    subprocess.run(command, check=True, capture_output=True)  # warm the file cache
    median_c, _ = timed(lambda: subprocess.run(command, check=True, capture_output=True), 5)
    parser = [sys.executable, "-c", "import readmit_forms._cli as c; c.build_parser()"]
    median_p, _ = timed(lambda: subprocess.run(parser, check=True), 5)
    print(
        f"  readmit-forms due --within 7d, a new process: {median_c:.0f} ms median "
        f"(of which starting Python and building the command line: {median_p:.0f} ms)"
    )
    register.close()
    empty.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument(
        "--postgresql", metavar="URL", help="an empty database to use (and URL_empty beside it)"
    )
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    print(__doc__.split("\n\n")[0])
    with tempfile.TemporaryDirectory() as folder:
        if args.only != "postgresql":
            run(
                "SQLite",
                f"sqlite:///{folder}/register.sqlite3",
                f"sqlite:///{folder}/empty.sqlite3",
                args.cases,
            )
    if args.only == "sqlite":
        return
    if args.postgresql:
        run("PostgreSQL", args.postgresql, args.postgresql + "_empty", args.cases)
        return
    from registers import PostgresServer, _admin, _bin_dir

    bin_dir = _bin_dir()
    if bin_dir is None:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql), or give --postgresql")
    server = PostgresServer(bin_dir)
    try:
        base = server.start()
        _admin(base, "CREATE DATABASE bench")
        _admin(base, "CREATE DATABASE bench_empty")
        run("PostgreSQL", f"{base}bench", f"{base}bench_empty", args.cases)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
