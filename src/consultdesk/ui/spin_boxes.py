"""Date fields and number fields as tall as Fusion draws them, under the app's style sheet.

Under an application style sheet (``theme.DIALOG_BUTTONS_SHEET``, issue 10) Qt's
style-sheet style sizes a spin box from its inner line edit alone, without the frame
Fusion adds: a deadline field came out 19 px tall beside 22 px line edits (23 px before)
and its text touched the frame.  Fusion itself is asked for the height (made once, when
the first such field is made: never for the library's first paint).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QStyle,
    QStyleFactory,
    QStyleOptionFrame,
    QStyleOptionSpinBox,
)

_FUSION: list[QStyle] = []


def fusion_height(spin: QAbstractSpinBox) -> int:
    """The height Fusion gives ``spin`` for its font (what it had without a style sheet),
    from its line edit's size under the sheet (its text alone, no margin)."""
    if not _FUSION:
        _FUSION.append(QStyleFactory.create("Fusion"))
    fusion = _FUSION[0]
    edit = spin.lineEdit()
    line = QStyleOptionFrame()
    edit.initStyleOption(line)
    inner = fusion.sizeFromContents(QStyle.ContentsType.CT_LineEdit, line, edit.sizeHint(), edit)
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    return fusion.sizeFromContents(QStyle.ContentsType.CT_SpinBox, option, inner, spin).height()


def under_style_sheet(spin: QAbstractSpinBox) -> bool:
    """Whether Qt's style-sheet style sizes ``spin`` (an application or widget sheet)."""
    return spin.style().metaObject().className() == "QStyleSheetStyle"


def keep_fusion_height(spin: QAbstractSpinBox) -> None:
    """Make ``spin`` at least as tall as Fusion draws it (see the module's note); without a
    style sheet its own size is Fusion's already."""
    if under_style_sheet(spin):
        spin.setMinimumHeight(max(spin.minimumHeight(), fusion_height(spin)))
