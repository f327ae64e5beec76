"""The CLI run in a child process with a memory cap and a timeout (bombs, devices, FIFOs).

A hang or a memory blow-up then shows as a failed test, not as a stuck test run:
the child gets ``RLIMIT_AS`` (address space) and is killed after ``timeout`` seconds.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MB = 1 << 20
LIMIT = 512 * MB  # a render of a sample needs less than 300 MB of address space


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(
    *args: str | Path, timeout: float = 60, memory: int = LIMIT, cwd: Path | None = None
) -> Run:
    """``readmit-forms ARGS`` in a child process, capped at ``memory`` bytes and ``timeout``."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "PYTHONWARNINGS": "default"}
    env.pop("READMIT_FORMS_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", "from readmit_forms._cli import entry; entry()", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=cap,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )
    return Run(done.returncode, done.stdout, done.stderr)
