"""The layout the code promises: no import cycles between the modules of `compliance/`, and the command line
on top (only `compliance/cli/` knows argparse; no stage imports a command).

The import graph is read from the source with `ast`, every import counted, also those inside functions (a
lazy import hides a cycle from Python at load time, not from a reader). Importing `a.b.c` also runs the
packages `a.b` and `a` that hold it, so it counts as importing them too, except the packages that hold the
importing module itself (Python runs those first anyway).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from .conftest import REPO

PACKAGE = REPO / "compliance"
COMMANDS = "compliance.cli"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _package_of(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def imported_names(name: str, path: Path) -> Iterator[str]:
    """Every module name an import statement anywhere in the file names (absolute, as written)."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(name, path).split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            yield stem
            yield from (f"{stem}.{alias.name}" for alias in node.names)  # `from pkg import module`


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def import_graph() -> dict[str, set[str]]:
    """Module → the modules of `compliance` it imports, with the packages that importing runs."""
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        own = {name, *_ancestors(name)}
        targets: set[str] = set()
        for imported in imported_names(name, path):
            if imported in known:
                targets |= {imported, *(a for a in _ancestors(imported) if a in known)}
        graph[name] = targets - own
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan), as a closed path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_closed_path(graph, set(c)) for c in components]


def _closed_path(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest cycle through the first module of a strongly connected component (breadth first)."""
    start = min(component)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for v in frontier:
            for w in sorted(graph[v] & component):
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if w not in previous:
                    previous[w] = v
                    following.append(w)
        frontier = following
    raise AssertionError(f"no cycle through {start}")


def test_the_graph_sees_lazy_imports_and_the_packages_an_import_runs() -> None:
    graph = import_graph()
    assert "compliance.parse.meta" in graph["compliance.parse"]  # relative, at the top
    assert "compliance.models" in graph["compliance.parse.meta"]  # two levels up
    assert "compliance.check" in graph["compliance.report.model"]  # `..check.engine` runs check/__init__
    assert "compliance.parse" not in graph["compliance.parse.structure"]  # its own package: already running
    assert "compliance.compare" in graph["compliance.cli.compare"]  # imported inside a function


def test_the_cycle_finder_reports_a_cycle_as_a_closed_path() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_of_compliance_imports_itself_through_others() -> None:
    found = cycles(import_graph())
    assert found == [], "import cycles: " + "; ".join(" → ".join(c) for c in found)


def test_only_the_command_line_knows_argparse_and_no_stage_imports_a_command() -> None:
    offenders = []
    for name, path in modules().items():
        if name == COMMANDS or name.startswith(COMMANDS + "."):
            continue
        for imported in imported_names(name, path):
            if imported in ("argparse", COMMANDS) or imported.startswith(("argparse.", COMMANDS + ".")):
                offenders.append(f"{path.relative_to(REPO)} imports {imported}")
    assert offenders == [], offenders


def test_every_module_is_at_most_500_lines_and_says_what_it_reads_and_produces() -> None:
    for name, path in modules().items():
        source = path.read_text("utf-8")
        assert source.count("\n") <= 500, f"{name}: {source.count(chr(10))} lines (split it by responsibility)"
        assert ast.get_docstring(ast.parse(source)), f"{name}: no module docstring"


def test_the_readme_architecture_names_every_module() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    for path in modules().values():
        if path.name not in ("__init__.py", "__main__.py"):
            named = re.search(rf"(?<![\w.]){re.escape(path.name)}(?!\w)", section)
            assert named, f"README Architecture omits {path.relative_to(PACKAGE)}"
