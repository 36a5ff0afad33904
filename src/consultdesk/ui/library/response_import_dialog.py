"""The review of a completed response read from Word, before anything is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.references import reference_labels, render_references
from consultdesk.domain.rich_text import plain_text
from consultdesk.services.reference_offers import link_reference_phrases, reference_offers
from consultdesk.services.response_import import CompletedResponse, ResponseImportService
from consultdesk.ui.editor.references import load_markdown
from consultdesk.ui.errors import error_text
from consultdesk.ui.i18n import listed
from consultdesk.ui.wrapping_check_box import WrappingCheckBox


class ResponseImportDialog(QDialog):
    """What was found (questionnaire, respondent, each answer), chosen answer by answer."""

    def __init__(self, service: ResponseImportService, imported: CompletedResponse,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.imported = imported
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Import a completed response"))
        self.resize(980, 640)
        q = imported.questionnaire
        if imported.questionnaire_is_new:
            which = self.tr("A new questionnaire read from the same file: “{title}” "
                            "(installed when you import)").format(title=q.title)
        else:
            which = self.tr("Answers to “{title}” (version {version})").format(
                title=q.title, version=q.version)
        self.summary = QLabel(which + "\n" + self.tr(
            "{found} of {total} questions found in {file}.").format(
                found=len(imported.answers), total=len(imported.answers) + len(
                    imported.missing), file=imported.source_name))
        self.summary.setWordWrap(True)
        self.title_field = QLineEdit(imported.source_name.rsplit(".", 1)[0])
        self.title_field.setAccessibleName(self.tr("Title of the new response"))
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_field)
        labels = {f.id: f.label for f in q.respondent_fields}
        for fid, value in imported.respondent.items():
            form.addRow(labels.get(fid, fid) + ":", QLabel(value))
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Question"), self.tr("Wording match"),
                                   self.tr("Answer"), self.tr("Points to")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(0, 300)
        answers = imported.markdown_answers()
        #: the questions' current labels ("question 2"): the preview's chips
        self._labels = reference_labels(q)
        for qid, found in imported.answers.items():
            if qid not in answers:
                continue
            # "See the answer for Q2": which answers this one leans on.
            pointers = listed([self.tr("question {number}").format(
                number=q.question(t).display_number) for t in found.refers_to])
            item = QTreeWidgetItem([f"{found.number} {found.question_text}".strip(),
                                    f"{round(found.similarity * 100)} %",
                                    self._summary(answers[qid]), pointers])
            item.setData(0, Qt.ItemDataRole.UserRole, qid)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(0, found.question_text)
            self.tree.addTopLevelItem(item)
        for qid in imported.missing:
            question = q.question(qid)
            item = QTreeWidgetItem([f"{question.display_number} {question.text}".strip(), "",
                                    self.tr("(not found in the document)")])
            item.setDisabled(True)
            self.tree.addTopLevelItem(item)
        # "See the answer for Q2": offered as live references (the preview shows the result).
        offers = sum(len(reference_offers(text, q, qid)) for qid, text in answers.items())
        self.link_references = WrappingCheckBox(self.tr(
            "Turn pointers to other answers (“See the answer for Q2”) into live references "
            "({count} found)").format(count=offers))
        self.link_references.setVisible(offers > 0)
        self.link_references.toggled.connect(
            lambda _on: self._show(self.tree.currentItem(), None))
        # The answer as the editor will show it (bold, lists, references as chips), not
        # its Markdown: "[question 1](#ref:q1)" means nothing to the reader.
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("The answer as it will be imported"))
        self.tree.currentItemChanged.connect(self._show)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.link_references)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _show(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        qid = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        load_markdown(self.preview.document(), self._answer(qid) if qid else "", self._labels)

    def _summary(self, markdown: str) -> str:
        """An answer's first words as read (no Markdown), for its line in the list."""
        return " ".join(plain_text(render_references(markdown, self._labels)).split())[:160]

    def _answer(self, qid: str) -> str:
        """An answer as it will be saved (its pointers linked when that is ticked)."""
        text = self.imported.markdown_answers().get(qid, "")
        if self.link_references.isChecked():
            return link_reference_phrases(text, self.imported.questionnaire, qid)
        return text

    def chosen(self) -> dict[str, str]:
        """The answers ticked for import."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            qid = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
            if qid and item is not None and item.checkState(0) == Qt.CheckState.Checked:
                out[qid] = self._answer(qid)
        return out

    def save(self) -> None:
        """Save the new response with the chosen answers."""
        try:
            self.saved_id = self._service.save(self.imported, self.title_field.text(),
                                               answers=self.chosen())
        except ConsultDeskError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        self.accept()
