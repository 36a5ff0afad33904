"""The Fusion style with a light or dark palette that follows the system (or Preferences)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle

# Asking the desktop's colour scheme hands Python a Qt.ColorScheme, and PySide then builds
# the whole Qt namespace (93 enums, ~20 ms) first.  So the first paint follows what the
# desktop said last time (Settings.system_dark) and the desktop is asked just after it
# (see ``first_paint_dark``); nothing else here names ``Qt`` at import.

#: Preferences values for the appearance.
APPEARANCES = ("system", "light", "dark")

# Accent and status colours, chosen to keep a 4.5:1 contrast on both palettes.
_ACCENT_LIGHT = "#1f5fbf"
_ACCENT_DARK = "#5b9bf0"


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark appearance."""
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def first_paint_dark(appearance: str, remembered: bool | None) -> bool:
    """Whether the first window is painted dark: ``appearance``'s choice, where "system"
    means what the desktop said last time (``remembered``); the desktop itself only on a
    first start, when nothing is remembered."""
    if appearance == "system" and remembered is not None:
        return remembered
    return is_dark(appearance)


def is_dark(appearance: str) -> bool:
    """Whether ``appearance`` ("system", "light" or "dark") means dark right now."""
    if appearance == "dark":
        return True
    if appearance == "light":
        return False
    return system_is_dark()


def light_palette() -> QPalette:
    """A calm light palette (Fusion's, with a firmer accent)."""
    p = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1b1d21",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f7f9",
        QPalette.ColorRole.ToolTipBase: "#ffffdc",
        QPalette.ColorRole.ToolTipText: "#1b1d21",
        QPalette.ColorRole.PlaceholderText: "#6b7079",
        QPalette.ColorRole.Text: "#1b1d21",
        QPalette.ColorRole.Button: "#e9ebef",
        QPalette.ColorRole.ButtonText: "#1b1d21",
        QPalette.ColorRole.BrightText: "#b00020",
        QPalette.ColorRole.Highlight: _ACCENT_LIGHT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: _ACCENT_LIGHT,
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e2e4e8",
        QPalette.ColorRole.Mid: "#c3c7ce",
        QPalette.ColorRole.Dark: "#9aa0a9",
        QPalette.ColorRole.Shadow: "#5c6068",
    }
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    _disabled(p, "#8b9099")
    return p


def dark_palette() -> QPalette:
    """A dark palette with enough contrast for a full working day."""
    p = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#202226",
        QPalette.ColorRole.WindowText: "#e6e7ea",
        QPalette.ColorRole.Base: "#17181b",
        QPalette.ColorRole.AlternateBase: "#1d1f23",
        QPalette.ColorRole.ToolTipBase: "#2b2e33",
        QPalette.ColorRole.ToolTipText: "#e6e7ea",
        QPalette.ColorRole.PlaceholderText: "#8e939c",
        QPalette.ColorRole.Text: "#e6e7ea",
        QPalette.ColorRole.Button: "#2c2f34",
        QPalette.ColorRole.ButtonText: "#e6e7ea",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: _ACCENT_DARK,
        QPalette.ColorRole.HighlightedText: "#0d0e10",
        QPalette.ColorRole.Link: _ACCENT_DARK,
        QPalette.ColorRole.Light: "#3a3d43",
        QPalette.ColorRole.Midlight: "#33363c",
        QPalette.ColorRole.Mid: "#4a4e55",
        QPalette.ColorRole.Dark: "#111214",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    _disabled(p, "#6c7078")
    return p


def _disabled(p: QPalette, color: str) -> None:
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))


#: Qt's own arguments that start an application in Fusion.  A new application is made
#: with these rather than switched with ``setStyle``: the switch hands Python the style
#: object, and PySide then builds its class (with a dozen enums, ~7 ms) before the
#: first window can be painted.
STYLE_ARGUMENTS = ["-style", "fusion"]


def use_fusion(app: QApplication) -> None:
    """Switch an application made without :data:`STYLE_ARGUMENTS` to Fusion."""
    app.setStyle("Fusion")


def use_dialog_style(app: QApplication, base: QStyle | None = None) -> None:
    """Fusion (or ``base``) with text-only dialog buttons (``ui/dialog_style``), from now on.

    Called once the first window is painted, before any dialog can open (the start-up's
    error boxes call it too): the style is Python, so Qt calls Python for every style hint
    of every widget, and handing it the widgets makes PySide build dozens of Qt classes,
    ~20 ms that the first paint does not wait for.  Its look is Fusion's in all else.
    """
    from consultdesk.ui.dialog_style import ConsultDeskStyle

    if base is not None or not isinstance(app.style(), ConsultDeskStyle):
        app.setStyle(ConsultDeskStyle(base))


def apply(app: QApplication, appearance: str = "system", *, dark: bool | None = None) -> None:
    """The palette ``appearance`` asks for, or the ``dark`` one when said (on Fusion: see
    :data:`STYLE_ARGUMENTS`, :func:`use_fusion` and :func:`use_dialog_style`)."""
    wanted = dark_palette() if (is_dark(appearance) if dark is None else dark) else light_palette()
    if app.palette() != wanted:  # the same again would re-polish every widget for nothing
        app.setPalette(wanted)


def follow_system(app: QApplication, changed: Callable[[], None]) -> None:
    """Call ``changed`` when the desktop switches between light and dark (it re-applies the
    palette: see ``application.ask_the_desktop``)."""

    def _changed(_scheme: Qt.ColorScheme) -> None:
        changed()

    QGuiApplication.styleHints().colorSchemeChanged.connect(_changed)


def palette_is_dark(palette: QPalette) -> bool:
    """Whether a palette's window colour is dark (to pick readable status colours)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def status_colors(palette: QPalette) -> dict[str, QColor]:
    """Colours for good / warning / over states that read well on ``palette``."""
    if palette_is_dark(palette):
        return {"ok": QColor("#5cc98a"), "warn": QColor("#f0b54a"), "over": QColor("#ff7a7a"),
                "muted": QColor("#9aa0a9"), "accent": QColor(_ACCENT_DARK)}
    return {"ok": QColor("#1e7a45"), "warn": QColor("#a35a00"), "over": QColor("#b3261e"),
            "muted": QColor("#5f6570"), "accent": QColor(_ACCENT_LIGHT)}


def notice_colors(palette: QPalette) -> tuple[str, str, str]:
    """(background, text, border) of a calm amber notice (the offline banners) that reads
    on ``palette``: pale amber with dark text on a light palette, dim amber with light
    text on a dark one (the pale bar glared out of a dark window)."""
    if palette_is_dark(palette):
        return "#3d3420", "#f3e6c4", "#8a7230"
    return "#fff4ce", "#3b2f00", "#e0c35c"
