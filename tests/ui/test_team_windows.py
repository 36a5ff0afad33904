"""Two officials on one team database (two contexts on a real PostgreSQL server, one per
"computer"), each with a response window open on the same response."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from consultdesk.app_context import AppContext
from consultdesk.services.settings import Settings
from consultdesk.ui.response_window import ResponseWindow
from consultdesk.ui.response_window.autosave import SaveState

OHCHR = "ohchr-civic-space-2021"


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    """Sato's and Tanaka's ConsultDesk, on one team database."""
    contexts = []
    for name in ("Sato", "Tanaka"):
        ctx = AppContext.open(tmp_path / name, pg_url)
        ctx.settings = Settings()
        ctx.settings.user_name = name
        contexts.append(ctx)
    yield contexts[0], contexts[1]
    for ctx in contexts:
        ctx.close()


def open_window(qtbot, context: AppContext, rid: str) -> ResponseWindow:
    window = ResponseWindow(context, rid)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    # Refresh presence quickly in the test (the app does it every few seconds).
    window.presence.timer.setInterval(100)
    return window


def test_each_sees_who_is_editing_which_question(qtbot, team) -> None:
    sato_ctx, tanaka_ctx = team
    rid = sato_ctx.responses.create(OHCHR, "Japan 2026")
    sato = open_window(qtbot, sato_ctx, rid)
    tanaka = open_window(qtbot, tanaka_ctx, rid)
    sato.navigator.select("q3")
    qtbot.waitUntil(lambda: tanaka.presence.text() == "Sato is editing Q3", timeout=5000)
    assert tanaka.presence.isVisible()
    tanaka.navigator.select("q1")
    qtbot.waitUntil(lambda: sato.presence.text() == "Tanaka is editing Q1", timeout=5000)
    sato.navigator.select("q5")
    qtbot.waitUntil(lambda: tanaka.presence.text() == "Sato is editing Q5", timeout=5000)
    # Sato closes the window: the line goes from Tanaka's at the next refresh.
    sato.close()
    qtbot.waitUntil(lambda: not tanaka.presence.isVisible(), timeout=5000)
    assert QApplication.activeModalWidget() is None


def test_a_solo_data_folder_shows_no_presence(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR)
    window = ResponseWindow(app_context, rid)
    qtbot.addWidget(window)
    window.show()
    assert not window.presence.timer.isActive() and not window.presence.isVisible()


def test_preferences_test_the_team_database_and_keep_its_address(
        qtbot, team, pg_url: str, tmp_path: Path) -> None:
    from consultdesk.ui.preferences import PreferencesDialog

    sato_ctx, _ = team
    sato_ctx.responses.create(OHCHR)
    settings = Settings()
    dialog = PreferencesDialog(settings, team=sato_ctx.team)
    qtbot.addWidget(dialog)
    box = dialog.team_database
    qtbot.keyClicks(box.url, "postgresql://sato:secret@db.example.org/consultdesk")
    assert not box.test_connection()
    assert box.result.text().startswith("Cannot connect:") and ".pgpass" in box.result.text()
    box.url.clear()
    qtbot.keyClicks(box.url, pg_url)
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    assert box.result.text().startswith("Connected to ") and ": 1 response" in box.result.text()
    dialog.accept()
    assert settings.team_database_url == pg_url


def test_the_server_stops_while_typing_and_every_word_arrives(
        qtbot, pg_server, pg_url: str, tmp_path: Path) -> None:
    ctx = AppContext.open(tmp_path / "sato", pg_url)
    ctx.settings = Settings()
    ctx.settings.user_name = "Sato"
    try:
        rid = ctx.responses.create(OHCHR, "Japan 2026")
        window = open_window(qtbot, ctx, rid)
        window.navigator.select("q1")
        editor = window.answers.text_editor.editor
        editor.setFocus()
        autosave = window.session.autosave
        qtbot.keyClicks(editor, "Before the outage. ")
        qtbot.waitUntil(lambda: autosave.state is SaveState.SAVED and not autosave.pending,
                        timeout=10_000)
        pg_server.stop_server()  # the server goes away (immediate shutdown)
        try:
            qtbot.keyClicks(editor, "During the outage every word counts. ")
            qtbot.waitUntil(lambda: window.offline_banner.isVisible(), timeout=15_000)
            assert window.offline_banner.text().startswith("Offline — your changes are kept")
            assert window.save_label.text() == "Kept on this computer"
            qtbot.keyClicks(editor, "And more words, still offline.")
            typed = "Before the outage. During the outage every word counts. " \
                    "And more words, still offline."
            # On this computer's disk (the outbox), not only in the window.
            qtbot.waitUntil(lambda: (ctx.outbox.pending_values(rid).get("q1") or "").strip()
                            == typed, timeout=15_000)
            assert window.isVisible() and QApplication.activeModalWidget() is None
        finally:
            pg_server.start_server()
            pg_server.wait_ready()
        qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=20_000)
        qtbot.waitUntil(lambda: autosave.state is SaveState.SAVED, timeout=10_000)
        assert ctx.outbox.pending(rid) == 0
        other = AppContext.open(tmp_path / "tanaka", pg_url)
        try:
            stored = other.responses.load(rid).answers["q1"]
        finally:
            other.close()
        assert stored.strip() == typed and stored == window.session.answers["q1"]
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ResponseWindow):
                widget.close()
        ctx.close()
