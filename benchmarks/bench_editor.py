"""The answer editor's work per keystroke: read the document, count, find the overflow, Markdown.

Measured on answers of 5,000 characters (a typical limit) and 50,000 (a long annex
pasted in), each against reading the same document's plain text (``toPlainText``),
the cheapest look Qt offers at it, measured in the same run.
"""

from __future__ import annotations

import os

from common import Figure, best_ms, print_figures

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from consultdesk.domain.questionnaire import Convention, Limit
from consultdesk.domain.rich_text import parse_markdown
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.editor.document_model import fill_document

_PARAGRAPH = (
    "We have increased the **opportunities** for civil society organizations to participate "
    "in the *decision-making* process, including through videoconferencing.\n\n"
    "- Implementing awareness-raising activities\n- Supporting voluntary efforts\n"
    "  1. transparency\n  2. accountability\n\n"
)


def _answer(length: int) -> str:
    return (_PARAGRAPH * (length // len(_PARAGRAPH) + 1))[:length]


def _window_keystroke() -> Figure:
    """One typed character in the whole response window (navigator, progress, autosave queue)."""
    import tempfile
    from pathlib import Path

    from consultdesk.app_context import AppContext
    from consultdesk.ui.response_window import ResponseWindow

    with tempfile.TemporaryDirectory() as folder:
        context = AppContext.open(Path(folder))
        text = _answer(4_900)
        rid = context.responses.create("ohchr-civic-space-2021", "bench",
                                       answers={f"q{i}": text for i in range(1, 7)})
        window = ResponseWindow(context, rid)
        editor = window.answers.text_editor.editor
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        ms = best_ms(lambda: editor.insertPlainText("x"), repeat=7, number=3)
        baseline = best_ms(editor.document().toPlainText, repeat=7, number=5)
        window.session.autosave.flush()
        window.close()
        context.close()
    return Figure("response window, 6 answers of 4,900 chars: one typed character", ms,
                  baseline, "< 16 ms (one frame)")


def main() -> None:
    """Print the per-keystroke figures."""
    app = QApplication.instance() or QApplication([])
    figures = []
    for length in (5_000, 50_000):
        editor = AnswerEditor()
        doc = QTextDocument(editor)
        fill_document(doc, parse_markdown(_answer(length)))
        # Over the limit, so the overflow search runs too (the costlier case).
        limit = Limit(amount=length // 2)
        for convention in Convention:
            editor.show_document("q", doc, limit, convention)
            baseline = best_ms(doc.toPlainText, repeat=7, number=5)
            ms = best_ms(editor.refresh, repeat=7, number=3)
            figures.append(Figure(f"{length:,} chars over the limit, {convention.value}: refresh",
                                  ms, baseline, "< 16 ms at 5,000 (one frame)"))

        editor.show_document("q", doc, limit, Convention.DOCUMENT)
        ms = best_ms(lambda e=editor: e.editor.insertPlainText("x"), repeat=7, number=3)
        deferred = " (recount after the pause)" if length > 20_000 else ""
        figures.append(Figure(f"{length:,} chars: one typed character{deferred}", ms,
                              best_ms(doc.toPlainText, repeat=7, number=5),
                              "< 16 ms at 5,000"))
    figures.append(_window_keystroke())
    print_figures("Answer editor, per keystroke", figures)
    del app


if __name__ == "__main__":
    main()
