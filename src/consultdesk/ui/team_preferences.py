"""Preferences ▸ Team database: the server's address and a connection test.

The address never holds a password (the service refuses one): libpq finds it in
~/.pgpass, a service file or PGPASSWORD, or, failing those, the system keyring (the
Password row keeps it there, through the team service).  The test goes through the
team service, so the ui never touches the database itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.ui.errors import error_text


class TeamDatabaseBox(QGroupBox):
    """The team database address, a Test button and what the test found."""

    def __init__(self, url: str, team: Any | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Team database"))
        self._team = team
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("postgresql://sato@db.example.org:5432/consultdesk")
        self.url.setClearButtonEnabled(True)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_button.setEnabled(team is not None)
        # Kept in the system keyring on request, never in the settings or the address.
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("only if ~/.pgpass does not have it"))
        self.keep_button = QPushButton(self.tr("&Keep in the system keyring"))
        self.keep_button.clicked.connect(self.keep_password)
        self.keep_button.setEnabled(team is not None)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(self.tr(
            "Leave empty to keep your responses on this computer. The password is never "
            "part of the address: put it in ~/.pgpass (or a pg_service.conf service), or "
            "keep it in the system keyring. A change applies the next time ConsultDesk "
            "starts."))
        note.setWordWrap(True)
        note.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.test_button)
        # A label with a buddy: its "&S" is an underlined shortcut, not a literal "&Server".
        server_label = QLabel(self.tr("&Server:"))
        server_label.setBuddy(self.url)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.keep_button)
        form = QFormLayout()
        form.addRow(server_label, row)
        form.addRow(password_label, password_row)
        # Below the form, as wide as the box: a wrapped label in a form row was given the
        # height of a narrower column and lost its last line (Japanese).
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.result)
        column.addWidget(note)
        self.result.hide()  # an empty line until a test says something

    def test_connection(self) -> bool:
        """Connect to the address typed and say what was found (True when it worked)."""
        url = self.url.text().strip()
        if not url:
            self._say(self.tr("No server: your responses stay on this computer."))
            return True
        if self._team is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = self._team.check_connection(url)
        except ConsultDeskError as exc:
            # In the interface's language (str() is the English template).
            self._say(self.tr("Cannot connect: %1").replace("%1", error_text(exc)))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._say(self.tr("Connected to %1 as %2: %n response(s).", "", found.responses)
                  .replace("%1", found.server).replace("%2", found.role))
        return True

    def keep_password(self) -> bool:
        """Keep the password typed in the system keyring for the address typed (the field
        is cleared either way; True when it was kept)."""
        url, secret = self.url.text().strip(), self.password.text()
        self.password.clear()
        if self._team is None or not url or not secret:
            self._say(self.tr("Type the server's address and the password first."))
            return False
        try:
            account = self._team.remember_password(url, secret)
        except ConsultDeskError as exc:
            self._say(self.tr("Not kept: %1").replace("%1", error_text(exc)))
            return False
        self._say(self.tr("Kept in the system keyring for %1.").replace("%1", account))
        return True

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()
