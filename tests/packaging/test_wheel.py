"""A wheel carries templates/ and resources/, and paths.py finds them from the install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    [built] = out.glob("consultdesk-*.whl")
    return built


def test_wheel_contains_bundled_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "consultdesk/_data/templates/questionnaires/ohchr-civic-space-2021.toml" in names
    assert any(n.startswith("consultdesk/_data/resources/") for n in names)
    assert "consultdesk/paths.py" in names


def test_installed_package_finds_its_templates_outside_the_source_tree(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "from consultdesk.paths import templates_dir, resources_dir;"
        "print(templates_dir()); print(resources_dir())"
    )
    # -I: isolated mode, so neither the source tree nor the editable install is on sys.path.
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    )
    templates, resources = out.stdout.split()
    assert Path(templates) == site / "consultdesk" / "_data" / "templates"
    assert Path(resources) == site / "consultdesk" / "_data" / "resources"
