"""YAML loading with bounded work: the one loader of YAML, user-written (rules, eval cases, meta.yaml) or
shipped (the vocabularies of `compliance/vocab/`).

Reads YAML text (or a file's bytes) and produces plain Python data, with PyYAML's C loader where it is
installed (the pure-Python loader reads the vocabularies a check needs ten times slower, at every start). The node graph is composed first and measured before anything is built: aliases share nodes,
so a "billion laughs" document is small as a graph but huge once expanded (by a validator, a JSON dump);
a document whose expanded size or nesting depth passes the budget is refused with a `MarkedYAMLError`
naming its line, which every caller already reports as `file:line: not valid YAML: …`. A file that is not
UTF-8 is a `ComplianceError` naming the line of the first bad byte.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import ComplianceError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Far above any hand-written file (the largest shipped rule file expands to under 20,000 nodes), far below
# what exhausts memory.
MAX_NODES = 2_000_000
MAX_DEPTH = 64


class BudgetExceeded(yaml.MarkedYAMLError):
    """A document that expands past `MAX_NODES` nodes or nests deeper than `MAX_DEPTH`."""


def _measure(root: yaml.Node) -> None:
    """Refuse a node graph too large once aliases are expanded, or too deep; iterative, so depth is free."""
    size: dict[int, int] = {}  # expanded size of each node already measured (aliases reuse it)
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if depth > MAX_DEPTH:
            raise BudgetExceeded(problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=node.start_mark)
        children = _children(node)
        if done:
            total = 1 + sum(size[id(c)] for c in children)
            if total > MAX_NODES:
                raise BudgetExceeded(
                    problem=f"expands to more than {MAX_NODES:,} values (aliases repeated too often)",
                    problem_mark=node.start_mark,
                )
            size[id(node)] = total
        elif id(node) not in size:
            stack.append((node, depth, True))
            stack.extend((c, depth + 1, False) for c in children if id(c) not in size)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


_BUILT = {f"tag:yaml.org,2002:{t}" for t in ("timestamp", "int", "float")}  # scalars whose building can fail


def _first_bad(node: yaml.Node) -> yaml.Mark:
    """The mark of the first scalar PyYAML cannot build (a date that is none, a 5,000-digit number), else the
    document's."""
    builder = yaml.SafeLoader("")
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.tag in _BUILT:
            try:
                builder.construct_object(current)
            except (ValueError, OverflowError):
                return current.start_mark
        stack.extend(reversed(_children(current)))
    return node.start_mark


def load(text: str) -> Any:
    """The one document of `text` as Python data (None when empty), within the budget."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _measure(node)
        try:
            return loader.construct_document(node)
        except (ValueError, OverflowError) as exc:  # "2020-02-30": PyYAML builds the date and fails
            raise yaml.MarkedYAMLError(problem=f"impossible value ({exc})", problem_mark=_first_bad(node)) from None
    finally:
        loader.dispose()


def read_text(path: Path) -> str:
    """A YAML file's text; bytes that are not UTF-8 are a `ComplianceError` at their line."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ComplianceError("not UTF-8 text (a YAML file must be UTF-8)", file=str(path), line=line) from None


def load_vocabulary(name: str) -> Any:
    """A vocabulary shipped in `compliance/vocab/` (`name` such as "kinds.yaml") as Python data.

    This program's own files: read without the budget, which guards against what a user writes."""
    return yaml.load(resources.files("compliance").joinpath(f"vocab/{name}").read_text("utf-8"), Loader=_LOADER)
