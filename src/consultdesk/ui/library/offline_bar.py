"""The library's bar while ConsultDesk works on the local copy of a team database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from consultdesk.ui.notice_panel import NoticeSheet


class OfflineBar(QFrame):
    """Says that the server is away and these are the copies kept here; offers to connect."""

    #: the user asked to connect to the server again
    reconnect_requested = Signal()

    def __init__(self, server: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBar")
        self.label = QLabel(self.tr(
            "Offline — the team database %1 cannot be reached. These are the responses last "
            "opened on this computer; what you type is kept here and sent when ConsultDesk "
            "connects again.").replace("%1", server))
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("&Connect again"))
        self.button.clicked.connect(self.reconnect_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        # As the response window's banner: noticeable but calm, on light and dark palettes
        # (and after a switch between them).
        NoticeSheet(self, lambda background, text, border: (
            f"QFrame#offlineBar {{ background: {background}; color: {text}; "
            f"border: 1px solid {border}; border-radius: 4px; }}"
            f"QFrame#offlineBar QLabel {{ color: {text}; }}"))

    def connecting(self) -> None:
        """A try to connect has started (in the background)."""
        self.button.setEnabled(False)
        self.label.setText(self.tr("Connecting to the team database…"))

    def show_failure(self, message: str) -> None:
        """A try to connect failed: say why, in the bar."""
        self.button.setEnabled(True)
        self.label.setText(self.tr("Still offline: %1").replace("%1", message))


def offline_bar_for(context: Any) -> OfflineBar | None:
    """The bar for a context working on the local copy (None when connected, or solo)."""
    if context.offline and context.outbox is not None:
        return OfflineBar(context.outbox.server)
    return None


def with_bar(bar: OfflineBar | None, content: QWidget) -> QWidget:
    """``content`` with the bar above it (``content`` itself when there is no bar)."""
    if bar is None:
        return content
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(10, 8, 10, 0)
    column.addWidget(bar)
    column.addWidget(content, 1)
    return central
