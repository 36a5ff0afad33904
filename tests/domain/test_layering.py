"""The domain is pure Python: it never imports Qt or SQL, not even indirectly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import consultdesk.domain

DOMAIN = Path(consultdesk.domain.__file__).parent
FORBIDDEN = ("PySide6", "sqlmodel", "sqlalchemy", "docx")


def test_no_forbidden_import_statements() -> None:
    for path in DOMAIN.rglob("*.py"):
        for line in path.read_text("utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                module = stripped.split()[1]
                assert not module.startswith(FORBIDDEN), f"{path.name}: {stripped}"


def test_importing_the_domain_loads_no_qt_or_sql() -> None:
    modules = [f"consultdesk.domain.{p.stem}" for p in DOMAIN.glob("*.py") if p.stem != "__init__"]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
