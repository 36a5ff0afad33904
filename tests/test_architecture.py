"""The architecture, enforced: which layer may import which, and no import cycles at all.

Read statically with ``ast`` over every module of ``src/consultdesk``, counting every
import statement wherever it is (module level, inside functions, under
``TYPE_CHECKING``): an import deferred into a function is still a dependency.
ARCHITECTURE.md explains the layers.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import consultdesk

SRC = Path(consultdesk.__file__).resolve().parent.parent
PACKAGE = "consultdesk"


@dataclass(frozen=True)
class Import:
    """One imported name as written in a module (resolved to an absolute module name)."""

    module: str  # the importing module
    target: str  # the imported module (or ``package.module`` for ``from package import x``)
    line: int


def module_name(path: Path) -> str:
    """``src/consultdesk/ui/i18n.py`` -> ``consultdesk.ui.i18n`` (a package: its name)."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in (SRC / PACKAGE).rglob("*.py")}


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    """The absolute module a ``from ... import`` names (relative imports resolved)."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str) -> Iterator[Import]:
    """Every import in a module, with ``from pkg import sub`` resolved to ``pkg.sub``."""
    path = MODULES[module]
    tree = ast.parse(path.read_text("utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, node, path.name == "__init__.py")
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                yield Import(module, sub if sub in MODULES else target, node.lineno)


def graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports."""
    return {m: {i.target for i in imports_of(m) if i.target in MODULES and i.target != m}
            for m in MODULES}


def strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module (the cycles)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
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
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(edges)))
    try:
        for v in sorted(edges):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    # The check itself must be able to fail.
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(edges) == [["a", "b", "c"]]
    assert strongly_connected({"a": {"b"}, "b": set()}) == []


def test_the_import_reader_sees_imports_inside_functions() -> None:
    # cli.main imports its command modules inside a function, on purpose (start-up time).
    targets = {i.target for i in imports_of("consultdesk.cli.main")}
    assert "consultdesk.cli.gui_commands" in targets


def test_no_import_cycles() -> None:
    cycles = strongly_connected(graph())
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


def layer(module: str) -> str:
    """The layer of one of our modules: ``domain``, ``ui``, ... (``consultdesk`` for the root)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else PACKAGE


#: For each layer, the layers of ours it may import ("consultdesk" is the package's own
#: ``__init__``, i.e. ``__version__``).  Nothing else is allowed.
ALLOWED: dict[str, set[str]] = {
    "domain": {"domain"},
    "paths": set(),
    PACKAGE: set(),
    "storage": {"storage", "domain"},
    "formats": {"formats", "domain", "paths"},
    "services": {"services", "storage", "formats", "domain", "paths", PACKAGE},
    "ui": {"ui", "services", "domain"},
    "app_context": {"services", "storage", "domain", "paths", PACKAGE},
    # The composition root's light half: the writer lock before the ORM loads.
    "launcher": {"app_context", "services", "storage", "domain", "paths", PACKAGE},
    "cli": {"cli", "services", "domain", "app_context", "launcher", "paths", PACKAGE, "ui"},
    "__main__": {"cli"},
}


def test_every_layer_is_known() -> None:
    assert {layer(m) for m in MODULES} <= set(ALLOWED)


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_each_layer_imports_only_what_it_may(name: str) -> None:
    bad = [f"{i.module}:{i.line} imports {i.target}"
           for m in MODULES if layer(m) == name
           for i in imports_of(m)
           if i.target.split(".")[0] == PACKAGE and layer(i.target) not in ALLOWED[name]]
    assert bad == []


def test_the_cli_starts_the_gui_only_from_its_gui_command() -> None:
    # The cli may reach the ui only to start the desktop app.
    bad = [f"{i.module}:{i.line} imports {i.target}"
           for m in MODULES if layer(m) == "cli" and m != "consultdesk.cli.gui_commands"
           for i in imports_of(m) if layer(i.target) == "ui"]
    assert bad == []


def test_the_ui_uses_only_qt_and_the_standard_library_from_outside() -> None:
    bad = [f"{i.module}:{i.line} imports {i.target}"
           for m in MODULES if layer(m) == "ui"
           for i in imports_of(m)
           if (top := i.target.split(".")[0]) not in (PACKAGE, "PySide6", "__future__")
           and top not in sys.stdlib_module_names]
    assert bad == []
