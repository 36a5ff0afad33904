"""What the library shows before there is any response: an invitation to start one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services.records import QuestionnaireInfo

#: The bundled questionnaire a first-time user is invited to answer.
WELCOME_QUESTIONNAIRE = "ohchr-civic-space-2021"


class EmptyState(QWidget):
    """A centred card inviting the user to answer the bundled OHCHR consultation."""

    start_requested = Signal(str)  # questionnaire id
    new_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._questionnaire_id = WELCOME_QUESTIONNAIRE

        self.heading = QLabel(self.tr("Welcome to ConsultDesk"))
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)

        self.body = QLabel(self.tr(
            "Draft your answers to questionnaires from international bodies, see every "
            "limit as you type, and export a Word document ready to submit. Your drafts "
            "stay on this computer."))
        self.body.setWordWrap(True)

        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.TextFormat.PlainText)
        self.consultation = QLabel()
        self.consultation.setWordWrap(True)
        self.consultation.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.consultation.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self.consultation.setFont(bold)
        self.issuer = QLabel()
        self.issuer.setWordWrap(True)
        self.issuer.setTextFormat(Qt.TextFormat.PlainText)
        self.issuer.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.start_button = QPushButton(self.tr("Start a response to this consultation"))
        self.start_button.setDefault(True)
        self.start_button.setAutoDefault(True)
        self.start_button.setMinimumHeight(36)
        self._make_primary(self.start_button)
        self.start_button.clicked.connect(
            lambda: self.start_requested.emit(self._questionnaire_id))

        self.new_button = QPushButton(self.tr("Another questionnaire…"))
        self.new_button.clicked.connect(self.new_requested)
        self.import_button = QPushButton(self.tr("Import a questionnaire file…"))
        self.import_button.clicked.connect(self.import_requested)

        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        # The card stands out from the window like a sheet of paper.
        card.setBackgroundRole(QPalette.ColorRole.Base)
        card.setAutoFillBackground(True)
        card.setMaximumWidth(620)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        inner.addWidget(self.heading)
        inner.addWidget(self.body)
        inner.addSpacing(6)
        inner.addWidget(self.suggestion)
        named = QVBoxLayout()
        named.setSpacing(2)
        named.addWidget(self.consultation)
        named.addWidget(self.issuer)
        inner.addLayout(named)
        inner.addSpacing(4)
        inner.addWidget(self.start_button)
        others = QHBoxLayout()
        others.addWidget(self.new_button)
        others.addWidget(self.import_button)
        others.addStretch(1)
        inner.addLayout(others)

        outer = QVBoxLayout(self)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)

    @staticmethod
    def _make_primary(button: QPushButton) -> None:
        # The one thing to do here stands out in the accent colour (light and dark alike).
        palette = button.palette()
        palette.setColor(QPalette.ColorRole.Button, palette.color(QPalette.ColorRole.Highlight))
        palette.setColor(QPalette.ColorRole.ButtonText,
                         palette.color(QPalette.ColorRole.HighlightedText))
        button.setPalette(palette)
        font = button.font()
        font.setWeight(QFont.Weight.DemiBold)
        button.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between light and dark."""
        if event.type() == QEvent.Type.PaletteChange:
            self.start_button.setPalette(self.palette())
            self._make_primary(self.start_button)
        super().changeEvent(event)

    def set_questionnaire(self, info: QuestionnaireInfo | None) -> None:
        """Name the bundled consultation on the card (hide the button if it is missing)."""
        if info is None:
            self.suggestion.setText(self.tr("Start with a questionnaire you have installed."))
            for widget in (self.consultation, self.issuer, self.start_button):
                widget.hide()
            return
        self._questionnaire_id = info.id
        self.suggestion.setText(self.tr("To begin, answer the bundled consultation:"))
        self.consultation.setText(info.title)
        self.issuer.setText(info.issuer)
        for widget in (self.consultation, self.issuer, self.start_button):
            widget.show()
