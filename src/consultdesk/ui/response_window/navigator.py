"""The navigator: respondent details, sections and numbered questions with status and count."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.counting import Count
from consultdesk.domain.questionnaire import QuestionKind, Section
from consultdesk.ui.i18n import listed
from consultdesk.ui.response_window.session import ResponseSession
from consultdesk.ui.status_icons import AnswerState, state_icon

#: The navigator key of the respondent details page.
RESPONDENT_KEY = "__respondent__"
_KEY_ROLE = Qt.ItemDataRole.UserRole
_LABEL_ROLE = Qt.ItemDataRole.UserRole + 1


class NavFilter(StrEnum):
    """Which questions the navigator lists."""

    ALL = "all"
    NOT_DONE = "not_done"
    OVER = "over"


def short_count(count: Count | None) -> str:
    """A compact count for the navigator column ("812 / 5,000")."""
    if count is None:
        return ""
    if count.limit is None:
        return f"{count.value:,}"
    return f"{count.value:,} / {count.limit.amount:,}"


class Navigator(QWidget):
    """Lists what there is to answer; selecting an entry shows it."""

    #: the selected key: a question id or RESPONDENT_KEY
    current_changed = Signal(str)

    def __init__(self, session: ResponseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(6)
        self.progress_bar.setAccessibleName(self.tr("Overall progress"))
        self.filter = QComboBox(self)
        self.filter.addItem(self.tr("All questions"), NavFilter.ALL)
        self.filter.addItem(self.tr("Not done"), NavFilter.NOT_DONE)
        self.filter.addItem(self.tr("Over the limit"), NavFilter.OVER)
        self.filter.setAccessibleName(self.tr("Show"))
        self.filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        filter_label = QLabel(self.tr("&Show:"), self)
        filter_label.setBuddy(self.filter)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Questions"))
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(14)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_current)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._populate()
        session.answer_changed.connect(self.refresh_question)
        session.done_changed.connect(self.refresh_question)
        session.relevance_changed.connect(self.refresh_all)
        session.respondent_changed.connect(lambda _f: self._refresh_respondent())
        self.refresh_all()

    def _populate(self) -> None:
        details = QTreeWidgetItem([self.tr("Respondent details")])
        details.setData(0, _KEY_ROLE, RESPONDENT_KEY)
        details.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.addTopLevelItem(details)
        self._items[RESPONDENT_KEY] = details
        for section in self._session.questionnaire.sections:
            self._add_section(section, None)
        self.tree.expandAll()

    def _add_section(self, section: Section, parent: QTreeWidgetItem | None) -> None:
        item = QTreeWidgetItem([section.title or section.id])
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a place to go
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        for q in section.questions:
            label = f"{q.display_number}  {q.text}" if q.number else q.text
            child = QTreeWidgetItem([label, ""])
            child.setData(0, _KEY_ROLE, q.id)
            child.setData(0, _LABEL_ROLE, label)
            child.setToolTip(0, label)
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.addChild(child)
            self._items[q.id] = child
        for sub in section.sections:
            self._add_section(sub, item)

    # -- state -----------------------------------------------------------------
    def refresh_question(self, question_id: str) -> None:
        """Update one question's icon and count, and the overall progress."""
        item = self._items.get(question_id)
        if item is None:
            return
        state = self._session.state(question_id)
        item.setIcon(0, state_icon(state))
        item.setText(1, self._count_text(question_id))
        item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, self.state_name(state))
        self._refresh_progress()
        self.apply_filter()

    def _refresh_respondent(self) -> None:
        fields = self._session.questionnaire.respondent_fields
        filled = [f for f in fields if (self._session.respondent.get(f.id) or "").strip()]
        missing = [f for f in fields if f.required and f not in filled]
        state = (AnswerState.DONE if not missing else
                 AnswerState.IN_PROGRESS if filled else AnswerState.EMPTY)
        item = self._items[RESPONDENT_KEY]
        item.setIcon(0, state_icon(state))
        item.setText(1, f"{len(filled)} / {len(fields)}")

    def refresh_all(self) -> None:
        """Update every question (after relevance changed or on start)."""
        self._refresh_respondent()
        for q in self._session.questionnaire.questions():
            item = self._items[q.id]
            state = self._session.state(q.id)
            item.setIcon(0, state_icon(state))
            item.setText(1, self._count_text(q.id))
        self._refresh_progress()
        self.apply_filter()

    def _count_text(self, question_id: str) -> str:
        """The count column: a text's count, or how many entries a repeating block has."""
        if self._session.question(question_id).kind is QuestionKind.REPEATING:
            value = self._session.value(question_id)
            n = len(value) if isinstance(value, list) else 0
            return self.tr("%n entry(s)", "", n) if n else ""
        return short_count(self._session.count(question_id))

    def state_name(self, state: AnswerState) -> str:
        """A state in words (for screen readers and tooltips)."""
        return {AnswerState.EMPTY: self.tr("Not started"),
                AnswerState.IN_PROGRESS: self.tr("In progress"),
                AnswerState.NEAR: self.tr("Near the limit"),
                AnswerState.OVER: self.tr("Over the limit"),
                AnswerState.DONE: self.tr("Done")}[state]

    def _refresh_progress(self) -> None:
        p = self._session.progress()
        text = self.tr("{answered} of {total} answered").format(answered=p.answered,
                                                                total=p.total)
        if p.over:
            text += " · " + self.tr("{over} over the limit").format(over=p.over)
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, max(1, p.total))
        self.progress_bar.setValue(p.answered)

    def apply_filter(self) -> None:
        """Show only relevant questions that pass the filter; hide empty sections."""
        mode = NavFilter(self.filter.currentData() or NavFilter.ALL)
        for key, item in self._items.items():
            if key == RESPONDENT_KEY:
                continue
            visible = self._session.is_relevant(key)
            state = self._session.state(key)
            if mode is NavFilter.NOT_DONE:
                visible = visible and state is not AnswerState.DONE
            elif mode is NavFilter.OVER:
                visible = visible and state is AnswerState.OVER
            item.setHidden(not visible)
        it = QTreeWidgetItemIterator(self.tree)
        while it.value() is not None:
            item = it.value()
            if item.data(0, _KEY_ROLE) is None:
                item.setHidden(not self._has_visible_question(item))
            it += 1

    def _has_visible_question(self, item: QTreeWidgetItem) -> bool:
        for i in range(item.childCount()):
            child = item.child(i)
            if child is None:
                continue
            if child.data(0, _KEY_ROLE) is not None and not child.isHidden():
                return True
            if child.data(0, _KEY_ROLE) is None and self._has_visible_question(child):
                return True
        return False

    def set_editors(self, editors: Mapping[str, Sequence[str]]) -> None:
        """Mark each question someone else is editing (team database): a badge with the
        first one's initial beside the count, their names in the tooltip."""
        for key, item in self._items.items():
            if key == RESPONDENT_KEY:
                continue
            names = list(editors.get(key, ()))
            label = str(item.data(0, _LABEL_ROLE) or "")
            if not names:
                item.setIcon(1, QIcon())
                item.setToolTip(0, label)
                item.setToolTip(1, "")
                continue
            words = (self.tr("%1 is editing this question") if len(names) == 1 else
                     self.tr("%1 are editing this question")).replace("%1", listed(names))
            item.setIcon(1, editor_badge(names[0]))
            item.setToolTip(0, f"{label}\n{words}")
            item.setToolTip(1, words)

    def editors_of(self, key: str) -> str:
        """Who is marked as editing a question, as its tooltip says ("" when nobody)."""
        item = self._items.get(key)
        return item.toolTip(1) if item is not None and not item.icon(1).isNull() else ""

    # -- moving ----------------------------------------------------------------
    def item(self, key: str) -> QTreeWidgetItem | None:
        """The list entry of a key (what the user sees: icon, wording, count)."""
        return self._items.get(key)

    def is_visible(self, key: str) -> bool:
        """Whether a question is listed right now."""
        item = self._items.get(key)
        return item is not None and not item.isHidden()

    def visible_keys(self) -> list[str]:
        """Keys in document order that are listed right now."""
        return [k for k, item in self._items.items() if not item.isHidden()]

    def selected_keys(self) -> list[str]:
        """The questions selected (several with Ctrl or Shift), in document order."""
        chosen = {id(i) for i in self.tree.selectedItems()}
        return [k for k, item in self._items.items()
                if id(item) in chosen and k != RESPONDENT_KEY]

    def current_key(self) -> str | None:
        """The selected key, if any."""
        item = self.tree.currentItem()
        return item.data(0, _KEY_ROLE) if item is not None else None

    def select(self, key: str) -> None:
        """Select a key (showing its question even if the filter hid it)."""
        item = self._items.get(key)
        if item is None:
            return
        if item.isHidden():
            self.filter.setCurrentIndex(0)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) listed entry."""
        keys = self.visible_keys()
        current = self.current_key()
        if not keys:
            return
        index = keys.index(current) + delta if current in keys else 0
        self.select(keys[max(0, min(len(keys) - 1, index))])

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(0, _KEY_ROLE)
        if key is not None:
            self.current_changed.emit(key)


def editor_badge(name: str, size: int = 16) -> QIcon:
    """A round badge with the first letter of ``name`` (a colleague on this question)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#2b6cb0"))  # the same blue on light and dark themes
    painter.drawEllipse(0, 0, size, size)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, (name.strip() or "?")[0].upper())
    painter.end()
    return QIcon(pixmap)
