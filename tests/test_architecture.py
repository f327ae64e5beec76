"""The architecture ARCHITECTURE.md draws, kept true: imports go one way, and no cycle.

The import graph is computed from the source (every ``import`` of the package, at the
top of a module, inside a function, or under ``TYPE_CHECKING``), as the review of
December 2026 computed it by hand.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import readmit_forms

PACKAGE = Path(readmit_forms.__file__).resolve().parent
NAME = "readmit_forms"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {
    _module_name(path): path
    for path in sorted(PACKAGE.rglob("*.py"))
    if "migrations" not in path.parts  # Alembic's scripts, run by Alembic
}


def _is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def _target(importer: str, level: int, module: str | None) -> str:
    """The absolute name of what ``from <level dots><module> import ...`` names."""
    base = importer.split(".")
    if not _is_package(importer):
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *(module.split(".") if module else [])])


def _imports(module: str) -> Iterator[str]:
    """Every module of the package that ``module`` imports, wherever the import stands."""
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names if alias.name.startswith(NAME)]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and not (node.module or "").startswith(NAME):
                continue
            source = node.module if node.level == 0 else _target(module, node.level, node.module)
            assert source is not None
            # ``from P import x``: the module P.x if x is one, else P for its attribute x
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                names.append(sub if sub in MODULES else source)
            if not module.startswith(source + "."):
                names.append(source)  # P itself runs first (unless it is the importer's own)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_import_module":
            continue  # the lazy names of the package root: see test_lazy_names_are_modules
        for name in names:
            if name in MODULES and name != module:
                yield name
                # importing a.b.c runs a.b first: an edge, unless the importer is inside a.b
                parts = name.split(".")
                for depth in range(2, len(parts)):
                    parent = ".".join(parts[:depth])
                    if parent in MODULES and not module.startswith(parent + "."):
                        yield parent


GRAPH: dict[str, set[str]] = {module: set(_imports(module)) for module in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_sees_every_kind_of_import() -> None:
    """The graph holds deferred and TYPE_CHECKING imports too (else the test proves little)."""
    assert f"{NAME}._backends" in GRAPH[f"{NAME}._register._cases"]  # inside a function
    assert f"{NAME}._register._schema" in GRAPH[f"{NAME}._register._results"]  # TYPE_CHECKING


def test_no_import_cycle() -> None:
    assert _cycles(GRAPH) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_lazy_names_are_modules() -> None:
    """The names the package root loads on first use come from modules of the package."""
    lazy = readmit_forms._LAZY  # type: ignore[attr-defined]
    for name, (module, _) in lazy.items():
        assert f"{NAME}{module}" in MODULES, name


def test_lazy_names_are_the_type_checkers_names() -> None:
    """The root's table of names loaded on first use says what its TYPE_CHECKING imports say,
    and together with the errors they are the whole public API (``__all__``)."""
    tree = ast.parse(MODULES[NAME].read_text("utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If))
    imported = {
        alias.asname or alias.name: (f".{node.module}", alias.name)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == readmit_forms._LAZY  # type: ignore[attr-defined]
    eager = {name for name in readmit_forms.__all__ if name.endswith("Error")}
    assert set(readmit_forms.__all__) == set(imported) | eager | {"Lang", "__version__"}
    for name in readmit_forms.__all__:
        assert getattr(readmit_forms, name) is not None, name


# -- imports go one way ---------------------------------------------------------------------

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "leaves",
        (
            "_version",
            "_errors",
            "_lang",
            "_files",
            "_kazakh",
            "_charset",
            "_text",
            "_cache",
            "_yaml",
        ),
    ),
    ("names", ("_vocabulary", "_format", "_calendars", "_paths", "_packs")),
    (
        "model",
        (
            "_agreements",
            "_templates",
            "_citations",
            "_photo",
            "_case",
            "_loading",
            "_saving",
            "_structure",
            "_document",
            "_presentation",
            "_findings",
        ),
    ),
    ("domain", ("_category", "_evidence", "_deadlines", "_deadline_text", "_languages")),
    ("rules", ("_rules", "_validate")),
    ("compose", ("_values", "_compose")),
    ("backends", ("_backends",)),
    (
        "outputs",
        (
            "_render",
            "_proof",
            "_template_check",
            "_pack_check",
            "_signing",
            "_bundle",
            "_fillable",
            "_register",
            "_guard",
        ),
    ),
    ("api", ("",)),
    ("web", ("_web",)),
    ("cli", ("_cli",)),
)
"""The package's layers, lowest first (ARCHITECTURE.md): a module imports only from its own
layer or the layers below it."""


def _layer(module: str) -> int:
    rest = module.removeprefix(NAME).removeprefix(".")
    top = rest.split(".")[0]
    for number, (_, tops) in enumerate(LAYERS):
        if top in tops:
            return number
    raise AssertionError(f"{module} is in no layer of LAYERS (add it, and to ARCHITECTURE.md)")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    upward = sorted(
        target for target in GRAPH[module] if _layer(target) > _layer(module) and target != NAME
    )
    assert not upward, f"{module} ({LAYERS[_layer(module)][0]}) imports {upward}"


def test_the_cli_uses_the_public_api_only() -> None:
    """The command line is a client of the library: it imports the package root (and the
    file primitives — reading an input file as case files are read, never replacing a
    signed PDF — and the YAML reader of its ``commands.yaml``), and the web front end for
    ``serve``; never an implementation."""
    allowed = {NAME, f"{NAME}._files", f"{NAME}._guard", f"{NAME}._yaml"}
    for module in MODULES:
        if not module.startswith(f"{NAME}._cli"):
            continue
        outside = {
            t for t in GRAPH[module] if not t.startswith((f"{NAME}._cli", f"{NAME}._web"))
        } - allowed
        assert not outside, f"{module} imports {sorted(outside)}"


def test_architecture_md_lists_the_layers() -> None:
    """ARCHITECTURE.md's table of layers is LAYERS: the document stays true."""
    import re

    text = (Path(__file__).resolve().parent.parent / "ARCHITECTURE.md").read_text("utf-8")
    table = text.split("## Layers", 1)[1].split("\n## ", 1)[0]
    documented: set[str] = set()
    for line in table.splitlines():
        if line.startswith("| ") and not line.startswith(("| layer", "|---")):
            documented |= {m.rstrip("/") for m in re.findall(r"`(_[a-z_]+/?)`", line.split("|")[2])}
    listed = {top or "__init__" for _, tops in LAYERS for top in tops}
    assert documented == listed
