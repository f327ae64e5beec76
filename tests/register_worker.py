"""A clerk's process for the concurrency and crash tests (run as a script, not collected).

register_worker.py URL WORKER COUNT SHARED_REF      add COUNT cases and save the shared
                                                   case COUNT times, retrying conflicts
register_worker.py URL crash SHARED_REF            die (SIGKILL) in the middle of a save
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import readmit_forms as rf
from office_cases import sample_dict


def work(url: str, worker: str, count: int, shared: str) -> None:
    with rf.Register(url) as register:
        for step in range(count):
            data = sample_dict()
            data["letter"]["number"] = f"W{worker}-{step}"
            register.add(data, by=f"worker {worker}")
            while True:
                current = register.get(shared)
                assert current.case is not None
                edited = current.case.model_dump(mode="json", exclude_none=True)
                edited["notes"] = f"worker {worker} step {step}"
                try:
                    register.save(shared, edited, based_on=current.version, by=f"worker {worker}")
                    break
                except rf.VersionConflictError:
                    continue


def crash(url: str, shared: str) -> None:
    register = rf.Register(url)

    def die(*args: object, **kwargs: object) -> None:
        sys.stdout.write("mid-write\n")
        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)

    rf.Register._store_deadlines = die  # type: ignore[method-assign]
    current = register.get(shared)
    assert current.case is not None
    edited = current.case.model_dump(mode="json", exclude_none=True)
    edited["notes"] = "never saved"
    register.save(shared, edited, based_on=current.version, by="crashing clerk")


if __name__ == "__main__":
    if sys.argv[2] == "crash":
        crash(sys.argv[1], sys.argv[3])
    else:
        work(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
