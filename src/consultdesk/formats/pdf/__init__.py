"""PDF from an exported Word document: Microsoft Word where installed, else LibreOffice.

The PDF is the same document as the .docx (``formats.docx_export`` builds it); this
package only hands it to a word processor that can print it to PDF:

- Windows: Word through COM (``word_to_pdf.ps1``, run by PowerShell);
- macOS: Word through AppleScript (``word_to_pdf.applescript``, run by ``osascript``);
- anywhere: LibreOffice ``soffice --headless --convert-to pdf``, with a private profile
  folder so it works while the user has LibreOffice open (a second soffice on the same
  profile would hand the job to the running one and return at once, with no file).

When neither is there, :class:`PdfUnavailableError` says what to install.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from consultdesk.domain.files import os_reason
from consultdesk.formats.docx_export.writer import ExportError, write_atomically

HERE = Path(__file__).resolve().parent
#: How long one conversion may take (a first LibreOffice start builds its profile).
TIMEOUT_S = 180
#: Set to "libreoffice", "word" or "none" to choose the converter (tests, support).
CONVERTER_ENV = "CONSULTDESK_PDF_CONVERTER"


class PdfUnavailableError(ExportError):
    """Neither Microsoft Word nor LibreOffice is installed: no way to make a PDF."""


class PdfConversionError(ExportError):
    """The word processor was found but did not produce the PDF."""


@dataclass(frozen=True, slots=True)
class Converter:
    """A way to turn a .docx into a PDF: its name for messages and how to run it."""

    name: str
    convert: Callable[[Path, Path], None]  # (source .docx, target .pdf in the same folder)


def _child_env() -> dict[str, str]:
    """The environment for another program: in the frozen app on Linux, without the
    bundle's library path (LibreOffice must load its own libraries, not ours)."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False) and "LD_LIBRARY_PATH" in env:
        original = env.pop("LD_LIBRARY_PATH_ORIG", None)  # what PyInstaller replaced
        if original:
            env["LD_LIBRARY_PATH"] = original
        else:
            del env["LD_LIBRARY_PATH"]
    return env


def _run(cmd: list[str], name: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a converter process; its failure becomes a PdfConversionError."""
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S,
                              stdin=subprocess.DEVNULL, env=_child_env(),
                              **kwargs)  # type: ignore[call-overload]
    except subprocess.TimeoutExpired:
        raise PdfConversionError(
            "{name} did not finish converting to PDF within {seconds} seconds. Nothing was "
            "written; export to Word (.docx) and save it as PDF there.",
            name=name, seconds=TIMEOUT_S) from None
    except OSError as exc:
        raise PdfConversionError(
            "{name} could not be started: {reason}. Nothing was written.",
            name=name, reason=os_reason(exc)) from None
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout or "").split())[-300:]
        raise PdfConversionError(
            "{name} could not convert the document to PDF{detail}. Nothing was written.",
            name=name, detail=': ' + detail if detail else '')
    return done


# -- LibreOffice ------------------------------------------------------------------------
def find_soffice() -> Path | None:
    """LibreOffice's ``soffice`` program: on PATH, or where its installers put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    if sys.platform == "win32":
        roots = [os.environ.get(v, "") for v in ("ProgramFiles", "ProgramFiles(x86)")]
        patterns = [str(Path(r) / "LibreOffice*" / "program" / "soffice.exe") for r in roots if r]
    elif sys.platform == "darwin":
        patterns = ["/Applications/LibreOffice*.app/Contents/MacOS/soffice",
                    str(Path.home() / "Applications/LibreOffice*.app/Contents/MacOS/soffice")]
    else:
        patterns = ["/opt/libreoffice*/program/soffice"]
    for pattern in patterns:
        hits = sorted(glob.glob(pattern))
        if hits:
            return Path(hits[-1])
    return None


def _libreoffice(soffice: Path) -> Converter:
    def convert(source: Path, target: Path) -> None:
        with tempfile.TemporaryDirectory(prefix="consultdesk-lo-") as profile:
            _run([str(soffice), f"-env:UserInstallation={Path(profile).as_uri()}",
                  "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf",
                  "--outdir", str(target.parent), str(source)], "LibreOffice")
        produced = target.parent / (source.stem + ".pdf")
        if not produced.is_file():
            raise PdfConversionError("LibreOffice finished without writing the PDF. "
                                     "Nothing was written.")
        if produced != target:
            produced.replace(target)
    return Converter("LibreOffice", convert)


# -- Microsoft Word -----------------------------------------------------------------------
def _word_on_windows() -> bool:
    """Word is registered for automation (its COM class exists)."""
    if sys.platform != "win32":
        return False
    import winreg

    try:
        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"))
    except OSError:
        return False
    return True


def _word_windows() -> Converter:
    def convert(source: Path, target: Path) -> None:
        _run(["powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
              "-File", str(HERE / "word_to_pdf.ps1"), str(source), str(target)],
             "Microsoft Word",
             creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    return Converter("Microsoft Word", convert)


def _word_app_on_macos() -> Path | None:
    if sys.platform != "darwin":
        return None
    for folder in (Path("/Applications"), Path.home() / "Applications"):
        if (folder / "Microsoft Word.app").is_dir():
            return folder / "Microsoft Word.app"
    return None


def _word_macos() -> Converter:
    def convert(source: Path, target: Path) -> None:
        # Word is sandboxed: inside its own container it reads and writes without asking.
        container = Path.home() / "Library/Containers/com.microsoft.Word/Data/tmp"
        container.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="consultdesk-", dir=container) as work:
            inside = Path(work) / source.name
            shutil.copyfile(source, inside)
            out = Path(work) / target.name
            _run(["osascript", str(HERE / "word_to_pdf.applescript"), str(inside), str(out)],
                 "Microsoft Word")
            if not out.is_file():
                raise PdfConversionError("Microsoft Word finished without writing the PDF. "
                                         "Nothing was written.")
            shutil.move(str(out), target)
    return Converter("Microsoft Word", convert)


def find_converter() -> Converter:
    """Word where it is installed, else LibreOffice; PdfUnavailableError if neither."""
    wanted = os.environ.get(CONVERTER_ENV, "").strip().lower()
    if wanted in ("", "word"):
        if _word_on_windows():
            return _word_windows()
        if _word_app_on_macos() is not None:
            return _word_macos()
    if wanted in ("", "libreoffice", "word"):
        soffice = find_soffice()
        if soffice is not None:
            return _libreoffice(soffice)
    raise PdfUnavailableError(
        "Saving a PDF needs Microsoft Word or LibreOffice, and neither was found on this "
        "computer. Install LibreOffice (free, from libreoffice.org) or ask your IT "
        "department for it, or export to Word (.docx) instead. Nothing was written.")


def is_pdf(path: Path) -> bool:
    """True when the file name asks for a PDF."""
    return Path(path).suffix.lower() == ".pdf"


def export_pdf(target: Path, write_docx: Callable[[Path], object]) -> object:
    """Write a PDF at ``target`` from the .docx that ``write_docx(path)`` writes.

    The converter is found first, so a missing one fails before any work; the .docx
    and the PDF are made in a private temporary folder, and the PDF appears at
    ``target`` whole or not at all. Returns what ``write_docx`` returned.
    """
    target = Path(target).expanduser().absolute()
    if target.is_dir():
        raise ExportError(
            "{target} is a folder; choose a file name ending in .pdf.",
            target=target)
    if not target.parent.is_dir():
        raise ExportError(
            "The folder {parent} does not exist; choose another place.",
            parent=target.parent)
    converter = find_converter()
    with tempfile.TemporaryDirectory(prefix="consultdesk-pdf-") as work:
        docx_path = Path(work) / (target.stem[:80] + ".docx")
        result = write_docx(docx_path)
        pdf_path = Path(work) / (target.stem[:80] + ".pdf")
        converter.convert(docx_path, pdf_path)
        data = pdf_path.read_bytes()
        if not data.startswith(b"%PDF"):
            raise PdfConversionError(
                "{name} wrote something that is not a PDF. Nothing was written.",
                name=converter.name)
        write_atomically(target, lambda stream: stream.write(data))
    return result
