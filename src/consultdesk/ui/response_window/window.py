"""The response window: composes navigator, question panel, answer area, find bar, dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.authorship import WriterKind
from consultdesk.domain.counting import submitted_text
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.references import render_references
from consultdesk.domain.rich_text import parse_markdown
from consultdesk.services.export import ExportResult
from consultdesk.services.records import EarlierAnswer
from consultdesk.ui.contributions.window_actions import ContributionActions
from consultdesk.ui.errors import show_error
from consultdesk.ui.response_window.answer_area import AnswerArea
from consultdesk.ui.response_window.autosave import SaveState
from consultdesk.ui.response_window.compare_panel import ComparePanel
from consultdesk.ui.response_window.export_done import (
    ExportNotice,
    fill_recent_menu,
    show_notes,
)
from consultdesk.ui.response_window.export_flow import (
    ask_options,
    ask_target,
    export_blank_to,
    export_to,
)
from consultdesk.ui.response_window.find_bar import FindBar
from consultdesk.ui.response_window.history_dialog import HistoryDialog
from consultdesk.ui.response_window.live_refresh import LiveRefreshController
from consultdesk.ui.response_window.navigator import RESPONDENT_KEY, Navigator
from consultdesk.ui.response_window.preflight_dialog import PreflightDialog
from consultdesk.ui.response_window.presence import (
    PresenceLine,
    offline_banner,
    take_offline_edits,
)
from consultdesk.ui.response_window.question_panel import QuestionPanel
from consultdesk.ui.response_window.reference_actions import ReferenceActions, ReferenceOfferBar
from consultdesk.ui.response_window.session import ResponseSession
from consultdesk.ui.window_memory import (
    restore_splitter,
    restore_window,
    save_splitter,
    save_window,
)

if TYPE_CHECKING:
    from consultdesk.services.context import Services


#: The settings name of the response windows' geometry and splitter (one for all of them).
WINDOW_NAME = "response"


class ResponseWindow(QMainWindow):
    """Where an official drafts one response, all day."""

    #: the response id, each time autosave has written everything (lists can refresh)
    saved = Signal(str)

    def __init__(self, context: Services, response_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = ResponseSession(context.responses, response_id, self,
                                       author=context.author(WriterKind.APP))
        if context.outbox is not None:
            # Team database: copied for a start without the server; offline, what was
            # typed in an earlier offline session comes first.
            take_offline_edits(self.session, context.outbox)
        # The response's title; Qt adds " — ConsultDesk" (the application display name).
        self.setWindowTitle(self.session.data.title)
        self.navigator = Navigator(self.session, self)
        # Team database: "Sato is editing Q3" under the question list.
        self.presence = PresenceLine(context, self.session, self.navigator)
        column = self.navigator.layout()
        assert column is not None, "the navigator lays out its list"
        column.addWidget(self.presence)
        self.panel = QuestionPanel(self)
        self.answers = AnswerArea(self.session, self)
        self.find_bar = FindBar(self.session, self)
        self.find_bar.hide()
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(12, 10, 12, 6)
        # Team database: shown while the server is away and edits wait on this computer.
        self.offline_banner = offline_banner(self)
        column.addWidget(self.offline_banner)
        column.addWidget(self.find_bar)
        column.addWidget(self.panel)
        # "This text refers to question 2. Turn it into a live reference?" after a paste.
        self.reference_offer = ReferenceOfferBar(self)
        column.addWidget(self.reference_offer)
        # Compare with last time: the earlier answer beside this one (when there is one).
        self.compare = ComparePanel(self)
        self.compare.hide()
        self.compare.copy_requested.connect(self._copy_earlier)
        beside = QSplitter(self)
        beside.addWidget(self.answers)
        beside.addWidget(self.compare)
        column.addWidget(beside, 1)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self._sized = False
        self.setCentralWidget(self.splitter)
        self.save_label = QLabel(self.tr("Saved"), self)
        self.save_label.setAccessibleName(self.tr("Save status"))
        self.export_notice = ExportNotice(self)
        self.statusBar().addPermanentWidget(self.export_notice)
        self.statusBar().addPermanentWidget(self.save_label)
        self._make_actions()
        # Contributions: their menu, Receive…, drops, the board and the merge panel.
        self.contributions = ContributionActions(self)
        self.navigator.current_changed.connect(self.show_key)
        self.navigator.current_changed.connect(self.presence.set_question)
        self.presence.editors_changed.connect(self.navigator.set_editors)
        self.panel.done_toggled.connect(self._done_toggled)
        self.panel.history_requested.connect(self.show_history)
        self.panel.compare_toggled.connect(lambda _on: self._refresh_compare())
        self._has_source = bool(self.session.data.source_response_id)
        self._earlier: dict[str, EarlierAnswer | None] = {}
        self.session.done_changed.connect(self._done_changed)
        self.session.answer_changed.connect(self._answer_changed)
        self.session.autosave.state_changed.connect(self._save_state)
        if context.outbox is not None:
            self.session.autosave.use_outbox(context.outbox)
        self.find_bar.activated.connect(self._found)
        # Ctrl+click on a cross-reference (or its context-menu item) goes to its question.
        self.answers.text_editor.editor.reference_activated.connect(self.go_to)
        # Insert ▸ Reference…, the context menu, the paste offer (after show_key's
        # connection: it looks at the answer shown).
        self.references = ReferenceActions(self, self.reference_offer)
        self.find_bar.closed.connect(self.answers.focus_answer)
        self.navigator.select(self._start_key())
        # Answers written elsewhere (CLI, another window, a contribution, the team server).
        self.live = LiveRefreshController(self, context.change_notifier)
        # Where it was last closed (on today's screens); first time, most of the screen,
        # also on a 1366 × 768 laptop (never taller than what is free).
        restore_window(self, context.settings, WINDOW_NAME, 1440, 960)

    def _start_key(self) -> str:
        """The question the window was left on, else the first question."""
        questions = [q.id for q in self.session.questionnaire.questions()]
        last = self.context.settings.last_question(self.session.response_id)
        if last in questions or last == RESPONDENT_KEY:
            return str(last)
        return questions[0] if questions else RESPONDENT_KEY

    # -- actions -----------------------------------------------------------------
    def _action(self, menu: QMenu, text: str,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.action_revision = self._action(file_menu, self.tr("&Keep a revision"),
                                            QKeySequence.StandardKey.Save, self.take_revision)
        self.action_export = self._action(file_menu, self.tr("&Export to Word or PDF…"),
                                          "Ctrl+E", self.export)
        self.action_export_blank = self._action(
            file_menu, self.tr("Export &blank questionnaire…"), None, self.export_blank)
        self.recent_exports_menu = file_menu.addMenu(self.tr("Recent e&xports"))
        self.recent_exports_menu.aboutToShow.connect(
            lambda: fill_recent_menu(self.recent_exports_menu, self.context.settings))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Close"), QKeySequence.StandardKey.Close, self.close)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        editor = self.answers.text_editor.editor
        for action in (editor.action_undo, editor.action_redo, editor.action_paste_plain):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.action_find = self._action(edit_menu, self.tr("&Find in all answers…"),
                                        QKeySequence.StandardKey.Find, self.find_bar.open)
        format_menu = bar.addMenu(self.tr("F&ormat"))
        for action in (editor.action_bold, editor.action_italic, editor.action_bullets,
                       editor.action_numbers, editor.action_outdent, editor.action_indent):
            format_menu.addAction(action)
        self.insert_menu = bar.addMenu(self.tr("&Insert"))
        go_menu = bar.addMenu(self.tr("&Go"))
        self.action_next = self._action(go_menu, self.tr("&Next question"), "Ctrl+PgDown",
                                        lambda: self.navigator.step(+1))
        self.action_previous = self._action(go_menu, self.tr("&Previous question"),
                                            "Ctrl+PgUp", lambda: self.navigator.step(-1))
        self._action(go_menu, self.tr("&Respondent details"), "Ctrl+Shift+R",
                     lambda: self.navigator.select(RESPONDENT_KEY))
        self._action(go_menu, self.tr("Question &list"), "Ctrl+L",
                     lambda: self.navigator.tree.setFocus())
        self._action(go_menu, self.tr("&Answer"), "Ctrl+J", self.answers.focus_answer)
        question_menu = bar.addMenu(self.tr("&Question"))
        self.action_done = self._action(question_menu, self.tr("Mark &done"), "Ctrl+D",
                                        self.toggle_done)
        self.action_history = self._action(question_menu, self.tr("&History…"), "Ctrl+H",
                                           self.show_history)
        self.action_copy_portal = self._action(
            question_menu, self.tr("&Copy the answer as plain text (for a web form)"),
            "Ctrl+Shift+C", self.copy_for_portal)

    # -- navigation ----------------------------------------------------------------
    def current_key(self) -> str:
        """The question id shown (or RESPONDENT_KEY)."""
        return self.answers.key

    def show_key(self, key: str) -> None:
        """Show a question or the respondent details (flushing the previous answer first)."""
        if key == self.answers.key:
            return
        self.context.settings.set_last_question(self.session.response_id, key)
        previous = self.answers.key
        self.answers.flush_pending()
        self.session.autosave.flush()
        if previous and previous != RESPONDENT_KEY:
            self.session.autosave.take_revision(previous, "switch")
        if key == RESPONDENT_KEY:
            self.panel.show_heading(self.tr("Respondent details"),
                                    self.session.questionnaire.title)
        else:
            q = self.session.question(key)
            self.panel.show_question(q, self.session.section_path(key),
                                     self.session.done.get(key, False))
            self.panel.show_budgets(self.session.budgets_of(key))
        self.answers.show_key(key)
        self._refresh_compare()
        is_question = key != RESPONDENT_KEY
        self.action_history.setEnabled(is_question)
        self.action_done.setEnabled(is_question and self.panel.done_box.isVisibleTo(self.panel))
        self.action_copy_portal.setEnabled(is_question and self.session.question(key).is_text)
        if self.navigator.current_key() != key:
            self.navigator.select(key)

    def go_to(self, key: str) -> None:
        """Jump to a question or respondent field and put the cursor there."""
        field_ids = {f.id for f in self.session.questionnaire.respondent_fields}
        if key in field_ids:
            self.navigator.select(RESPONDENT_KEY)
            if self.answers.respondent_form is not None:
                self.answers.respondent_form.focus_field(key)
            return
        self.navigator.select(key)
        self.answers.focus_answer()

    def show_hit(self, question_id: str, text: str) -> None:
        """Show an answer with the first occurrence of ``text`` selected (a search hit)."""
        self._found(question_id, text, 0)

    def _found(self, question_id: str, needle: str, occurrence: int) -> None:
        self.navigator.select(question_id)
        self.answers.select_match(needle, occurrence)

    # -- done, revisions, history -----------------------------------------------------
    def _done_toggled(self, done: bool) -> None:
        key = self.current_key()
        if not self._guard(lambda: self.session.set_done(key, done)):
            self.panel.set_done(self.session.done.get(key, False))  # show what is stored

    def toggle_done(self) -> None:
        """Mark the shown question done, or not done."""
        key = self.current_key()
        if key and key != RESPONDENT_KEY:
            self._guard(lambda: self.session.set_done(key, not self.session.done.get(key)))

    def _refresh_compare(self) -> None:
        """Show (or hide) the earlier answer of the question shown."""
        key = self.current_key()
        text_question = bool(key) and key != RESPONDENT_KEY and \
            self.session.question(key).is_text
        self.panel.compare_button.setVisible(self._has_source and text_question)
        wanted = self.panel.compare_button.isChecked() and self.panel.compare_button.isVisible()
        earlier = None
        if wanted:
            # Last time's answers do not change while this one is edited: read each once.
            if key not in self._earlier:
                self._earlier[key] = self.context.responses.earlier_answer(
                    self.session.response_id, key)
            earlier = self._earlier[key]
        self.compare.setVisible(earlier is not None)
        if earlier is not None:
            self.compare.show_comparison(earlier, self.session.value(key))

    def _copy_earlier(self, value: object) -> None:
        """Put last time's answer in place of this one (a revision of this one kept first)."""
        key = self.current_key()
        if not key or key == RESPONDENT_KEY or not isinstance(value, str):
            return
        self.answers.flush_pending()
        self.session.autosave.flush()
        self.session.autosave.take_revision(key, "before copying from last time")
        self.session.set_answer(key, value)
        self.answers.reload(key)
        self._refresh_compare()

    def _answer_changed(self, question_id: str) -> None:
        if question_id == self.current_key() and self.compare.isVisible():
            self._refresh_compare()
        if question_id == self.current_key():
            self.panel.show_budgets(self.session.budgets_of(question_id))

    def _done_changed(self, question_id: str) -> None:
        if question_id == self.current_key():
            self.panel.set_done(self.session.done.get(question_id, False))

    def copy_for_portal(self) -> None:
        """Put the answer on the clipboard as a portal receives it (the count will match)."""
        key = self.current_key()
        if not key or key == RESPONDENT_KEY or not self.session.question(key).is_text:
            return
        self.answers.flush_pending()
        # References read their questions' current numbers, as the count has them.
        QGuiApplication.clipboard().setText(submitted_text(parse_markdown(
            render_references(self.session.text(key), self.answers.labels))))
        count = self.session.count(key)
        self.statusBar().showMessage(self.tr("Copied: {count}").format(
            count=self.answers.text_editor.counter.text_for(count) if count else ""), 6000)

    def take_revision(self) -> None:
        """Ctrl+S: everything is saved already; keep a revision of the current answer."""
        key = self.current_key()
        self.answers.flush_pending()
        if not key or key == RESPONDENT_KEY:
            self.session.autosave.flush()
            return
        kept = self.session.autosave.take_revision(key, "save")
        self.statusBar().showMessage(
            self.tr("Revision kept.") if kept else self.tr("No changes since the last revision."),
            4000)

    def show_history(self) -> None:
        """Show the revisions of the current answer, with a diff and Restore."""
        key = self.current_key()
        if not key or key == RESPONDENT_KEY:
            return
        self.answers.flush_pending()
        self.session.autosave.flush()
        q = self.session.question(key)
        title = self.tr("Question {n}").format(n=q.display_number) if q.number else q.text[:40]
        dialog = HistoryDialog(self.context.responses, self.session.response_id, key,
                               self.session.value(key), title, self,
                               author=self.context.author(WriterKind.RESTORE))
        if dialog.exec() and dialog.did_restore:
            # Unless live refresh already took the restored version (one undo step).
            if self.session.versions.get(key, 0) < (dialog.restored_version or 0):
                self.session.replace_answer(key, dialog.restored, dialog.restored_version)
                self.answers.reload(key)
            self.statusBar().showMessage(self.tr("Revision restored (Ctrl+Z undoes it)."), 5000)

    # -- export --------------------------------------------------------------------
    def export(self) -> None:
        """Preflight, then Export to Word… (over-limit answers only if the user says so)."""
        self.answers.flush_pending()
        self.session.autosave.flush()
        problems = self.session.problems()
        allow_over_limit = False
        if problems:
            dialog = PreflightDialog(problems, self)
            accepted = dialog.exec()
            if dialog.target is not None:
                self.go_to(dialog.target)  # after the dialog is gone, so the focus stays there
            if not accepted:
                return
            allow_over_limit = True
        options = ask_options(self, self.context.settings)
        target = (ask_target(self, self.context.settings, self.session.data.title)
                  if options is not None else None)
        if options is None or target is None:
            return
        self._run_export(target, lambda: export_to(
            self.context, self.session.response_id, target,
            allow_over_limit=allow_over_limit, options=options))

    def export_blank(self) -> None:
        """Export the questionnaire without answers, to circulate for input."""
        options = ask_options(self, self.context.settings, blank=True)
        questionnaire = self.session.questionnaire
        target = (ask_target(self, self.context.settings, questionnaire.title, blank=True)
                  if options is not None else None)
        if options is None or target is None:
            return
        self._run_export(target, lambda: export_blank_to(self.context, questionnaire, target,
                                                         options))

    def _run_export(self, target: Path, export: Callable[[], ExportResult]) -> None:
        """Run an export; offer Open and Show in folder, say what it noticed, or why not."""
        result: ExportResult | None = None

        def run() -> None:
            nonlocal result
            result = export()

        pdf = target.suffix.lower() == ".pdf"
        if pdf:  # Word or LibreOffice takes a few seconds
            self.statusBar().showMessage(self.tr("Converting to PDF…"))
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            QApplication.processEvents()
        try:
            done = self._guard(run)
        finally:
            if pdf:
                QApplication.restoreOverrideCursor()
                self.statusBar().clearMessage()
        if not done or result is None or result.path is None:
            return
        self.context.settings.add_recent_export(result.path)
        self.statusBar().showMessage(self.tr("Exported to {path}").format(path=target), 10000)
        self.export_notice.show_for(result.path)
        show_notes(self, result)

    # -- saving ----------------------------------------------------------------------
    def _save_state(self, state: SaveState, message: str) -> None:
        if state is SaveState.SAVED:
            self.saved.emit(self.session.response_id)
        self.offline_banner.setVisible(self.session.autosave.offline)
        if state is SaveState.OFFLINE:
            self.save_label.setText(self.tr("Kept on this computer"))
            return
        self.save_label.setText({SaveState.SAVED: self.tr("Saved"),
                                 SaveState.PENDING: self.tr("Saving…"),
                                 SaveState.ERROR: self.tr("Not saved yet: {message}").format(
                                     message=message)}[state])

    def _guard(self, action: object) -> bool:
        """Run an action; a ConsultDeskError becomes a message box, never a traceback."""
        try:
            action()  # type: ignore[operator]
        except ConsultDeskError as exc:
            show_error(self, self.tr("ConsultDesk"), exc)
            return False
        return True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._sized:
            self._sized = True
            if restore_splitter(self.splitter, self.context.settings, WINDOW_NAME,
                                minimum_first=200, minimum_rest=400):
                return
            # About a quarter of the width for the questions, never under 320 px.
            nav = max(320, int(self.width() * 0.25))
            self.splitter.setSizes([nav, max(400, self.width() - nav)])

    def _remember_layout(self) -> None:
        """Keep size, position and the navigator's width for the next response window."""
        settings = self.context.settings
        save_window(self, settings, WINDOW_NAME)
        save_splitter(self.splitter, settings, WINDOW_NAME)
        settings.set_last_question(self.session.response_id, self.current_key())
        settings.save()  # a read-only profile must not keep the outbox copy below
        if self.context.outbox is not None:
            # The newest text into the local copy (a later start may find the server away).
            self.context.outbox.remember(self.session.response_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.answers.flush_pending()
        if self.session.autosave.close():
            self.presence.leave()
            self._remember_layout()
            event.accept()
            return
        answer = QMessageBox.warning(
            self, self.tr("Not saved"),
            self.tr("Some changes could not be saved. Close anyway and lose them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self.presence.leave()
            self._remember_layout()
            event.accept()
        else:
            event.ignore()

