#!/usr/bin/env python3
"""List the error message templates raised in domain, storage, services and formats.

    python scripts/error_templates.py          # one template per line
    python scripts/error_templates.py --ts     # the <message> entries missing from
                                               # consultdesk_ja.ts (context "errors")

The ui translates these through Qt (context ``errors``); tests/ui/test_error_translations.py
checks every one has a Japanese translation.  The same reader is used by that test.
"""

from __future__ import annotations

import ast
import builtins
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "consultdesk"
#: The layers whose errors reach the user through the ui.
LAYERS = ("domain", "storage", "services", "formats")
_BUILTIN = {name for name in dir(builtins) if name.endswith("Error")}


def _is_error_call(node: ast.Call) -> bool:
    """A call that builds an error or a message: ``SomethingError(...)``, ``Message(...)``,
    or a factory passed in as ``error``/``too_large_error``."""
    func = node.func
    if isinstance(func, ast.BoolOp):  # (too_large_error or error)(...)
        return True
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    if name in _BUILTIN:
        return False  # programming errors and pydantic validators: not shown as they are
    return name.endswith("Error") or name in ("Message", "error", "too_large_error")


def _is_super_init(node: ast.Call) -> bool:
    """``super().__init__(...)``."""
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr == "__init__"
            and isinstance(func.value, ast.Call) and getattr(func.value.func, "id", "") == "super")


def templates_in(path: Path) -> Iterator[tuple[int, str | None]]:
    """(line, template) for each error built in a file; template None for an f-string."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    # ``super().__init__("template", ...)`` inside an error class builds an error too.
    in_errors = {id(call) for cls in ast.walk(tree) if isinstance(cls, ast.ClassDef)
                 and any(getattr(b, "id", getattr(b, "attr", "")).endswith("Error")
                         for b in cls.bases)
                 for call in ast.walk(cls) if isinstance(call, ast.Call) and _is_super_init(call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and (_is_error_call(node)
                                                         or id(node) in in_errors):
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value
            elif isinstance(first, ast.JoinedStr) or (
                    isinstance(first, ast.IfExp)
                    and isinstance(first.body, ast.JoinedStr | ast.Constant)):
                yield node.lineno, None  # an f-string, or one chosen by a condition


def sources() -> list[Path]:
    """The Python files of the translated layers."""
    return sorted(p for layer in LAYERS for p in (PACKAGE / layer).rglob("*.py"))


def all_templates() -> dict[str, str]:
    """Every template -> where it is first raised (``file:line``)."""
    found: dict[str, str] = {}
    for path in sources():
        for line, template in templates_in(path):
            if template and template.strip():
                found.setdefault(template, f"{path.relative_to(ROOT)}:{line}")
    return found


def main() -> int:
    """Print the templates (or .ts entries for those not yet translated)."""
    templates = all_templates()
    if "--ts" not in sys.argv:
        for template in templates:
            print(template)
        return 0
    ts = (ROOT / "resources" / "translations" / "consultdesk_ja.ts").read_text("utf-8")
    for template in templates:
        if f"<source>{escape(template)}</source>" not in ts:
            print(f"        <message>\n            <source>{escape(template)}</source>\n"
                  f"            <translation type=\"unfinished\"></translation>\n"
                  f"        </message>")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
