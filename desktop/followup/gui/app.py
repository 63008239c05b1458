"""Starting the desktop app: data folder, logging, the library, the lock, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from followup import APP_ID, APP_NAME, __version__
from followup.gui.errors import install_excepthook, setup_logging, show_error

log = logging.getLogger(__name__)
ORM_DELAY_MS = 50


def app_icon() -> QIcon:
    from followup.paths import resources_dir

    icon = QIcon()
    folder = resources_dir() / "icons"
    for png in sorted(folder.glob("followup-*.png")):
        icon.addFile(str(png))
    svg = folder / "followup.svg"
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    from followup.gui.collector import collect_on_ui_thread
    from followup.gui.theme import apply_theme

    apply_theme(app)
    collect_on_ui_thread(app)  # before any worker thread starts
    return app


def resolve_data_dir(args) -> Path:
    from followup.paths import data_dir

    if args.demo:
        from followup.store.demo import demo_dir

        return demo_dir()
    return data_dir(args.data_dir)


def open_window(folder: Path, demo: bool = False, seed_first_start: bool = False):
    """Open the library in `folder` and build the main window; raises LibraryError/AlreadyOpen."""
    from followup.gui.main_window import MainWindow
    from followup.paths import library_path
    from followup.store.backup import daily_backup
    from followup.store.lock import LibraryLock
    from followup.store.schema import check_file

    path = library_path(folder)
    check_file(path)
    first_start = not path.exists()
    lock = LibraryLock(path)
    lock.acquire()
    try:
        library = None if demo else _opening_library(path)
        if library is None:  # new, to be migrated, or unreadable: the ORM opens or explains
            from followup.store.library import Library

            library = Library(path)
        if demo or (first_start and seed_first_start):
            # A new user sees a populated app; the sample is an ordinary, deletable meeting.
            from followup.store.demo import seed_demo

            seed_demo(library)
        _backup_quietly(daily_backup, path)
        settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings)
    except BaseException:
        lock.release()
        raise
    window.library_lock = lock
    if not getattr(library, "loaded", True):
        # Once the first frame is out: the user can already type while the ORM loads.
        QTimer.singleShot(ORM_DELAY_MS, lambda: _load_orm_after_first_screen(window))
    return window


def _opening_library(path: Path):
    """The library served from the first-screen read, or None when it must open the slow way."""
    from followup.store.first_screen import OpeningLibrary, read_first_screen
    from followup.store.schema import SCHEMA_HEAD

    first = read_first_screen(path, SCHEMA_HEAD)
    return OpeningLibrary(path, first) if first is not None else None


def _load_orm_after_first_screen(window) -> None:
    """Import the ORM on a worker thread; open it and finish the window back on this one."""
    from PySide6.QtCore import QObject, Qt, Signal

    class Relay(QObject):
        done = Signal()

    relay = Relay(window)

    def finish() -> None:
        from followup.store.schema import LibraryError

        relay.deleteLater()
        try:
            window.library.load()
        except LibraryError as exc:  # it read a moment ago, so rare: say so, and close
            log.error("cannot open library: %s", exc)
            show_error("Cannot open the library", str(exc))
            QApplication.quit()
            return
        window.finish_opening()
        from followup.gui.collector import freeze_startup_objects

        freeze_startup_objects()

    relay.done.connect(finish, Qt.ConnectionType.QueuedConnection)
    window.library.load_in_background(relay.done.emit)


def _quit_when_editable(window, app) -> None:
    """`--smoke` ends once the newest meeting's notes are on screen and take typing (the
    editor painted, enabled, holding them), or the empty window is painted; exit status 1
    if that has not happened within 30 seconds."""
    import time

    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        seen = False

        def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    painted = Painted(window)
    shown = window.workspace.editor.viewport() if window.workspace.meeting else window
    shown.installEventFilter(painted)
    deadline = time.monotonic() + 30

    def check() -> None:
        if painted.seen and window.notes_editable():
            app.exit(0)
        elif time.monotonic() > deadline:
            print("followup: the notes did not become editable within 30 s", file=sys.stderr)
            app.exit(1)
        else:
            QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)


def _backup_quietly(backup, path: Path) -> None:
    try:
        backup(path)
    except OSError as exc:  # a failed backup must not stop the user taking notes
        log.warning("daily backup failed: %s", exc)


def run_app(args) -> int:
    from followup.store.lock import AlreadyOpen
    from followup.store.schema import LibraryError

    app = make_application()
    folder = resolve_data_dir(args)
    try:
        log_path = setup_logging(folder)
    except OSError:
        log_path = None
    install_excepthook(log_path)
    try:
        window = open_window(folder, demo=args.demo, seed_first_start=not args.smoke)
    except (LibraryError, AlreadyOpen) as exc:
        log.error("cannot open library: %s", exc)
        if args.smoke:
            print(f"followup: {exc}", file=sys.stderr)
        else:
            show_error("Cannot open the library", str(exc))
        return 2
    window.show()
    if getattr(window.library, "loaded", True):  # opened the slow way: start-up is over
        from followup.gui.collector import freeze_startup_objects

        freeze_startup_objects()
    if args.smoke:
        _quit_when_editable(window, app)
    code = app.exec()
    window.library.close()
    window.library_lock.release()
    return code
