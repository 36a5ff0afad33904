"""Export options: Word template, unanswered questions, choices, blocks, annex (remembered)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services.export import (
    BlockDisplay,
    ChoiceDisplay,
    ExportOptions,
    Unanswered,
)
from consultdesk.services.settings import RECENT_TEMPLATES, Settings

#: The export choices remembered in the settings, by name.
UNANSWERED, CHOICES, BLOCKS = "unanswered", "choices", "blocks"
# What each radio row starts with before anything is remembered: the reference layout.
_DEFAULTS = {UNANSWERED: ExportOptions().unanswered.value,
             CHOICES: ExportOptions().choices.value,
             BLOCKS: ExportOptions().blocks.value}
# The combo item that opens the file dialog (its data; "" is the default layout).
_CHOOSE = "\x00choose"


class ExportOptionsDialog(QDialog):
    """Asks how to export; ``options()`` is the answer, and accepting remembers it."""

    def __init__(self, settings: Settings, *, blank: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.blank = blank
        self.setWindowTitle(self.tr("Export blank questionnaire") if blank
                            else self.tr("Export"))
        self.setMinimumWidth(480)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        # Each row's label level with its first option, not centred on a pair of them.
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        self.template = QComboBox(self)
        self.template.setAccessibleName(self.tr("Word template"))
        self.template.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template.setMinimumContentsLength(28)
        self._fill_templates()
        self.template.activated.connect(self._template_activated)
        template_label = QLabel(self.tr("Word &template:"), self)
        template_label.setBuddy(self.template)
        form.addRow(template_label, self.template)
        hint = QLabel(self.tr("A .docx or .dotx with your letterhead: its styles, headers and "
                              "footers are used."), self)
        hint.setWordWrap(True)
        hint.setEnabled(False)  # the muted colour of the theme, for a hint
        form.addRow("", hint)

        self.omit = QRadioButton(self.tr("&Leave them out"), self)
        self.no_response = QRadioButton(self.tr("Write “&No response”"), self)
        self.unanswered = self._group(form, self.tr("Unanswered questions:"), UNANSWERED,
                                      (self.omit, Unanswered.OMIT.value),
                                      (self.no_response, Unanswered.NO_RESPONSE.value))
        self.chosen_only = QRadioButton(self.tr("Only the c&hosen ones"), self)
        self.all_choices = QRadioButton(self.tr("&All, with ☒ and ☐"), self)
        self.choices = self._group(form, self.tr("Choices:"), CHOICES,
                                   (self.chosen_only, ChoiceDisplay.CHOSEN.value),
                                   (self.all_choices, ChoiceDisplay.ALL.value))
        self.entries = QRadioButton(self.tr("One &entry after another"), self)
        self.table = QRadioButton(self.tr("A ta&ble, one row per entry"), self)
        self.blocks = self._group(form, self.tr("Repeating blocks:"), BLOCKS,
                                  (self.entries, BlockDisplay.ENTRIES.value),
                                  (self.table, BlockDisplay.TABLE.value))
        self.annex = QCheckBox(self.tr("Add an anne&x with the length of each answer"), self)
        self.annex.setChecked(settings.export_annex)
        # Contributions: each contributed paragraph tagged "(NPA)", and who wrote what.
        self.attribution = QCheckBox(self.tr("Add each contributor's &tag after its "
                                             "paragraphs, e.g. (NPA)"), self)
        self.contributors_annex = QCheckBox(self.tr("Add an annex listing the "
                                                    "c&ontributors"), self)
        if not blank:
            form.addRow("", self.annex)
            form.addRow("", self.attribution)
            form.addRow("", self.contributors_annex)
        else:
            # A blank questionnaire has no answers: only the template matters.
            for widget in (self.omit, self.no_response, self.chosen_only, self.all_choices,
                           self.entries, self.table, self.annex, self.attribution,
                           self.contributors_annex):
                widget.hide()
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("&Continue…"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if blank:
            intro = QLabel(self.tr("The questions without any answer, to circulate to colleagues "
                                   "or other ministries for their input."), self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
            layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addWidget(buttons)
        self.ok_button.setFocus()

    def _group(self, form: QFormLayout, label: str, name: str,
               *buttons: tuple[QRadioButton, str]) -> QButtonGroup:
        """A row of radio buttons, the remembered one (or the first's default) checked."""
        group = QButtonGroup(self)
        column = QVBoxLayout()
        column.setSpacing(2)
        default = _DEFAULTS[name]
        stored = self.settings.export_choice(name) or default
        values = [value for _, value in buttons]
        wanted = stored if stored in values else default
        for button, value in buttons:
            button.setProperty("exportValue", value)
            button.setChecked(value == wanted)
            group.addButton(button)
            column.addWidget(button)
        if not self.blank:
            form.addRow(QLabel(label, self), column)
        return group

    @staticmethod
    def _value(group: QButtonGroup) -> str:
        button: QAbstractButton | None = group.checkedButton()
        return str(button.property("exportValue")) if button is not None else ""

    # -- template ---------------------------------------------------------------------
    def _fill_templates(self) -> None:
        """Default, the remembered templates that still exist, and “Choose…”."""
        recent = [p for p in self.settings.recent_templates if Path(p).is_file()]
        current = self.settings.export_template
        self.template.addItem(self.tr("Default layout"), "")
        for path in recent:
            self._add_template(path)
        self.template.addItem(self.tr("Choose a .docx or .dotx file…"), _CHOOSE)
        index = self.template.findData(current) if current in recent else 0
        self.template.setCurrentIndex(max(index, 0))
        self._previous = self.template.currentIndex()

    def _add_template(self, path: str, at: int | None = None) -> None:
        name = Path(path).name
        position = self.template.count() if at is None else at
        self.template.insertItem(position, name, path)
        self.template.setItemData(position, path, Qt.ItemDataRole.ToolTipRole)

    def _template_activated(self, index: int) -> None:
        if self.template.itemData(index) != _CHOOSE:
            self._previous = index
            return
        start = str(self.template.itemData(self._previous) or "")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Word template"), str(Path(start).parent) if start else "",
            self.tr("Word documents and templates (*.docx *.dotx)"))
        if not path:
            self.template.setCurrentIndex(self._previous)  # cancelled: keep what was chosen
            return
        existing = self.template.findData(path)
        if existing < 0:
            self._add_template(path, at=1)
            existing = 1
        self.template.setCurrentIndex(existing)
        self._previous = existing

    def template_path(self) -> Path | None:
        """The chosen template, or None for the default layout."""
        data = self.template.currentData()
        return Path(data) if data and data != _CHOOSE else None

    # -- result -----------------------------------------------------------------------
    def options(self) -> ExportOptions:
        """The chosen options (a blank export uses only the template)."""
        if self.blank:
            return ExportOptions(template=self.template_path(), blank=True)
        return ExportOptions(
            template=self.template_path(),
            unanswered=Unanswered(self._value(self.unanswered)),
            choices=ChoiceDisplay(self._value(self.choices)),
            blocks=BlockDisplay(self._value(self.blocks)),
            annex=self.annex.isChecked(),
            # Filled in from the contribution service when the export runs.
            attribution={} if self.attribution.isChecked() else None,
            contributors_annex=self.contributors_annex.isChecked(),
        )

    def remember(self) -> None:
        """Store the choices so the dialog opens with them next time."""
        template = self.template_path()
        recent = [str(template)] if template else []
        for i in range(1, self.template.count() - 1):
            path = str(self.template.itemData(i))
            if path not in recent:
                recent.append(path)
        self.settings.recent_templates = recent[:RECENT_TEMPLATES]
        self.settings.export_template = str(template) if template else ""
        if not self.blank:
            self.settings.set_export_choice(UNANSWERED, self._value(self.unanswered))
            self.settings.set_export_choice(CHOICES, self._value(self.choices))
            self.settings.set_export_choice(BLOCKS, self._value(self.blocks))
            self.settings.export_annex = self.annex.isChecked()
        self.settings.save()  # choices for next time: never a reason not to export

    def accept(self) -> None:
        """Remember the choices, then close."""
        self.remember()
        super().accept()
