"""Opens the windows the library leads to: response windows and the import review.

Both are built by other parts of the UI; they are imported when first needed so
the library keeps working (and says so) in a build that lacks one of them.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.context import Services
from consultdesk.services.errors import UnreadableResponseError
from consultdesk.ui.errors import error_text, show_error

RESPONSE_WINDOW_MODULE = "consultdesk.ui.response_window"
IMPORT_REVIEW_MODULE = "consultdesk.ui.import_review"


def _load(module: str, name: str) -> Any | None:
    """``module.name``, or None when that module is not part of this build."""
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        # Only the module itself being absent is tolerated; a broken import inside it is a bug.
        if exc.name != module:
            raise
        return None


class ResponseWindows(QObject):
    """One window per open response: opening an open one brings it to the front."""

    closed = Signal(str)  # response id

    def __init__(self, context: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._windows: dict[str, QWidget] = {}
        self._gone = False
        self.destroyed.connect(lambda *_: self._going())

    def open(self, response_id: str, parent: QWidget | None = None) -> QWidget | None:
        """Show the response's window (None, after telling the user, if it cannot open)."""
        window = self._windows.get(response_id)
        if window is not None:
            _bring_to_front(window)
            return window
        window_class = _load(RESPONSE_WINDOW_MODULE, "ResponseWindow")
        if window_class is None:
            QMessageBox.information(parent, self.tr("Open response"), self.tr(
                "This build of ConsultDesk cannot edit responses yet."))
            return None
        try:
            window = window_class(self._context, response_id)
        except UnreadableResponseError as exc:
            QMessageBox.warning(parent, self.tr("Open response"), self.tr(
                "This response cannot be read, so it cannot be opened. The other responses "
                "are not affected.") + "\n\n" + error_text(exc))
            return None
        except ConsultDeskError as exc:
            show_error(parent, self.tr("Open response"), exc)
            return None
        self._windows[response_id] = window
        window.destroyed.connect(lambda *_: self._forget(response_id))
        # Qt only emits `destroyed` if the window is deleted on close.
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.show()
        _bring_to_front(window)
        return window

    def _forget(self, response_id: str) -> None:
        self._windows.pop(response_id, None)
        if not self._gone:
            self.closed.emit(response_id)

    def _going(self) -> None:
        # Ctrl+C closes every window at once: this object (with the library) may be
        # deleted before a response window is, whose `destroyed` still reaches _forget.
        self._gone = True

    def is_open(self, response_id: str) -> bool:
        """Whether a window on ``response_id`` is open."""
        return response_id in self._windows

    def window(self, response_id: str) -> QWidget | None:
        """The open window on ``response_id``, if any."""
        return self._windows.get(response_id)

    def close(self, response_id: str) -> None:
        """Close the window on ``response_id`` (it saves as it closes)."""
        window = self._windows.get(response_id)
        if window is not None:
            window.close()

    def close_all(self) -> bool:
        """Close every response window; False if one refused to close."""
        # all() stops at the first window that refuses, as the user expects.
        return all(window.close() for window in list(self._windows.values()))


def review_and_install(parent: QWidget, context: Services, path: Path) -> Any | None:
    """Let the user review an imported questionnaire file and install it (None if not)."""
    review = _load(IMPORT_REVIEW_MODULE, "review_and_install")
    if review is not None:
        return review(parent, context, path)
    # Without the review window, a definition file (.toml) can still be installed as it is.
    title = QCoreApplication.translate("Library", "Import questionnaire")
    if path.suffix.lower() != ".toml":
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "Library",
            "This build of ConsultDesk can only install questionnaire definition files (.toml)."))
        return None
    try:
        return context.catalog.add_file(path)
    except ConsultDeskError as exc:
        show_error(parent, title, exc)
        return None


def _bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
