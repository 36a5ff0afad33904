"""The Windows version resource of ConsultDesk.exe (Explorer's Properties > Details).

Imported by consultdesk.spec on Windows only (PyInstaller's versioninfo needs pywin32 there).
"""

from __future__ import annotations

from PyInstaller.utils.win32.versioninfo import (
    FixedFileInfo,
    StringFileInfo,
    StringStruct,
    StringTable,
    VarFileInfo,
    VarStruct,
    VSVersionInfo,
)


def version_info(version: str, exe_name: str) -> VSVersionInfo:
    """Version numbers and names for one executable, from the package's ``__version__``."""
    # "0.1.0" -> (0, 1, 0, 0): Windows wants four integers.
    parts = [int(p) if p.isdigit() else 0 for p in version.split(".")[:4]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    strings = [
        StringStruct("CompanyName", "ConsultDesk developers"),
        StringStruct("FileDescription", "ConsultDesk"),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", exe_name),
        StringStruct("OriginalFilename", f"{exe_name}.exe"),
        StringStruct("ProductName", "ConsultDesk"),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[StringFileInfo([StringTable("040904B0", strings)]),
              VarFileInfo([VarStruct("Translation", [1033, 1200])])],
    )
