"""The respondent details (the questionnaire's respondent fields) as a form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from consultdesk.domain.questionnaire import QuestionKind, Questionnaire
from consultdesk.ui.response_window.choice_widgets import option_combo


class RespondentForm(QWidget):
    """One row per respondent field; required ones are marked."""

    #: field id, new value
    changed = Signal(str, str)

    def __init__(self, questionnaire: Questionnaire, values: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # Labels above their fields: long labels ("The institution responding to the survey")
        # read whole, and the fields line up.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.setMaximumWidth(760)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        for f in questionnaire.respondent_fields:
            value = values.get(f.id, "")
            widget: QLineEdit | QComboBox
            if f.kind is QuestionKind.SHORT_TEXT:
                widget = QLineEdit(value, self)
                widget.textEdited.connect(lambda text, fid=f.id: self.changed.emit(fid, text))
                if f.required:
                    widget.setPlaceholderText(self.tr("Required"))
            else:
                widget = option_combo(f.choices, value, self)
                widget.setMinimumWidth(240)
                widget.currentIndexChanged.connect(
                    lambda _i, fid=f.id, c=widget: self.changed.emit(fid, c.currentData() or ""))
            widget.setAccessibleName(f.label)
            label = QLabel(f.label + (" *" if f.required else ""), self)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.fields[f.id] = widget
        note = QLabel(self.tr("* required"), self)
        form.addRow(note)

    def focus_field(self, field_id: str) -> None:
        """Put the cursor in one field (from the preflight list)."""
        widget = self.fields.get(field_id)
        if widget is not None:
            widget.setFocus()
