"""No import circle in custseg: read from the source, so a circle is found before it bites.

Python can run a circle of imports only while no module of it uses a name of another before
that one has finished loading; it breaks as soon as someone moves a line. Every ``import`` and
``from ... import`` of every module is read with :mod:`ast`: those run when the module loads
(the module's own body, also inside ``if`` and ``try``, but not ``if TYPE_CHECKING:``) and,
separately, also those inside functions and classes, which run later but tie the two modules
together the same way. Importing a module first sets up its parent packages, so a module
importing its own parent package is no circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import custseg

ROOT = Path(custseg.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts}


def _type_checking(test: ast.expr) -> bool:
    return getattr(test, "id", getattr(test, "attr", None)) == "TYPE_CHECKING"


def _imports(body: list[ast.stmt], *, deferred: bool) -> list[ast.Import | ast.ImportFrom]:
    """The import statements of a module body; with ``deferred``, also those in functions."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _type_checking(node.test):
                found += _imports(node.body, deferred=deferred)
            found += _imports(node.orelse, deferred=deferred)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                found += _imports(block, deferred=deferred)
        elif isinstance(node, ast.With | ast.For | ast.While):
            found += _imports(node.body, deferred=deferred)
        elif deferred and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found += _imports(node.body, deferred=deferred)
    return found


def _targets(name: str, node: ast.Import | ast.ImportFrom, package: bool) -> set[str]:
    """The custseg modules an import statement of module ``name`` loads."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names} & MODULES.keys()
    base = node.module or ""
    if node.level:
        anchor = name if package else name.rpartition(".")[0]
        for _ in range(node.level - 1):
            anchor = anchor.rpartition(".")[0]
        base = f"{anchor}.{base}" if base else anchor
    found = {f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names}
    return found & MODULES.keys()


def import_graph(*, deferred: bool = False) -> dict[str, set[str]]:
    """Module -> the custseg modules it imports (its own parent packages left out)."""
    graph = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = path.name == "__init__.py"
        graph[name] = {
            target
            for node in _imports(tree.body, deferred=deferred)
            for target in _targets(name, node, package)
            if target != name and not name.startswith(f"{target}.")
        }
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of two or more modules that import each other, directly or round a loop
    (the strongly connected components, Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_graph_reads_every_module_and_its_imports():
    graph = import_graph()
    assert {"custseg", "custseg.rfm", "custseg.exercises.problem", "custseg.widgets.rfm"} <= set(
        graph
    )
    assert "custseg.errors" in graph["custseg.rfm"]
    assert "custseg.exercises.display" in graph["custseg.exercises.problem"]
    assert "custseg.widgets.live" in graph["custseg.widgets.rfm"]
    assert "custseg.widgets" not in graph["custseg.widgets.rfm"]  # its parent package


def test_a_circle_is_found_however_long_and_a_chain_is_not():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


@pytest.mark.parametrize("deferred", [False, True], ids=["at load", "also inside functions"])
def test_no_module_of_custseg_is_part_of_an_import_circle(deferred):
    assert circles(import_graph(deferred=deferred)) == []
