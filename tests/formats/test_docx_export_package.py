"""The export package loads python-docx only when a name that needs it is used (PEP 562)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True, timeout=60).stdout.strip()


def test_the_options_and_errors_come_without_python_docx() -> None:
    out = _run("import sys\n"
               "from consultdesk.formats.docx_export import ExportOptions, OverLimitError, "
               "TemplateError, ExportResult, Unanswered\n"
               "print('docx' in sys.modules, 'lxml' in sys.modules)")
    assert out == "False False"


def test_every_public_name_resolves_to_its_definition() -> None:
    import consultdesk.formats.docx_export as package
    from consultdesk.formats.docx_export import export, outcome

    assert set(package.__all__) == set(package._WHERE)
    for name in package.__all__:
        assert getattr(package, name) is not None, name
    assert package.render_document is export.render_document
    # The errors are one class wherever they are imported from.
    assert export.OverLimitError is outcome.OverLimitError is package.OverLimitError
    assert set(package.__all__) <= set(dir(package))


def test_an_unknown_name_is_an_attribute_error() -> None:
    import consultdesk.formats.docx_export as package

    with pytest.raises(AttributeError, match="no_such_thing"):
        package.no_such_thing  # noqa: B018 (the look-up is the test)
