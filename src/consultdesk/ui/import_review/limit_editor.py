"""A compact editor for one limit: on/off, amount, unit, approximately."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QSpinBox, QWidget

from consultdesk.domain.questionnaire import Limit, Unit


class LimitEditor(QWidget):
    """Edits a :class:`Limit` or its absence; emits ``changed`` on every user edit."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: Limit | None = None
        self.enabled = QCheckBox(label)
        self.amount = QSpinBox()
        self.amount.setRange(1, 1_000_000)
        self.amount.setGroupSeparatorShown(True)
        self.amount.setValue(500)
        self.unit = QComboBox()
        for unit, text in (
            (Unit.CHARACTERS_WITH_SPACES, self.tr("characters (with spaces)")),
            (Unit.CHARACTERS_WITHOUT_SPACES, self.tr("characters (without spaces)")),
            (Unit.WORDS, self.tr("words")),
        ):
            self.unit.addItem(text, unit.value)
        self.approximate = QCheckBox(self.tr("approximately"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.enabled, self.amount, self.unit, self.approximate):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.enabled.toggled.connect(self._sync_enabled)
        self.enabled.toggled.connect(self._emit)
        self.amount.valueChanged.connect(self._emit)
        self.unit.currentIndexChanged.connect(self._emit)
        self.approximate.toggled.connect(self._emit)
        self._loading = False
        self._sync_enabled(False)

    def set_limit(self, limit: Limit | None) -> None:
        """Show a limit (None: no limit) without emitting ``changed``."""
        self._loading = True
        try:
            self._original = limit
            self.enabled.setChecked(limit is not None)
            if limit is not None:
                self.amount.setValue(limit.amount)
                self.unit.setCurrentIndex(self.unit.findData(limit.unit.value))
                self.approximate.setChecked(limit.approximate)
            self._sync_enabled(limit is not None)
        finally:
            self._loading = False

    def limit(self) -> Limit | None:
        """The limit as edited; the document's wording is kept while the values are unchanged."""
        if not self.enabled.isChecked():
            return None
        unit = Unit(self.unit.currentData())
        values = (self.amount.value(), unit, self.approximate.isChecked())
        original = self._original
        if original is not None and (original.amount, original.unit,
                                     original.approximate) == values:
            return original
        return Limit(amount=values[0], unit=values[1], approximate=values[2])

    def _sync_enabled(self, on: bool) -> None:
        for widget in (self.amount, self.unit, self.approximate):
            widget.setEnabled(on)

    def _emit(self, *_: object) -> None:
        if not self._loading:
            self.changed.emit()
