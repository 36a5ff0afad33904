"""The Linux packages: a .deb built from the frozen app with dpkg-deb, then taken apart and
run; the AppImage recipe is checked for what it puts in the AppDir (appimagetool itself is
in no package registry this project can use, so the AppImage is only built by the release
workflow)."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consultdesk import __version__

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800),
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux packages")]


@pytest.fixture(scope="module")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert shutil.which("dpkg-deb"), "dpkg-deb is part of every Debian system"
    out = tmp_path_factory.mktemp("deb")
    # gzip: xz takes minutes for 200 MB on a busy two-core machine (the release uses xz).
    built = subprocess.run(["bash", str(ROOT / "packaging" / "linux" / "build_deb.sh"),
                            str(bundle), str(out)], capture_output=True, text=True, check=True,
                           env={**os.environ, "DEB_COMPRESSION": "gzip"})
    return Path(built.stdout.strip().splitlines()[-1])


def test_deb_names_the_package_its_version_and_what_it_needs(deb: Path) -> None:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert deb.name == f"consultdesk_{__version__}_{arch}.deb"
    fields = {name: subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True,
                                   text=True, check=True).stdout.strip()
              for name in ("Package", "Version", "Architecture", "Depends", "Recommends",
                           "Installed-Size")}
    assert fields["Package"] == "consultdesk" and fields["Version"] == __version__
    assert fields["Architecture"] == arch
    assert "libxkbcommon0" in fields["Depends"] and "libreoffice-writer" in fields["Recommends"]
    assert int(fields["Installed-Size"]) > 50_000  # kB: the whole bundle is in it


def test_deb_installs_a_command_a_menu_entry_and_an_icon_that_work(
        deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    assert "root/root" in listing and "./opt/consultdesk/ConsultDesk" in listing
    wrapper = (root / "usr" / "bin" / "consultdesk").read_text()
    assert 'exec /opt/consultdesk/ConsultDesk "$@"' in wrapper
    assert os.access(root / "usr" / "bin" / "consultdesk", os.X_OK)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(root / "usr" / "share" / "applications" / "consultdesk.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "consultdesk" and desktop["Icon"] == "consultdesk"
    assert desktop["Type"] == "Application" and "Office" in desktop["Categories"]
    assert (root / "usr/share/icons/hicolor/scalable/apps/consultdesk.svg").is_file()
    # The program as installed, moved to where the package puts it (no root needed).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run([str(root / "opt" / "consultdesk" / "ConsultDesk"), "--data-dir",
                           str(tmp_path / "data"), "questionnaires", "--json"],
                          env={**env, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "ohchr-civic-space-2021" in done.stdout


def test_appimage_recipe_builds_an_appdir_around_the_bundle(bundle: Path,
                                                            tmp_path: Path) -> None:
    """Run the recipe with a stand-in for appimagetool that keeps the AppDir it is given."""
    tool = tmp_path / "appimagetool"
    tool.write_text('#!/bin/sh\nwhile [ "$1" != "${1#-}" ]; do shift; done\n'
                    f'cp -a "$1" {tmp_path}/kept.AppDir && touch "$2"\n')
    tool.chmod(0o755)
    subprocess.run(["bash", str(ROOT / "packaging" / "linux" / "build_appimage.sh"),
                    str(bundle), str(tmp_path / "out")],
                   env={**os.environ, "APPIMAGETOOL": str(tool)}, check=True,
                   capture_output=True)
    appdir = tmp_path / "kept.AppDir"
    for name in ("AppRun", "consultdesk.desktop", "consultdesk.svg",
                 "usr/consultdesk/ConsultDesk"):
        assert (appdir / name).exists(), name
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run([str(appdir / "AppRun"), "--version"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == f"consultdesk {__version__}"
