"""Search the whole library: every answer of every response, ranked, with the hit shown."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.search import SearchResult, SearchService
from consultdesk.ui.errors import error_text

#: Typing pauses this long (ms) before the library is searched again.
_DEBOUNCE_MS = 180


def result_html(result: SearchResult, where: str) -> str:
    """One hit as rich text: where it is, then the snippet with the hit in bold."""
    s = result.snippet
    snippet = (escape(s[:result.hit_start]) + "<b>" + escape(s[result.hit_start:result.hit_end])
               + "</b>" + escape(s[result.hit_end:]))
    return f"<span style='font-weight:600'>{escape(where)}</span><br>{snippet}"


class SearchDialog(QDialog):
    """A search field and the ranked hits; opening one opens its response there."""

    #: response id, question id, the matched text to select
    open_requested = Signal(str, str, str)

    def __init__(self, search: SearchService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.setWindowTitle(self.tr("Search all responses"))
        self.resize(760, 520)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Words to find in every answer"))
        self.field.setAccessibleName(self.tr("Search all responses"))
        self.field.setClearButtonEnabled(True)
        self.bin_box = QCheckBox(self.tr("Include the &bin"), self)
        self.summary = QLabel(self)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Answers found"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setWordWrap(True)
        self.results.setSpacing(2)
        self.results.itemActivated.connect(self._activate)
        self.results.itemDoubleClicked.connect(self._activate)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.bin_box)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self._enter)
        self.bin_box.toggled.connect(lambda _on: self.run())
        self.found: list[SearchResult] = []

    def run(self) -> None:
        """Search for the field's text now and list the hits."""
        self._timer.stop()
        self.results.clear()
        self.found = []
        text = self.field.text()
        if not text.strip():
            self.summary.setText("")
            return
        try:
            self.found = self._search.search(text, include_bin=self.bin_box.isChecked())
        except ConsultDeskError as exc:
            self.summary.setText(error_text(exc))
            return
        for result in self.found:
            self._add(result)
        self.summary.setText(self.tr("%n answer(s) found", "", len(self.found))
                             if self.found else self.tr("Nothing found."))

    def _add(self, result: SearchResult) -> None:
        number = result.question_number or result.question_id
        where = self.tr("{title} — question {number}").format(title=result.response_title,
                                                              number=number)
        if result.in_bin:
            where += " " + self.tr("(in the bin)")
        item = QListWidgetItem(self.results)
        item.setData(Qt.ItemDataRole.UserRole, result)
        label = QLabel(result_html(result, where))
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setContentsMargins(6, 4, 6, 4)
        # The plain words for screen readers and for the tests.
        item.setText("")
        item.setToolTip(result.snippet)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{where}: {result.snippet}")
        # As tall as the wrapped text at the list's width (a label's own hint is far taller).
        width = max(200, self.results.viewport().width() - 8)
        item.setSizeHint(QSize(width, label.heightForWidth(width)))
        self.results.setItemWidget(item, label)

    def _enter(self) -> None:
        self.run()
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _activate(self, item: QListWidgetItem) -> None:
        result: SearchResult = item.data(Qt.ItemDataRole.UserRole)
        if result.in_bin:
            self.summary.setText(self.tr("That response is in the bin: restore it first "
                                         "(View ▸ Bin…)."))
            return
        self.open_requested.emit(result.response_id, result.question_id, result.hit_text)
