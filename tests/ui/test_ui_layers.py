"""The ui package talks to services only: no SQL library is imported by any ui module."""

from __future__ import annotations

import ast
from pathlib import Path

import consultdesk.ui

UI = Path(consultdesk.ui.__file__).parent
SQL = ("sqlmodel", "sqlalchemy", "sqlite3", "consultdesk.storage.tables")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_ui_module_imports_sql() -> None:
    offenders = [
        f"{path.relative_to(UI)}: {name}"
        for path in UI.rglob("*.py")
        for name in _imports(path)
        if name.startswith(SQL)
    ]
    assert offenders == []


def test_ui_files_stay_small() -> None:
    big = [f"{p.relative_to(UI)} ({n})" for p in UI.rglob("*.py")
           if (n := len(p.read_text("utf-8").splitlines())) > 500]
    assert big == []
