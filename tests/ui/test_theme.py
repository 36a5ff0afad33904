"""The app's look: Fusion, text-only dialog buttons, and the palette the appearance asks for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProxyStyle, QStyle

from consultdesk.ui import theme
from consultdesk.ui.application import make_application


class _DesktopWithButtonIcons(QProxyStyle):
    """Fusion as a GNOME or KDE desktop sets it up: icons on standard dialog buttons."""

    def styleHint(self, hint: QStyle.StyleHint, option: object = None,
                  widget: object = None, data: object = None) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)  # type: ignore[arg-type]


@pytest.fixture
def restored_look(qapp: QApplication) -> Iterator[QApplication]:
    """The application, given back with the style and palette it had."""
    palette, name = qapp.palette(), qapp.applicationName()
    yield qapp
    qapp.setApplicationName(name)
    theme.use_dialog_style(qapp)
    qapp.setPalette(palette)


def _icons_shown(box: QDialogButtonBox) -> list[bool]:
    return [not button.icon().isNull() for button in box.buttons()]


def test_dialog_buttons_have_no_icons_even_where_the_desktop_asks_for_them(
        restored_look: QApplication) -> None:
    app = restored_look
    buttons = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    # The desktop's style asks for icons (so the test can fail) ...
    app.setStyle(_DesktopWithButtonIcons("Fusion"))
    assert _icons_shown(QDialogButtonBox(buttons)) == [True, True]
    # ... and the app's style on it says text only.
    theme.use_dialog_style(app, _DesktopWithButtonIcons("Fusion"))
    assert _icons_shown(QDialogButtonBox(buttons)) == [False, False]


def test_the_app_is_fusion_with_the_palette_asked_for(restored_look: QApplication) -> None:
    app = restored_look
    app.setStyle("Windows")
    app.setApplicationName("made-elsewhere")  # an application made by someone else
    assert make_application() is app
    assert app.style().name().lower() == "fusion"
    theme.apply(app, "dark")
    assert theme.palette_is_dark(app.palette())
    theme.apply(app, "light")
    assert not theme.palette_is_dark(app.palette())


def test_a_new_application_starts_in_fusion_without_switching(tmp_path) -> None:
    """The real start: a fresh process makes its application with Qt's -style argument."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("from consultdesk.ui.application import make_application\n"
            "app = make_application()\n"
            "print(app.style().name())\n")
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(src),
           "QT_STYLE_OVERRIDE": "Windows"}  # a desktop that asks for another style
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.strip().lower() == "fusion"


def test_the_first_paint_follows_what_the_desktop_said_last_time(qapp: QApplication) -> None:
    desktop = theme.system_is_dark()  # offscreen: no scheme, so not dark
    assert theme.first_paint_dark("system", True) is True
    assert theme.first_paint_dark("system", False) is False
    assert theme.first_paint_dark("system", None) is desktop  # a first start asks
    # A chosen appearance is kept whatever the desktop said.
    assert theme.first_paint_dark("dark", False) is True
    assert theme.first_paint_dark("light", True) is False


def test_after_the_first_paint_the_desktop_is_asked_and_remembered(
        restored_look: QApplication, tmp_path) -> None:
    from consultdesk.services.settings import user_settings
    from consultdesk.ui.application import ask_the_desktop

    app = restored_look
    settings = user_settings(tmp_path)
    settings.appearance = "system"
    settings.system_dark = True  # the desktop was dark last time; it is not now
    settings.sync()
    theme.apply(app, settings.appearance,
                dark=theme.first_paint_dark(settings.appearance, settings.system_dark))
    assert theme.palette_is_dark(app.palette())  # painted as last time
    ask_the_desktop(app, settings)
    assert not theme.palette_is_dark(app.palette())  # then as the desktop is now
    assert user_settings(tmp_path).system_dark is False  # and the next start knows


def test_a_chosen_appearance_stays_whatever_the_desktop_says(
        restored_look: QApplication, tmp_path) -> None:
    from consultdesk.services.settings import user_settings
    from consultdesk.ui.application import ask_the_desktop

    app = restored_look
    settings = user_settings(tmp_path)
    settings.appearance = "dark"
    theme.apply(app, "dark", dark=theme.first_paint_dark("dark", None))
    ask_the_desktop(app, settings)
    assert theme.palette_is_dark(app.palette())
    assert settings.system_dark is False  # still remembered, for a switch to "system"


def test_switching_the_appearance_reaches_the_editors_and_lists(
        qtbot, restored_look: QApplication) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QListWidget, QTextEdit

    app = restored_look
    theme.apply(app, "light")
    editor, listing = QTextEdit(), QListWidget()
    for widget in (editor, listing):
        qtbot.addWidget(widget)
        widget.show()
    qtbot.waitExposed(editor)

    def base(widget: QTextEdit | QListWidget) -> int:
        return widget.viewport().palette().color(QPalette.ColorRole.Base).lightness()

    assert base(editor) > 128 and base(listing) > 128
    theme.use_dialog_style(app)  # a style switch after the widgets were made, as at start
    theme.apply(app, "dark")
    # (Under an application style sheet a scroll area kept its light base.)
    qtbot.waitUntil(lambda: base(editor) < 128 and base(listing) < 128, timeout=5000)
    theme.apply(app, "light")
    qtbot.waitUntil(lambda: base(editor) > 128 and base(listing) > 128, timeout=5000)


def test_a_desktop_switch_while_running_is_passed_on(qapp: QApplication) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    calls: list[str] = []
    theme.follow_system(qapp, lambda: calls.append("asked"))
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert calls == ["asked"]
