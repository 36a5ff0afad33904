"""History: the kept revisions of one answer, each with a diff against now, and Restore."""

from __future__ import annotations

import difflib
import html
import json
import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.response import AnswerValue
from consultdesk.domain.rich_text import plain_text
from consultdesk.ui.response_window.authors import author_words
from consultdesk.ui.theme import palette_is_dark

_TOKEN = re.compile(r"\s+|[^\s]+")


def value_text(value: AnswerValue) -> str:
    """An answer as readable text for comparing (Markdown shown as its visible text)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return plain_text(value)
    return json.dumps(value, ensure_ascii=False, indent=1)


#: Unchanged words kept on each side of a change; longer unchanged stretches are elided.
CONTEXT_WORDS = 12


def _elide(tokens: list[str], *, head: bool, tail: bool) -> str:
    """Unchanged text, shortened to the words next to the changes around it."""
    words = [i for i, t in enumerate(tokens) if not t.isspace()]
    if len(words) <= 2 * CONTEXT_WORDS + 4:
        return "".join(tokens)
    keep_start = words[CONTEXT_WORDS] if head else 0
    keep_end = words[-CONTEXT_WORDS] if tail else len(tokens)
    if not head and not tail:
        return "".join(tokens)
    before = "".join(tokens[:keep_start]) if head else ""
    after = "".join(tokens[keep_end:]) if tail else ""
    return f"{before} … {after}" if head and tail else (before + " …" if head else "… " + after)


def diff_html(old: str, new: str, *, dark: bool = False, elide: bool = True) -> str:
    """Word-level diff as HTML: what the revision had and now is gone, and what is new.

    Long unchanged stretches are cut to the words around each change, so a change at
    the end of a long answer is on screen at once.
    """
    removed, added = ("#5c1f24", "#1f4d2c") if dark else ("#ffd6d9", "#d4f4dc")
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op in ("replace", "delete"):
            out.append(f'<span style="background:{removed}; text-decoration:line-through">'
                       f"{html.escape(''.join(a[i1:i2]))}</span>")
        if op in ("replace", "insert"):
            out.append(f'<span style="background:{added}">{html.escape("".join(b[j1:j2]))}'
                       "</span>")
        if op == "equal":
            text = _elide(a[i1:i2], head=index > 0, tail=index < len(opcodes) - 1)
            if len(opcodes) == 1 or not elide:
                text = "".join(a[i1:i2])
            out.append(html.escape(text))
    return "<div style='white-space:pre-wrap'>" + "".join(out) + "</div>"


class HistoryDialog(QDialog):
    """Pick a revision, see how it differs from the current answer, restore it."""

    def __init__(self, responses: Any, response_id: str, question_id: str,
                 current: AnswerValue, title: str, parent: QWidget | None = None, *,
                 author: Author | None = None) -> None:
        super().__init__(parent)
        self._responses, self._current = responses, current
        self._author = author or Author(WriterKind.RESTORE)
        self.restored: AnswerValue = None
        #: the answer's version after the restore
        self.restored_version: int | None = None
        self.did_restore = False
        self.setWindowTitle(self.tr("History — {title}").format(title=title))
        self.resize(900, 560)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Revisions"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Entries apart from one another (each is three lines), and wide enough for a
        # Japanese reason not to be elided to nothing.
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setMinimumWidth(340)
        self.diff = QTextBrowser(self)
        self.diff.setAccessibleName(self.tr("Changes from this revision to now"))
        legend = QLabel(self.tr("Struck through: in the revision, not in the answer now. "
                                "Highlighted: added since."), self)
        legend.setWordWrap(True)
        revisions = responses.revisions(response_id, question_id)
        for rev in revisions:
            when = rev.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = value_text(rev.value)
            who = author_words(rev.author)
            reason = self.reason_words(rev.reason)
            # An empty revision says so, instead of a blank line that looks like a gap.
            preview = " ".join(text.split())[:80] or self.tr("(empty answer)")
            item = QListWidgetItem(f"{when} · {who}\n{reason}\n{preview}")
            item.setToolTip(self.tr("Written by {author}").format(author=who)
                            + f"\n{reason}")
            item.setData(Qt.ItemDataRole.UserRole, rev)
            self.list.addItem(item)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.diff)
        splitter.setSizes([360, 540])
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(self.tr("&Restore this revision"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not revisions:
            layout.addWidget(QLabel(self.tr("No revisions kept yet. One is kept when you pause "
                                            "typing, press Ctrl+S, or mark the answer done."),
                                    self))
        layout.addWidget(splitter, 1)
        layout.addWidget(legend)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show)
        self.restore_button.setEnabled(bool(revisions))
        if revisions:
            self.list.setCurrentRow(0)

    def reason_words(self, reason: str) -> str:
        """Why a revision was kept, as a person would say it."""
        return {
            "save": self.tr("kept with Ctrl+S"),
            "pause": self.tr("typing paused"),
            "switch": self.tr("moved to another question"),
            "done": self.tr("marked done"),
            "close": self.tr("window closed"),
            "before restore": self.tr("before restoring an earlier revision"),
            "before import": self.tr("before an import"),
            "before delete": self.tr("before deleting"),
            "before removing an entry": self.tr("before removing an entry"),
            "conflict": self.tr("not saved: changed elsewhere meanwhile"),
            "replaced": self.tr("before another writer replaced it"),
            "before set": self.tr("before a command-line change"),
            "before merge": self.tr("before merging a contribution"),
            "before keep mine": self.tr("before keeping my version"),
            "before autosave": self.tr("before being overwritten"),
            "before copying from last time": self.tr("before using last time's answer"),
            "offline": self.tr("typed while offline"),
            "before sent after offline": self.tr("before an edit typed offline was sent"),
            "before merged by hand": self.tr("before merging by hand"),
        }.get(reason, reason)

    def _show(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        if item is None:
            self.diff.clear()
            return
        rev = item.data(Qt.ItemDataRole.UserRole)
        self.diff.setHtml(diff_html(value_text(rev.value), value_text(self._current),
                                    dark=palette_is_dark(self.palette())))

    def restore(self) -> None:
        """Restore the selected revision (the service keeps the current one first)."""
        item = self.list.currentItem()
        if item is None:
            return
        rev = item.data(Qt.ItemDataRole.UserRole)
        result = self._responses.restore_revision(rev.id, author=self._author)
        self.restored, self.restored_version = result.value, result.version
        self.did_restore = True
        self.accept()
