"""Choice, yes/no and short-text answers as the widgets people expect."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.counting import Count, measure, overflow_in_text
from consultdesk.domain.questionnaire import Convention, Limit, Option, Question, QuestionKind
from consultdesk.domain.response import AnswerValue
from consultdesk.domain.rich_text import escape_markdown, plain_text
from consultdesk.ui.editor.counter import CounterWidget


class ChoiceWidget(QWidget):
    """Radio buttons (single choice, yes/no) or check boxes (multiple choice)."""

    #: the new value: an option id, a list of ids, or None when cleared
    changed = Signal(object)

    def __init__(self, question: Question, value: AnswerValue,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._question = question
        self._multiple = question.kind is QuestionKind.MULTIPLE_CHOICE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self._multiple)
        self.buttons: dict[str, QCheckBox | QRadioButton] = {}
        selected = set(value if isinstance(value, list) else [value] if value else [])
        for option in question.choices:
            button = self._button(option)
            button.setChecked(option.id in selected)
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[option.id] = button
        self.hint = QLabel(self)
        if self._multiple and (question.min_choices or question.max_choices):
            self.hint.setText(self._hint_text())
        self.hint.setVisible(bool(self.hint.text()))
        layout.addWidget(self.hint)
        self.clear_button = QPushButton(self.tr("C&lear answer"), self)
        self.clear_button.setVisible(not self._multiple)
        self.clear_button.clicked.connect(self.clear)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self._toggled)

    def _button(self, option: Option) -> QCheckBox | QRadioButton:
        label = option.label
        if self._question.kind is QuestionKind.YES_NO:
            label = self.tr("Yes") if option.id == "yes" else self.tr("No")
        button = QCheckBox(label, self) if self._multiple else QRadioButton(label, self)
        button.setAccessibleName(label)
        return button

    def _hint_text(self) -> str:
        q = self._question
        if q.min_choices and q.max_choices:
            return self.tr("Choose between {low} and {high}.").format(low=q.min_choices,
                                                                      high=q.max_choices)
        if q.max_choices:
            return self.tr("Choose at most {high}.").format(high=q.max_choices)
        return self.tr("Choose at least {low}.").format(low=q.min_choices)

    def value(self) -> AnswerValue:
        """The selected option id(s)."""
        chosen = [oid for oid, b in self.buttons.items() if b.isChecked()]
        if self._multiple:
            return chosen
        return chosen[0] if chosen else None

    def clear(self) -> None:
        """Unselect every option (radio groups cannot do this by themselves)."""
        self.group.setExclusive(False)
        for b in self.buttons.values():
            b.setChecked(False)
        self.group.setExclusive(not self._multiple)
        self.changed.emit(self.value())

    def _toggled(self, _button: object, checked: bool) -> None:
        # A radio switch toggles two buttons; report once, on the newly checked one.
        if self._multiple or checked:
            self.changed.emit(self.value())


class ShortTextWidget(QWidget):
    """One line of text (stored as Markdown, counted by the domain) with its counter."""

    #: Markdown and count
    changed = Signal(str, object)

    def __init__(self, value: str, limit: Limit | None, convention: Convention,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit, self._convention = limit, convention
        self.line = QLineEdit(plain_text(value), self)
        self.line.setAccessibleName(self.tr("Answer"))
        self.counter = CounterWidget(self)
        self.counter.set_convention(convention)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.counter)
        layout.addStretch(1)
        self.line.textEdited.connect(self._edited)
        # "Show the excess" selects what passes the limit (it did nothing on one line).
        self.counter.show_excess.connect(self.select_excess)
        self.counter.set_count(self.measure())

    def select_excess(self) -> None:
        """Select the words past the limit, so the official sees (and can cut) them."""
        text = self.line.text()
        if self._limit is None:
            return
        cut = overflow_in_text(text, self._limit.unit, self._limit.amount, self._convention)
        if cut >= len(text):
            return
        # QLineEdit counts UTF-16 units, Python code points.
        start = len(text[:cut].encode("utf-16-le")) // 2
        self.line.setFocus()
        self.line.setSelection(start, len(text.encode("utf-16-le")) // 2 - start)

    def markdown(self) -> str:
        """The line as stored Markdown (escaped, so stars stay stars)."""
        return escape_markdown(self.line.text())

    def measure(self) -> Count:
        """The domain's count of the line."""
        return measure(self.markdown(), self._limit, self._convention)

    def _edited(self, _text: str) -> None:
        count = self.measure()
        self.counter.set_count(count)
        self.changed.emit(self.markdown(), count)


def option_combo(options: tuple[Option, ...], value: str, parent: QWidget) -> QComboBox:
    """A combo box of options with an empty first entry (for forms and block fields)."""
    combo = QComboBox(parent)
    combo.addItem("", "")
    yes_no = {"yes": QCoreApplication.translate("ChoiceWidget", "Yes"),
              "no": QCoreApplication.translate("ChoiceWidget", "No")}
    is_yes_no = [o.id for o in options] == ["yes", "no"]
    for option in options:
        combo.addItem(yes_no[option.id] if is_yes_no else option.label, option.id)
    combo.setCurrentIndex(max(0, combo.findData(value)))
    return combo
