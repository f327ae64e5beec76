"""The public API is the package root, and only that."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import readmit_forms


def test_all_is_sorted_and_complete() -> None:
    names = readmit_forms.__all__

    def group(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert list(names) == sorted(names, key=group)
    public = {n for n in dir(readmit_forms) if not n.startswith("_")} - {"annotations"}
    assert public == set(names) - {"__version__"}


def test_every_exported_error_derives_from_the_base() -> None:
    for name in readmit_forms.__all__:
        obj = getattr(readmit_forms, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, readmit_forms.ReadmitFormsError), name


def test_usage_errors_carry_value_and_allowed() -> None:
    try:
        readmit_forms.get_agreement("kz-xx")
    except readmit_forms.UnknownAgreementError as exc:
        assert exc.value == "kz-xx"
        assert exc.allowed == ("kz-at", "kz-by", "kz-fr", "kz-hu")
    else:  # pragma: no cover
        raise AssertionError("no error")


def test_the_package_docstring_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example at the top of the package is true (Babel runs its docstrings too)."""
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = doctest.testmod(readmit_forms, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted >= 6
    assert result.failed == 0
