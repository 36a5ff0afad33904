"""Property: any answer survives the editor unchanged (Markdown -> document -> paragraphs)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from consultdesk.domain.rich_text import parse_markdown, to_markdown
from consultdesk.ui.editor.document_model import document_paragraphs, fill_document
from consultdesk.ui.editor.paste_filter import paragraphs_from_html

_WORDS = st.sampled_from(["civil", "society", "日本語", "👍🏽", "a*b", "x_y", "1.", "-", "NGOs,",
                          "«quoted»", "e\u0301"])
_INLINE = st.lists(
    st.tuples(st.lists(_WORDS, min_size=1, max_size=4), st.sampled_from(["", "*", "**", "***"])),
    min_size=1, max_size=4,
).map(lambda parts: " ".join(f"{m}{' '.join(w)}{m}" for w, m in parts))


@st.composite
def _answers(draw: st.DrawFn) -> str:
    """Markdown with paragraphs, line breaks, and lists nested up to 3 deep (items with
    second paragraphs too)."""
    blocks: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["para", "break", "list"]))
        if kind == "para":
            blocks.append(draw(_INLINE))
        elif kind == "break":
            blocks.append(draw(_INLINE) + "\\\n" + draw(_INLINE))
        else:
            lines, level = [], 0
            for _ in range(draw(st.integers(1, 5))):
                level = draw(st.integers(0, min(level + 1, 2)))
                marker = draw(st.sampled_from(["- ", "1. "]))
                lines.append("   " * level + marker + draw(_INLINE))
                if draw(st.booleans()) and draw(st.booleans()):  # a second paragraph in the item
                    lines.append("\n" + "   " * level + " " * len(marker) + draw(_INLINE))
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_answers())
def test_every_answer_survives_the_editor(qapp: QApplication, markdown: str) -> None:
    parsed = parse_markdown(markdown)
    doc = QTextDocument()
    fill_document(doc, parsed)
    back = document_paragraphs(doc).paragraphs
    assert [(p.text, p.list_type, p.level) for p in back] == [
        (p.text, p.list_type, p.level) for p in parsed]
    # What is stored after editing reads back to the same answer.
    assert parse_markdown(to_markdown(back)) == parse_markdown(to_markdown(parsed))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_answers())
def test_pasting_qt_html_keeps_the_text_and_formatting(qapp: QApplication,
                                                       markdown: str) -> None:
    # HTML from a Qt program (ConsultDesk itself, copying between answers): every paragraph
    # and its bold/italic arrive.  (Qt's HTML can lose an item's list after a nested list
    # closes, so the list structure is checked on the document model, not here.)
    parsed = parse_markdown(markdown)
    doc = QTextDocument()
    fill_document(doc, parsed)
    pasted = paragraphs_from_html(doc.toHtml())
    assert [p.runs for p in pasted] == [p.runs for p in parsed]
