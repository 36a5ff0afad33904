"""The message an unexpected error shows: the user's language in the text, the technical
details (the exception, the traceback, the log file) in the box's Details for support."""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.ui.errors import error_text


def crash_parent() -> QWidget | None:
    """The window to show the box over: the active one if it is still on screen.

    An error raised while a window closes leaves that window active but hidden, and
    deleted a moment later; a box parented to it went with it before the user saw it.
    """
    window = QApplication.activeWindow()
    return window if window is not None and window.isVisible() else None


def technical_details(kind: type[BaseException], error: BaseException,
                      tb: TracebackType | None) -> str:
    """What support needs: the exception and where it was raised (the log holds the same)."""
    return "".join(traceback.format_exception(kind, error, tb)).rstrip()


def crash_box(parent: QWidget | None, kind: type[BaseException], error: BaseException,
              tb: TracebackType | None, log: Path | None, title: str) -> QMessageBox:
    """The warning box for an error nothing else handled (not shown yet).

    The text says what happened in the user's language (a ConsultDesk error its own
    translated message); the informative text where the details were written; the
    exception's type, English text and traceback only in Details, which the user can
    copy for support.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", QMessageBox.StandardButton.Ok,
                      parent)
    if isinstance(error, ConsultDeskError):
        box.setText(error_text(error))
    else:
        box.setText(QCoreApplication.translate(
            "CrashDialog", "Something went wrong, and ConsultDesk could not finish what it "
            "was doing. Your answers are saved as you type."))
    box.setDetailedText(technical_details(kind, error, tb))
    # The button that shows the details, named as Qt labels it in this language.
    button = _details_button(box)
    if log is not None:
        box.setInformativeText(QCoreApplication.translate(
            "CrashDialog", "If it happens again, send your support the details (under “%2”) "
            "or the file %1.").replace("%1", str(log)).replace("%2", button))
    else:
        box.setInformativeText(QCoreApplication.translate(
            "CrashDialog", "If it happens again, send your support the details "
            "(under “%1”).").replace("%1", button))
    return box


def terminal_line(kind: type[BaseException], error: BaseException, log: Path | None) -> str:
    """The one English line on stderr (for whoever started the app from a terminal)."""
    where = f"; the details are in {log}" if log else ""
    return f"unexpected error: {kind.__name__}: {error}{where}"


def _details_button(box: QMessageBox) -> str:
    """The label of the box's "Show Details..." button, without its dots."""
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.ActionRole:
            return button.text().replace("&", "").rstrip(".…")
    return "Show Details"
