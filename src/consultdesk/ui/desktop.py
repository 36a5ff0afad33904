"""Handing files to the desktop: open a document in its program, show it in its folder."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices


def open_file(path: Path) -> bool:
    """Open a file in the program the desktop uses for it (Word, a PDF reader...)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> bool:
    """Show the file's folder with the file selected where the platform can (Explorer,
    Finder, a freedesktop file manager); else just open the folder."""
    path = Path(path).absolute()
    if sys.platform == "win32":
        # explorer.exe exits 1 even when it worked: starting it is all we can check.
        return QProcess.startDetached("explorer.exe", [f"/select,{path}"])
    if sys.platform == "darwin":
        return QProcess.startDetached("open", ["-R", str(path)])
    if _show_items_over_dbus(path):
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def _show_items_over_dbus(path: Path) -> bool:
    """org.freedesktop.FileManager1.ShowItems: GNOME Files, Dolphin, Nemo, Caja select it."""
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    manager = QDBusInterface("org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                             "org.freedesktop.FileManager1", bus)
    if not manager.isValid():
        return False
    reply = manager.call("ShowItems", [QUrl.fromLocalFile(str(path)).toString()], "")
    return not reply.errorName()
