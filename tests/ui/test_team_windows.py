"""Two officials on one team database (two contexts on a real PostgreSQL server, one per
"computer"), each with a response window open on the same response."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
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


def test_the_navigator_marks_each_question_someone_else_is_editing(qtbot, team) -> None:
    sato_ctx, tanaka_ctx = team
    third = AppContext.open(tanaka_ctx.data_dir.parent / "Suzuki", tanaka_ctx.database.url)
    third.settings = Settings()
    third.settings.user_name = "Suzuki"
    try:
        rid = sato_ctx.responses.create(OHCHR, "Japan 2026")
        sato = open_window(qtbot, sato_ctx, rid)
        tanaka = open_window(qtbot, tanaka_ctx, rid)
        suzuki = open_window(qtbot, third, rid)
        sato.navigator.select("q3")
        suzuki.navigator.select("q5")
        nav = tanaka.navigator
        qtbot.waitUntil(lambda: nav.editors_of("q3") == "Sato is editing this question"
                        and nav.editors_of("q5") == "Suzuki is editing this question",
                        timeout=5000)
        # A mark the user sees: the badge beside the count, the name in both tooltips.
        assert not nav.item("q3").icon(1).isNull()
        assert nav.item("q3").toolTip(0).endswith("\nSato is editing this question")
        assert [k for k in ("q1", "q2", "q4", "q6") if nav.editors_of(k)] == []
        tanaka.grab().save(str(tanaka_ctx.data_dir.parent / "presence.png"))
        # Two on one question: both named.
        suzuki.navigator.select("q3")
        qtbot.waitUntil(lambda: nav.editors_of("q3") == "Sato and Suzuki are editing this question",
                        timeout=5000)  # (ordered by name)
        qtbot.waitUntil(lambda: nav.editors_of("q5") == "", timeout=5000)
        assert nav.item("q5").toolTip(0) == nav.item("q5").text(0)
        # Sato's own navigator marks Suzuki, never Sato.
        qtbot.waitUntil(lambda: sato.navigator.editors_of("q3") ==
                        "Suzuki is editing this question", timeout=5000)
        sato.close()
        suzuki.close()
        qtbot.waitUntil(lambda: nav.editors_of("q3") == "", timeout=5000)
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ResponseWindow):
                widget.close()
        third.close()


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


def test_preferences_keep_the_password_in_the_keyring_and_it_connects(
        qtbot, pg_server, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No .pgpass, no PGPASSWORD: the password typed in Preferences goes to the system
    keyring (an in-memory backend here), and the connection test then gets in."""
    import keyring
    from keyring.backend import KeyringBackend
    from pg_server import dbname

    from consultdesk.ui.preferences import PreferencesDialog

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]
        kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    name = dbname(pg_url)
    pg_server.add_role(f"pref_{name}", "t0ken", name)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    url = pg_server.tcp_url(name, f"pref_{name}")
    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        from consultdesk.services.team import TeamService

        settings = Settings()
        dialog = PreferencesDialog(settings, team=TeamService(tmp_path / "data"))
        qtbot.addWidget(dialog)
        box = dialog.team_database
        qtbot.keyClicks(box.url, url)
        assert not box.test_connection()
        assert "password" in box.result.text()
        qtbot.keyClicks(box.password, "t0ken")
        qtbot.mouseClick(box.keep_button, Qt.MouseButton.LeftButton)
        assert box.result.text().startswith("Kept in the system keyring for pref_")
        assert box.password.text() == ""  # not left in the window
        assert box.test_connection(), box.result.text()
        assert box.result.text().startswith("Connected to ")
        dialog.accept()
        assert settings.team_database_url == url and "t0ken" not in url
        assert list(Memory.kept.values()) == ["t0ken"]
    finally:
        keyring.set_keyring(previous)


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


def history(context: AppContext, rid: str) -> list[str]:
    """Every kept revision of q1, newest first."""
    return [r.value for r in context.responses.revisions(rid, "q1")]  # type: ignore[misc]


def test_a_save_in_one_window_appears_in_the_other(qtbot, team, capsys) -> None:
    sato_ctx, tanaka_ctx = team
    rid = sato_ctx.responses.create(OHCHR, "Japan", answers={"q1": "First draft.\n"})
    sato, tanaka = open_window(qtbot, sato_ctx, rid), open_window(qtbot, tanaka_ctx, rid)
    theirs = tanaka.answers.text_editor.editor
    assert theirs.toPlainText() == "First draft."
    editor = sato.answers.text_editor.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Sato adds a sentence.")
    sato.answers.flush_pending()
    assert sato.session.autosave.flush()
    saved_at = time.monotonic()
    qtbot.waitUntil(lambda: theirs.toPlainText() == "First draft. Sato adds a sentence.",
                    timeout=3000)
    seen_after = time.monotonic() - saved_at
    with capsys.disabled():
        print(f"\nteam live refresh: seen in the other window {seen_after * 1000:.0f} ms "
              "after the save returned")
    assert tanaka.live.note.isVisible() and "Sato" in tanaka.live.note.text()


def test_typing_in_both_windows_gives_a_conflict_not_a_loss(qtbot, team) -> None:
    sato_ctx, tanaka_ctx = team
    rid = sato_ctx.responses.create(OHCHR, "Japan", answers={"q1": "Start."})
    sato, tanaka = open_window(qtbot, sato_ctx, rid), open_window(qtbot, tanaka_ctx, rid)
    mine = tanaka.answers.text_editor.editor
    mine.setFocus()
    mine.moveCursor(mine.textCursor().MoveOperation.End)
    typed: list[str] = []
    timer = QTimer()

    def word() -> None:
        typed.append(f" t{len(typed)}")
        qtbot.keyClicks(mine, typed[-1])

    timer.timeout.connect(word)
    timer.start(80)  # Tanaka types non-stop ...
    try:
        qtbot.wait(300)
        editor = sato.answers.text_editor.editor  # ... while Sato writes the same answer
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        qtbot.keyClicks(editor, " Sato's paragraph.")
        sato.answers.flush_pending()
        assert sato.session.autosave.flush()
        qtbot.waitUntil(lambda: tanaka.live.bar.isVisible(), timeout=10_000)
    finally:
        timer.stop()
    assert "Sato's paragraph." in tanaka.live.bar.theirs.toPlainText()
    tanaka.live.bar.keep_button.click()
    qtbot.waitUntil(lambda: not tanaka.live.bar.isVisible(), timeout=3000)
    tanaka.answers.flush_pending()
    assert tanaka.session.autosave.flush()
    assert tanaka.session.autosave.state is SaveState.SAVED
    stored = tanaka_ctx.responses.load(rid).answers["q1"]
    kept = [stored, *history(tanaka_ctx, rid)]
    # Tanaka's every word is the answer; Sato's paragraph is in History.
    assert all(w.strip() in stored for w in typed)
    assert any("Sato's paragraph." in k for k in kept)
