"""Every module of the package imports, and no two of its modules import each other, directly
or round a longer loop: each layer and each module reads from the bottom up (see
docs/architecture.md). An import inside a function counts as much as one at the top (it runs
the same module, only later); one under `if TYPE_CHECKING:` does not (it never runs)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import followup

PACKAGE = Path(followup.__file__).parent
ROOT = PACKAGE.parent
LAZY_MODULE = "LazyModule"  # followup.lazy_import: a module named by a string, loaded later

# Cycles known outside the GUI, each to be taken out by the work on its package. A new cycle
# fails the test, and so does one of these once it is gone (so the entry goes too).
KNOWN_CYCLES: set[frozenset[str]] = set()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_nodes(tree: ast.AST):
    """Every node that can run: the bodies of `if TYPE_CHECKING:` are left out."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                stack.extend(child.orelse)
            else:
                stack.append(child)


def _from_base(name: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    package = package[:len(package) - (node.level - 1)]
    return ".".join(package + ([node.module] if node.module else []))


def imports_of(name: str, path: Path) -> set[str]:
    """The package's modules that module `name` (at `path`) imports, read from its source."""
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _from_base(name, path, node)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id == LAZY_MODULE and node.args
              and isinstance(node.args[0], ast.Constant)):
            found.add(str(node.args[0].value))
    return {module for module in found if module in MODULES and module != name}


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan), each a cycle or more."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.add(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(frozenset(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_graph_reader_finds_a_cycle_where_there_is_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [frozenset({"a", "b", "c"})]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_an_import_in_a_function_counts_and_one_for_type_checking_does_not(tmp_path):
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from followup.store.inputs import PersonSpec\n"
        "def later():\n    from followup.gui import search_dialog\n"
        "fu = LazyModule('followup.store.followups')\n", encoding="utf-8")
    assert imports_of("followup.probe", source) == {
        "followup.gui", "followup.gui.search_dialog", "followup.store.followups"}


def test_no_module_of_the_package_is_in_an_import_cycle():
    graph = {name: imports_of(name, path) for name, path in MODULES.items()}
    found = set(cycles(graph))
    assert found - KNOWN_CYCLES == set(), "modules that import each other"
    assert KNOWN_CYCLES - found == set(), "a known cycle is gone: take it out of KNOWN_CYCLES"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_imports(name):
    importlib.import_module(name)
