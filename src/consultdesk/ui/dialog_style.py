"""The app's style once its first window is painted: Fusion with text-only dialog buttons.

On a GNOME or KDE desktop Fusion puts icons on standard buttons (OK, Cancel) but not on
ours ("Export anyway…"), so one dialog mixed both; Windows and macOS draw them as text.
Imported by ``theme.use_dialog_style`` only, after the first paint: a Python style makes
Qt call Python for every style hint (see there).
"""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory


class ConsultDeskStyle(QProxyStyle):
    """Fusion (or the given style), with dialog buttons that carry no icons."""

    def __init__(self, base: QStyle | None = None) -> None:
        super().__init__(base if base is not None else QStyleFactory.create("Fusion"))

    def styleHint(self, hint: QStyle.StyleHint, option: object = None,
                  widget: object = None, data: object = None) -> int:
        """Fusion's hints, but never icons on a dialog's standard buttons."""
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, data)  # type: ignore[arg-type]
