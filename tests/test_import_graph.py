"""No import loops anywhere in the package: each module can be understood from the
ones it imports, and importing any one of them alone works.

Every ``import``, also inside functions, counts: an import put off until a function
runs is still a dependency. Importing ``a.b.c`` loads the packages ``a`` and ``a.b``
first; that alone is not a dependency on what those packages define, so it is counted
only when a name other than a submodule is taken from a package.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("timeline.site", "timeline.imports", "timeline.media", "timeline.model")


def modules() -> dict[str, Path]:
    found = {}
    for path in (ROOT / "timeline").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            submodules = {f"{base}.{a.name}" for a in node.names} & known.keys()
            out |= submodules
            if base in known and len(submodules) < len(node.names):
                out.add(base)  # a name the package itself defines
    out.discard(name)
    return out


def graph() -> nx.DiGraph:
    known = modules()
    g = nx.DiGraph()
    for name, path in known.items():
        g.add_node(name)
        g.add_edges_from((name, other) for other in imports_of(name, path, known))
    return g


def test_no_import_loops_in_the_site_and_the_importer() -> None:
    g = graph()
    ours = [n for n in g if n.startswith(CHECKED)]
    assert "timeline.site.chart" in ours and "timeline.imports.merge" in ours
    loops = [c for c in nx.simple_cycles(g.subgraph(nx.descendants(g, "timeline.site") | set(ours)))
             if any(n.startswith(CHECKED) for n in c)]  # fmt: skip
    assert loops == []


def test_no_import_loops_anywhere() -> None:
    g = graph()
    assert "timeline.extract.stages" in g and "timeline.temporal.tagger" in g
    assert list(nx.simple_cycles(g)) == []


def test_the_chart_does_not_depend_on_the_pages_it_serves() -> None:
    g = graph()
    assert "timeline.site.chart" not in nx.descendants(g, "timeline.site.context")
    assert "timeline.site.pages" not in nx.descendants(g, "timeline.site.chart")


@pytest.mark.parametrize(
    "name",
    [
        "timeline.site.chart",
        "timeline.site.context",
        "timeline.imports.merge",
        "timeline.extract.lexicon",
        "timeline.extract.forms",
        "timeline.extract.stages",
        "timeline.temporal.tagger",
    ],
)
def test_each_module_imports_alone(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", f"import {name}"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert importlib.import_module(name)
