#!/usr/bin/env python3
"""Build the UI translations: ``resources/translations/*.ts`` -> ``*.qm`` (pyside6-lrelease).

    python scripts/build_translations.py            # compile every .ts next to itself
    python scripts/build_translations.py --out DIR  # compile into DIR (the tests compare)
    python scripts/build_translations.py --update   # re-extract strings from the UI sources

``--update`` runs pyside6-lupdate over every file of ``src/consultdesk/ui``: new strings
appear unfinished in ``consultdesk_ja.ts`` for a translator to fill in (Qt Linguist, or
any XML editor); ``consultdesk_en.ts`` holds only the English plural forms.
Both tools ship with PySide6; the .qm files are committed, so a plain checkout and a
wheel carry them, and a test checks they match their .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
UI_SOURCES = ROOT / "src" / "consultdesk" / "ui"
#: Languages with a full translation (English needs only its plural forms).
FULL = ("ja",)


def tool(name: str) -> str:
    """The path of a PySide6 tool (next to this Python first, then on PATH)."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (it ships the Qt translation tools)")
    return found


def ui_sources() -> list[Path]:
    """Every Python file of the UI, in a stable order."""
    return sorted(p for p in UI_SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def update() -> None:
    """Re-extract the translatable strings into the .ts files (keeping translations)."""
    sources = [str(p.relative_to(ROOT)) for p in ui_sources()]
    for lang in FULL:
        ts = TRANSLATIONS / f"consultdesk_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete",
                        "-target-language", lang, *sources, "-ts",
                        str(ts.relative_to(ROOT))], check=True, cwd=ROOT)
    subprocess.run([tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete",
                    "-pluralonly", "-target-language", "en", *sources, "-ts",
                    str((TRANSLATIONS / "consultdesk_en.ts").relative_to(ROOT))],
                   check=True, cwd=ROOT)


def build(out: Path | None = None) -> list[Path]:
    """Compile every .ts into a .qm (in ``out``, or next to it); the .qm paths."""
    made: list[Path] = []
    for ts in sorted(TRANSLATIONS.glob("consultdesk_*.ts")):
        qm = (out or ts.parent) / ts.with_suffix(".qm").name
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                       check=True)
        made.append(qm)
    return made


def main(argv: list[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="re-extract strings first")
    parser.add_argument("--out", type=Path, help="write the .qm files here")
    args = parser.parse_args(argv)
    if args.update:
        update()
    for qm in build(args.out):
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
