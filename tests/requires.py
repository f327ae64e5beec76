"""Parts of the machine that some tests need: LibreOffice, Chromium, SoftHSM2, PostgreSQL.

A test that needs such a part calls :func:`require`. Where the part is missing, the test
is skipped and says which part and how to get it — except in CI: ``.ci/run`` installs
every part from Debian's packages and sets ``READMIT_FORMS_CI=1``, and there a missing
part fails the test instead of skipping it, so nothing is skipped silently.
"""

from __future__ import annotations

import os
import shutil

import pytest

IN_CI = os.environ.get("READMIT_FORMS_CI") == "1"


def require(found: object, part: str, how: str) -> None:
    """Skip (in CI: fail) unless ``found`` is truthy; ``part`` names it, ``how`` installs it."""
    if found:
        return
    message = f"{part} is not available here ({how})"
    if IN_CI:
        pytest.fail(f"{message}; .ci/run installs it, so in CI this is a failure", pytrace=False)
    pytest.skip(message)


def require_program(*names: str, package: str) -> str:
    """The path of the first of ``names`` on PATH, or skip/fail naming the Debian ``package``."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    require(False, "/".join(names), f"apt-get install {package}")
    raise AssertionError("unreachable")  # pragma: no cover
