"""Importing a 60-page Word questionnaire, against python-docx merely reading the same file.

The document is built here with python-docx: 18 parts, 450 questions (half typed
"1.", half in Word's automatic numbering with "(a)" sub-questions), guidance
paragraphs, limits in several phrasings, yes/no check boxes and a table of
questions beside empty answer cells — about 60 pages once LibreOffice lays it out.
The baseline, measured in the same run, is python-docx opening the file and
reading the text of every paragraph (no structure detection at all).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import Figure, best_ms, print_figures
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from consultdesk.formats.docx_import import build_questionnaire, import_docx
from consultdesk.formats.docx_import.detect import detect
from consultdesk.formats.docx_import.package import open_docx
from consultdesk.formats.docx_import.reader import read_blocks

#: 18 parts of ten questions lay out as 60 pages in LibreOffice (checked with pdfinfo).
SECTIONS = 18
_LIMITS = ("(Maximum limit: approximately 5,000 characters with spaces)", "(max. 500 words)",
           "Your answer should not exceed 2,000 words.", "")
_GUIDANCE = ("Please provide information on the legislative, administrative and policy "
             "measures adopted, the authorities responsible for their implementation, the "
             "resources allocated, and any evaluation of their impact on the groups concerned, "
             "including women, children, older persons and persons with disabilities.")


def _numbering(doc) -> int:  # type: ignore[no-untyped-def]
    """A decimal list with lettered sub-levels, as Word's numbering.xml writes it."""
    numbering = doc.part.numbering_part.element
    aid, nid = 90, 90
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate((("decimal", "%1."), ("lowerLetter", "(%2)"))))
    first = numbering.find(qn("w:num"))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">{levels}'
                         "</w:abstractNum>")
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}">'
                               f'<w:abstractNumId w:val="{aid}"/></w:num>'))
    return nid


def _list_item(paragraph, num_id: int, level: int) -> None:  # type: ignore[no-untyped-def]
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
        "</w:numPr>"))


def build_long_questionnaire(path: Path) -> int:
    """Write the 60-page questionnaire; returns its number of questions."""
    doc = Document()
    doc.add_paragraph("Questionnaire on the implementation of the 2030 Agenda", style="Title")
    doc.add_paragraph("Please limit each answer to 500 words. " + _GUIDANCE)
    for label in ("Name of the State:", "Contact person:", "E-mail:"):
        doc.add_paragraph(label)
    num_id = _numbering(doc)
    questions = 0
    for section in range(1, SECTIONS + 1):
        doc.add_heading(f"Goal {section}: thematic review", level=1)
        doc.add_paragraph(_GUIDANCE)
        for k in range(1, 11):
            questions += 1
            limit = _LIMITS[questions % len(_LIMITS)]
            text = (f"What measures has your Government taken on target {section}.{k}, and "
                    f"with which results for the groups concerned? {limit}").strip()
            if section % 2:
                doc.add_paragraph(f"{questions}. {text}")
            else:
                _list_item(doc.add_paragraph(text), num_id, 0)
                for sub in ("Which institutions are involved?", "How is progress measured?"):
                    _list_item(doc.add_paragraph(sub), num_id, 1)
                    questions += 1
            doc.add_paragraph(_GUIDANCE)
            if k == 5:
                doc.add_paragraph(f"{questions + 1}. Is there a national action plan? "
                                  "☐ Yes ☐ No")
                doc.add_paragraph("Comments:")
                questions += 2
            doc.add_paragraph("")
        table = doc.add_table(rows=3, cols=2)
        for row in range(3):
            questions += 1
            table.cell(row, 0).text = (f"Describe a good practice under goal {section} "
                                       f"(example {row + 1}).")
    doc.save(path)
    return questions


def _python_docx_read(path: Path) -> int:
    """The baseline: open with python-docx and read every paragraph's text."""
    doc = Document(str(path))
    return sum(len(p.text) for p in doc.paragraphs)


def _review_figures(path: Path, tmp: Path, baseline: float) -> list[Figure]:
    """The review dialog on the same file: opening it, and one correction (all rows refresh)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from consultdesk.app_context import AppContext
    from consultdesk.formats.docx_import import Role
    from consultdesk.ui.import_review import ImportReviewDialog

    app = QApplication.instance() or QApplication([])
    context = AppContext.open(tmp / "data")
    try:
        def open_dialog() -> ImportReviewDialog:
            dialog = ImportReviewDialog(None, context.catalog, path)
            dialog.show()
            app.processEvents()
            return dialog

        opened = best_ms(lambda: open_dialog().deleteLater(), repeat=3)
        dialog = open_dialog()
        row = len(dialog.draft.lines) // 2
        dialog.lines.setCurrentItem(dialog.lines.topLevelItem(row))
        roles = [Role.INSTRUCTION, Role.QUESTION]

        def change_role() -> None:
            role = roles.pop(0)
            roles.append(role)
            dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role.value))
            dialog.role_combo.activated.emit(dialog.role_combo.currentIndex())
            app.processEvents()

        changed = best_ms(change_role, repeat=6)
        lines = len(dialog.draft.lines)
        dialog.deleteLater()
        return [
            Figure(f"review dialog opens on it ({lines} lines)", opened, baseline, "< 1000 ms"),
            Figure("  a role change in the review (every row refreshed)", changed,
                   baseline, "< 100 ms"),
        ]
    finally:
        context.close()


def main() -> None:
    """Print the import figures."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long-questionnaire.docx"
        build_long_questionnaire(path)
        found = sum(1 for _ in import_docx(path).questions())
        baseline = best_ms(lambda: _python_docx_read(path), repeat=5)
        package = open_docx(path)
        blocks = read_blocks(package)
        draft = detect(blocks, path.name)
        figures = [
            Figure(f"import a 60-page questionnaire ({found} questions, {len(blocks)} blocks)",
                   best_ms(lambda: import_docx(path), repeat=5), baseline, "< 1000 ms"),
            Figure("  safe open (zip caps, XML without DTD)",
                   best_ms(lambda: open_docx(path), repeat=5), baseline),
            Figure("  read blocks (numbering, tables, content controls)",
                   best_ms(lambda: read_blocks(package), repeat=5), baseline),
            Figure("  detect structure (roles, numbers, limits)",
                   best_ms(lambda: detect(blocks, path.name), repeat=5), baseline),
            Figure("  build and validate the questionnaire",
                   best_ms(lambda: build_questionnaire(draft), repeat=5), baseline),
            *_review_figures(path, Path(tmp), baseline),
            Figure("baseline: python-docx opens and reads every paragraph", baseline,
                   baseline),
        ]
        print_figures(f"Word import ({path.stat().st_size // 1024} KiB .docx; "
                      "baseline: python-docx reading the same file)", figures)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    main()
