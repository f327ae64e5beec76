"""Python names no agreement and no state: agreement ids and the states of the agreements
appear in ``src/`` only in comments and docstrings (citations), never in code or in a
string the code uses. The ids and states are read from the agreements themselves, so a
pack added later is covered too."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import readmit_forms as rf

SRC = Path(rf.__file__).parent


def _docstrings(tree: ast.AST) -> set[int]:
    """The string constants that are docstrings (of a module, class or function, or of an
    attribute: a bare string statement)."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def _pattern() -> re.Pattern[str]:
    names = set(rf.agreement_ids()) | {state for a in rf.agreements() for state in a.states}
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def hits(root: Path = SRC) -> Iterator[str]:
    """Each string constant of the code (not a docstring) that names an agreement or a state."""
    pattern = _pattern()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in docs:
                    continue
                for match in pattern.finditer(node.value):
                    yield f"{path.relative_to(root)}:{node.lineno}: {match.group(1)}"


def test_python_names_no_agreement_and_no_state() -> None:
    assert list(hits()) == []


def test_the_scan_finds_a_name(tmp_path: Path) -> None:
    """The scan is not blind: a state code in code is found, the same in a docstring not."""
    state = next(rf.agreements()).states[-1]
    (tmp_path / "m.py").write_text(
        f'"""Cites {state}."""\n\nSTATE = "{state}"  # {state}\n', "utf-8"
    )
    assert list(hits(tmp_path)) == [f"m.py:3: {state}"]
