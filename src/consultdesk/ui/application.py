"""Starting the desktop app: QApplication, language, palette, one window per data dir.

``run_gui`` is what ``consultdesk`` (no command) and ``consultdesk open RID`` call, with
a :class:`Launcher` from the composition root (the ui never builds services itself).
A second start on the same data dir finds the writer lock held, hands its request to
the running app (``single_instance``) and exits, so the running one comes to the front.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QTimer,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from consultdesk.services.bundle import APP_NAME, resources_dir
from consultdesk.services.context import Launcher, Services
from consultdesk.services.errors import (
    ConsultDeskError,
    DamagedDatabaseError,
    NewerSchemaError,
    ReadOnlyDataDirError,
    ServerUnreachableError,
    print_error,
)
from consultdesk.services.settings import Settings
from consultdesk.ui import theme
from consultdesk.ui.background import Outcome, in_background
from consultdesk.ui.errors import error_text, os_reason
from consultdesk.ui.i18n import Translations, resolve_language
from consultdesk.ui.library.window import LibraryWindow
from consultdesk.ui.settings_store import app_settings

if TYPE_CHECKING:
    from consultdesk.ui.single_instance import InstanceServer

#: Exit code when the app cannot start (the same as the CLI's "bad input").
EXIT_CANNOT_START = 2


def open_context(launcher: Launcher, settings: Settings) -> Services | None:
    """Open the data dir, offering recovery for a damaged database, and for a team server
    that cannot be reached: retry, or the local copies; None if the user quits."""
    title = QCoreApplication.translate("Startup", "ConsultDesk cannot start")
    while True:
        try:
            return launcher.open(settings)
        except ServerUnreachableError as exc:
            from consultdesk.ui.library.startup_dialogs import UnreachableDialog

            print_error(str(exc))
            dialog = UnreachableDialog(error_text(exc), launcher.offline_copies(settings))
            choice = dialog.exec()
            if choice == UnreachableDialog.RETRY:
                continue
            if choice != UnreachableDialog.OFFLINE:
                return None
            try:
                return launcher.open_offline(settings)
            except (ConsultDeskError, OSError) as error:
                _say(title, error_text(error))
                return None
        except NewerSchemaError as exc:
            _say(title, error_text(exc))
            return None
        except ReadOnlyDataDirError as exc:
            _say(title, QCoreApplication.translate(
                "Startup", "ConsultDesk must be able to write to its data folder.") + "\n\n"
                + error_text(exc))
            return None
        except DamagedDatabaseError as exc:
            # Only a damaged file is offered recovery; a busy or unreadable one is left be.
            if exc.path is None or not exc.path.exists():
                _say(title, error_text(exc))
                return None
            from consultdesk.ui.library.startup_dialogs import RecoveryDialog

            recovery = RecoveryDialog(launcher.maintenance, exc)
            if recovery.exec() == RecoveryDialog.DialogCode.Rejected:
                return None
            # Loop: open what was restored (or the fresh database).
        except (ConsultDeskError, OSError) as exc:
            _say(title, error_text(exc))
            return None


def _say(title: str, message: str) -> None:
    # Imported here: the recovery dialogs bring the backups' code, which a start that
    # goes well never needs before its window is up.
    from consultdesk.ui.library.startup_dialogs import show_startup_error

    print_error(message)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme.use_dialog_style(app)  # a start that fails before its first paint
    show_startup_error(title, message)


class GuiSession(QObject):
    """One running app on one data dir: lock, services, the local server and the library.

    Starting is two steps, so that the window is on screen before the slow part:
    :meth:`show_window` (hand over to a running app, or take the writer lock and show the
    library's shell) and :meth:`open_data` (open the data folder, with its error and
    recovery dialogs, and fill the window).  :meth:`start` does both at once; the app
    (:func:`run_gui`) opens the data once the shell has been painted.
    """

    def __init__(self, launcher: Launcher, settings: Settings) -> None:
        super().__init__()
        self.launcher = launcher
        self.data_dir = launcher.data_dir
        self.settings = settings
        self.context: Services | None = None
        self.window: LibraryWindow | None = None
        self.server: InstanceServer | None = None
        #: A connection being made in the background (Connect again), if any.
        self._connecting: Outcome | None = None
        #: Requests from later starts that came while the data folder was opening.
        self._waiting: list[str | None] = []

    def start(self, response_id: str | None = None) -> int | None:
        """Show the library (None), or an exit code when this start goes no further."""
        code = self.show_window(response_id)
        return code if code is not None else self.open_data(response_id)

    def show_window(self, response_id: str | None = None) -> int | None:
        """Hand this start's request to an app already running here (exit code 0), or take
        the writer lock and show the library's shell ("Opening…"); None when it is up."""
        title = QCoreApplication.translate("Startup", "ConsultDesk cannot start")
        try:
            self.launcher.take_writer_lock()
        except ConsultDeskError as exc:
            # Held: by an app open here (it takes our request) or by a command writing.
            from consultdesk.ui.single_instance import forward_to_running

            if forward_to_running(self.data_dir, response_id):
                print_error(f"ConsultDesk is already open on {self.data_dir}; "
                            "its window was brought to the front.")
                return 0
            _say(title, QCoreApplication.translate(
                "Startup", "ConsultDesk is already open on this data folder.") + "\n\n"
                + error_text(exc))
            return EXIT_CANNOT_START
        except OSError as exc:
            _say(title, QCoreApplication.translate(
                "Startup", "ConsultDesk must be able to write to its data folder.") + "\n\n"
                + QCoreApplication.translate(
                    "Startup", "The data folder %1 cannot be used (%2). Allow writing to it, "
                    "or start ConsultDesk with --data-dir and another folder.")
                .replace("%1", str(self.data_dir)).replace("%2", os_reason(exc)))
            return EXIT_CANNOT_START
        self.window = LibraryWindow(None, settings=self.settings)
        self.window.show()
        return None

    def listen(self) -> None:
        """Take the requests of later starts on this folder (they wait in the socket's queue
        while the data folder opens).  After the first paint: a later start finding the lock
        held waits for this (see ``forward_to_running``)."""
        from consultdesk.ui.single_instance import InstanceServer

        if self.server is None:
            self.server = InstanceServer(self.data_dir, self)
            self.server.listen()
            self.server.requested.connect(self.handle_request)

    def open_data(self, response_id: str | None = None) -> int | None:
        """Open the data folder into the shown window (None), or an exit code."""
        self.listen()
        self.context = open_context(self.launcher, self.settings)
        if self.context is None:
            self.close()
            return EXIT_CANNOT_START
        window = self.window
        assert window is not None, "show_window() comes first"
        # Without a response to open, the list is filled once the window is on screen.
        window.attach(self.context, fill_later=response_id is None)
        if window.offline_bar is not None:
            window.offline_bar.reconnect_requested.connect(self.reconnect)
        if response_id:
            window.select_response(response_id)
            window.open_response(response_id)
        waiting, self._waiting = self._waiting, []
        for rid in waiting:
            self.handle_request(rid)
        return None

    def _show_library(self, *, fill_later: bool = False) -> None:
        assert self.context is not None
        self.window = LibraryWindow(self.context, fill_later=fill_later)
        if self.window.offline_bar is not None:
            self.window.offline_bar.reconnect_requested.connect(self.reconnect)
        self.window.show()

    def reconnect(self) -> None:
        """Working on the local copy: connect to the team server again, in the background
        (a server that does not answer costs its connect timeout there, not a frozen
        window).  What the outbox holds is sent (the versioned save), then the library
        opens on the server."""
        window, offline = self.window, self.context
        if window is None or offline is None or window.offline_bar is None:
            return
        if self._connecting is not None or not window.windows.close_all():
            return  # already trying, or a window refused to close: stay as we are
        window.offline_bar.connecting()
        launcher, settings = self.launcher, self.settings
        self._connecting = in_background(lambda: launcher.open_connected(settings),
                                         self._connected)

    def _connected(self, context: Services | None, error: BaseException | None) -> None:
        """The background connection ended (on the UI thread)."""
        self._connecting = None
        window, offline = self.window, self.context
        if context is None:
            if window is not None and window.offline_bar is not None:
                window.offline_bar.show_failure(error_text(error) if error is not None else "")
            return
        if window is None or offline is None:
            context.close()  # the app closed meanwhile
            return
        self.context = self.launcher.take_over(offline, context)
        window.detach()
        window.close()
        window.deleteLater()
        self._show_library()

    def handle_request(self, response_id: str | None) -> None:
        """A later start asked for the library (or one response): bring it forward."""
        if self.window is None:
            return
        self.window.showNormal() if self.window.isMinimized() else self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        if self.context is None:  # still opening: the response opens once it is open
            self._waiting.append(response_id)
        elif response_id:
            self.window.open_response(response_id)

    def close(self) -> None:
        """Release everything (idempotent); a window still opening (the shell) goes away."""
        if self.window is not None:
            if self.context is None:
                # Hidden, not closed: closing the last window would post a quit that a
                # later event loop (a test's dialog) would receive; the caller ends this one.
                self.window.hide()
                self.window.deleteLater()
            else:
                # Nothing of the window may ask a context that is about to close.
                self.window.detach()
            self.window = None
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.context is not None:
            self.context.close()
            self.context = None
        self.launcher.release()


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once, in Fusion), named so QSettings and the desktop know
    it."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        if app.applicationName() != APP_NAME:  # not set up by this function yet
            theme.use_fusion(app)
    else:
        app = QApplication([*(argv if argv is not None else sys.argv[:1]),
                            *theme.STYLE_ARGUMENTS])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("consultdesk")
    icon = resources_dir() / "icons" / "consultdesk.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _check_display() -> None:
    """A clear error instead of Qt aborting when there is no screen to show a window on."""
    if QApplication.instance() is not None or not sys.platform.startswith("linux"):
        return
    env = os.environ
    if not env.get("QT_QPA_PLATFORM") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        raise ConsultDeskError(
            "the desktop app needs a graphical display (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set); the other consultdesk commands work without one")


LOG_DIR_NAME = "logs"


def install_error_handlers(app: QApplication, data_dir: Path) -> None:
    """Unexpected errors are logged in the data dir and shown as a message, never a crash.

    Qt calls Python slots from C++; an exception escaping one would otherwise print a
    traceback on a terminal the user never sees and leave the action half done.
    """
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            app.closeAllWindows()  # each window saves as it closes
            return
        # Imported here: the box is Qt's QMessageBox, which the first paint does not need.
        from PySide6.QtCore import Qt

        from consultdesk.ui.crash_dialog import crash_box, crash_parent, terminal_line

        log = _log_error(data_dir, kind, error, tb)
        print_error(terminal_line(kind, error, log))
        if showing:  # an error while showing an error: do not stack dialogs
            return
        showing = True
        try:
            # The user's language in the text; the exception and traceback in Details.
            box = crash_box(crash_parent(), kind, error, tb, log, APP_NAME)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not kept by its parent
            box.exec()
        finally:
            showing = False

    sys.excepthook = hook
    # Ctrl+C in the terminal: Python only sees signals while it runs, so wake it up often.
    # Closing waits for the event loop, so a Ctrl+C during start-up still quits once the
    # windows are up instead of closing the ones not made yet.
    signal.signal(signal.SIGINT, lambda *_: QTimer.singleShot(0, app.closeAllWindows))
    timer = QTimer(app)
    timer.setInterval(500)
    timer.timeout.connect(lambda: None)
    timer.start()


def _log_error(data_dir: Path, kind: type[BaseException], error: BaseException,
               tb: TracebackType | None) -> Path | None:
    """Append the traceback to ``<data dir>/logs/consultdesk.log``; its path (None if not)."""
    try:
        folder = data_dir / LOG_DIR_NAME
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "consultdesk.log"
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {datetime.now().astimezone().isoformat(timespec='seconds')}\n")
            f.write("".join(traceback.format_exception(kind, error, tb)))
        return path
    except OSError:
        return None


def ask_the_desktop(app: QApplication, settings: Settings) -> None:
    """After the first paint: whether the desktop is dark now (the first paint followed what
    it said last time); the palette follows it if it changed, and the next start knows."""
    dark = theme.system_is_dark()
    if settings.system_dark != dark:
        settings.system_dark = dark
        settings.save()  # now: the next start's first paint depends on it (if it can)
    theme.apply(app, settings.appearance, dark=dark if settings.appearance == "system" else None)


def run_gui(launcher: Launcher, response_id: str | None = None) -> int:
    """Run the desktop app on the launcher's data dir until its last window closes.

    The library's shell is shown first; the data folder is opened (ORM import, database,
    migration check, daily backup, catalog) once the shell has been painted, so the user
    sees the window at once and the list a moment later.
    """
    data_dir = launcher.data_dir
    _check_display()
    app = make_application()
    settings = app_settings()
    translations = Translations()
    translations.install(resolve_language(settings.language))
    theme.apply(app, settings.appearance,
                dark=theme.first_paint_dark(settings.appearance, settings.system_dark))
    # A switch while the app runs is remembered too: the next start paints as it is.
    theme.follow_system(app, lambda: ask_the_desktop(app, settings))
    session = GuiSession(launcher, settings)
    previous_hook = sys.excepthook
    install_error_handlers(app, Path(data_dir))
    failed: list[int] = []

    def open_data() -> None:
        if session.context is not None or failed:
            return  # already done (the paint and the fallback timer both call this)
        theme.use_dialog_style(app)  # before any dialog: the data folder's come next
        ask_the_desktop(app, settings)
        code = session.open_data(response_id)
        if code is not None:
            failed.append(code)
            app.exit(code)

    try:
        code = session.show_window(response_id)
        if code is not None:
            return code
        assert session.window is not None
        session.window.first_painted.connect(open_data)
        # A window that is never painted (started minimised, on no screen) still opens.
        QTimer.singleShot(_OPEN_ANYWAY_MS, open_data)
        code = int(app.exec())
        return failed[0] if failed else code
    finally:
        session.close()
        translations.remove()
        sys.excepthook = previous_hook


#: When the data folder is opened even if the window has not been painted yet.
_OPEN_ANYWAY_MS = 1000
