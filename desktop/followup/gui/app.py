"""Starting the desktop app: data folder, logging, the library, the lock, the main window.

Imports inside methods are deliberate: the first screen opens before the ORM (SQLAlchemy
alone costs about 150 ms), the dialogs, sending and the checklist are loaded, and before the
Qt classes used only later are made (14-22 ms measured for this module's); each is imported
where it is first needed (start-up target in docs/benchmarks.md).
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import sys
import threading
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from followup import APP_ID, APP_NAME, WM_INSTANCE, __version__
from followup.core.atomic_files import TEMP_RE, sweep_leftovers
from followup.gui.collector import collect_on_ui_thread, freeze_startup_objects
from followup.gui.errors import (
    install_excepthook,
    is_interactive,
    set_interactive,
    setup_logging,
    show_error,
)
from followup.gui.session import last_place, window_settings
from followup.gui.theme import apply_theme
from followup.paths import data_dir, library_path, resources_dir
from followup.store.backup import daily_backup, restore_backup
from followup.store.first_screen import OpeningLibrary, read_first_screen
from followup.store.lock import AlreadyOpen, LibraryLock
from followup.store.schema import SCHEMA_HEAD, LibraryError, check_file, write_problem

if TYPE_CHECKING:
    from followup.store.library import Library

log = logging.getLogger(__name__)
ORM_DELAY_MS = 50


def app_icon():
    """Followup's icon (a QIcon) in every size the resources hold."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resources_dir() / "icons"
    for png in sorted(folder.glob("followup-*.png")):
        icon.addFile(str(png))
    svg = folder / "followup.svg"
    if icon.isNull() and svg.exists():
        icon.addFile(str(svg))
    return icon


def make_application(argv: list[str] | None = None, icon: bool = True) -> QApplication:
    """The QApplication, made once, with Followup's names, style and theme.

    `icon=False` leaves the window icon to the caller (start-up sets it after the first
    frame: loading the icon files is not needed to type)."""
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("a QCoreApplication without widgets is already running")
    # Fusion chosen on the command line, so the style object is never wrapped for Python on
    # the way to the first frame (wrapping QStyle builds its many enums: a few ms).
    # `-name`: the X11 window's WM_CLASS instance, which the desktop file's StartupWMClass
    # names (else Qt takes the program's file name: "__main__.py" under `python -m`).
    app = existing or QApplication([*(argv or sys.argv[:1]), "-style", "Fusion",
                                    "-name", WM_INSTANCE])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    if icon:
        app.setWindowIcon(app_icon())

    apply_theme(app, set_style=existing is not None)
    collect_on_ui_thread(app)  # before any worker thread starts
    return app


def resolve_data_dir(args) -> Path:
    if args.demo:
        from followup.store.demo import demo_dir

        return demo_dir()
    return data_dir(args.data_dir)


def open_window(folder: Path, demo: bool = False, read_ahead: ReadAhead | None = None):
    """Open the library in `folder` and build the main window; raises LibraryError/AlreadyOpen.

    A real library starts empty: it is the user's own, with no made-up profile, meeting or
    deadline. Only the demo library (`demo`) gets the sample meeting. `read_ahead`, started
    earlier on the same folder, supplies the first screen's read."""
    from followup.gui.main_window import MainWindow

    path = library_path(folder)
    if not demo and path.exists():
        if write_problem(path) is not None:
            return _open_read_only(path, folder)
    check_file(path)
    lock = LibraryLock(path)
    lock.acquire()
    settings = window_settings(folder)
    try:
        opening = None if demo else _opening_library(path, read_ahead, last_place(settings)[0])
        if opening is None:  # new, to be migrated, or unreadable: the ORM opens or explains
            from followup.store.library import Library

            library = Library(path)
            if demo:
                from followup.store.demo import seed_demo

                seed_demo(library)
        else:
            # It stands in for the Library, loading the ORM at the first call it cannot answer.
            library = cast("Library", opening)
        # The day's copy of a library read ahead is made on that thread, once the window is
        # built (the lock is held); any other library, before anything can change it.
        backed_up_later = (read_ahead is not None and read_ahead.path == path
                           and not getattr(library, "loaded", True))
        if not backed_up_later:
            _backup_quietly(daily_backup, path)
        _remove_stale_temporaries(folder)
        window = MainWindow(library, settings)
        if backed_up_later and read_ahead is not None:
            read_ahead.then(partial(_backup_quietly, daily_backup, path))
    except BaseException:
        lock.release()
        raise
    window.library_lock = lock
    if not getattr(library, "loaded", True):
        # Once the first frame is out: the user can already type while the ORM loads.
        # With the window as context: a window closed that soon (tests) cancels it.
        QTimer.singleShot(ORM_DELAY_MS, window, lambda: _load_orm_after_first_screen(window))
    return window


class _NoLock:
    """A library opened read-only takes no lock: it cannot be written, by us or through us."""

    def release(self) -> None:
        pass


def _open_read_only(path: Path, folder: Path):
    """The window on a library that cannot be written (a read-only mount, a write-protected
    file): opened with SQLite's read-only or immutable open, no lock, no backup, a banner that
    says why, and editing off. Raises LibraryError when it cannot even be read."""
    from followup.gui.main_window import MainWindow
    from followup.store.library import Library

    library = Library(path, read_only=True)
    log.warning("opening %s read-only: %s", path, library.read_only_reason)
    try:
        window = MainWindow(library, window_settings(folder))
        window.show_read_only(library.read_only_reason)
    except BaseException:
        library.close()
        raise
    window.library_lock = _NoLock()
    return window


def _opening_library(path: Path, read_ahead: ReadAhead | None = None,
                     meeting_id: int | None = None):
    """The library served from the first-screen read (of `meeting_id`, the meeting the window
    reopens on, or the newest), or None when it must open the slow way."""
    if read_ahead is not None and read_ahead.path == path:
        first = read_ahead.first_screen()
    else:
        first = read_first_screen(path, SCHEMA_HEAD, meeting_id)
    return OpeningLibrary(path, first) if first is not None else None


class ReadAhead:
    """The first-screen read of the library at `path` (with the meeting `meeting_id`, where the
    user was, when it has it), started on a thread while the main
    thread imports the window's modules: SQLite works outside Python's lock, so on two cores
    most of the read is hidden (start-up target in docs/benchmarks.md). The same thread then
    makes the day's backup copy (`then`), so the first start of a day does not wait for it.

    The read is read-only and the same one `open_window` would make after taking the lock;
    a library another Followup holds is refused there, and this read is dropped.
    """

    def __init__(self, path: Path, meeting_id: int | None = None):
        self.path = path
        self._first = None
        self._read = partial(read_first_screen, path, SCHEMA_HEAD, meeting_id)
        self._read_done = threading.Event()
        self._next = threading.Event()
        self._task = None
        self._thread = threading.Thread(target=self._run, name="read-ahead", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._first = self._read()
        except Exception:  # never fatal: the window then reads for itself, the slow way
            log.exception("reading ahead failed")
        self._read_done.set()
        self._next.wait()
        if self._task is not None:
            try:
                self._task()
            except Exception:  # a backup that fails must not stop the notes
                log.exception("the day's backup failed")

    def first_screen(self):
        """The FirstScreen read (or None: the library opens the slow way)."""
        self._read_done.wait()
        return self._first

    def then(self, task) -> None:
        """Run `task()` on the thread after the read (the day's backup, once the lock is held)."""
        self._task = task
        self._next.set()

    def finish(self) -> None:
        """Wait for what the thread was given (before the closing backup and the unlock)."""
        self._next.set()
        self._thread.join()


def _load_orm_after_first_screen(window) -> None:
    """Import the ORM on a worker thread; open it and finish the window back on this one."""
    from PySide6.QtCore import QObject, Qt, Signal

    window.fill_menus()  # the shortcuts work from here, well before the ORM is in

    class Relay(QObject):
        done = Signal()

    relay = Relay(window)

    def finish() -> None:
        relay.deleteLater()
        try:
            window.library.load()
        except LibraryError as exc:  # it read a moment ago, so rare: say so, and close
            log.error("cannot open library: %s", exc)
            show_error("Cannot open the library", str(exc))
            QApplication.quit()
            return
        window.finish_opening()
        freeze_startup_objects()

    relay.done.connect(finish, Qt.ConnectionType.QueuedConnection)

    def announce() -> None:
        # On the worker thread: the window (and the relay with it) may have been closed while
        # the ORM was importing, and then there is nobody left to tell.
        if shiboken6.isValid(relay):
            try:
                relay.done.emit()
            except RuntimeError:  # deleted between the check and the emit
                log.debug("the window closed before the library finished opening")

    window.library.load_in_background(announce)


def _quit_when_editable(window, app) -> None:
    """`--smoke` ends once the newest meeting's notes are on screen and take typing (the
    editor painted, enabled, holding them), or the empty window is painted; exit status 1
    if that has not happened within 30 seconds."""
    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        seen = False

        def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    editor = window.workspace.editor
    painted = Painted(window)
    window.installEventFilter(painted)
    deadline = time.monotonic() + 30

    def check() -> None:
        # The notes' own first paint when a meeting is open (NoteEditor.painted: asking the
        # editor for its viewport here would cost start-up more than the wait), else the window's.
        seen = editor.painted if window.workspace.meeting else painted.seen
        if seen and (window.notes_editable() or getattr(window.library, "read_only", False)):
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
    except (OSError, sqlite3.Error) as exc:  # a failed backup (full disk) must not stop notes
        log.warning("daily backup failed: %s", exc)


def _remove_stale_temporaries(folder: Path) -> None:
    """Half-done saves a killed Followup left in the data folder (an export, the dictionary)."""
    for leftover in sweep_leftovers(folder, TEMP_RE):
        log.info("removed %s, left by an interrupted save", leftover.name)


def run_app(args) -> int:
    read_ahead = None
    if not args.demo:  # the demo's folder is made by resolve_data_dir after the application

        folder = resolve_data_dir(args)
        # The meeting the window will reopen on is the one read ahead.
        read_ahead = ReadAhead(library_path(folder), last_place(window_settings(folder))[0])
    app = make_application(icon=False)
    set_interactive(not args.smoke)
    if args.demo:
        folder = resolve_data_dir(args)
    try:
        log_path = setup_logging(folder)
    except OSError:
        log_path = None
    install_excepthook(log_path)
    if args.smoke:
        _never_wait_for_a_click(app)
    while True:
        try:
            window = open_window(folder, demo=args.demo, read_ahead=read_ahead)
            break
        except (LibraryError, AlreadyOpen) as exc:
            log.error("cannot open library: %s", exc)
            if read_ahead is not None:  # what it read is not what a retry will find
                read_ahead.finish()
                read_ahead = None
            if _can_restore(exc):
                if _offer_restore(folder, exc):
                    continue
                return 2
            if args.demo:
                _remove_demo_folder(folder)
            show_error("Cannot open the library", str(exc))
            return 2
    window.show()
    QTimer.singleShot(ORM_DELAY_MS, app, lambda: app.setWindowIcon(app_icon()))  # after the frame

    # The modules and the window live as long as the app: no collection scans them again,
    # not even the last one at exit (the ORM's objects are frozen too once it is loaded).
    freeze_startup_objects()
    if args.smoke:
        _quit_when_editable(window, app)
    code = app.exec()
    if "followup.gui.send_ui" in sys.modules:  # a note may be on the clipboard
        sys.modules["followup.gui.send_ui"].release_clipboard()
    if read_ahead is not None:
        read_ahead.finish()
    if args.smoke and app.property("smokeClosedDialog"):
        code = code or 3
    if not args.demo and not args.smoke and not getattr(window.library, "read_only", False):
        # today's notes are in a backup before the next start
        _backup_quietly(partial(daily_backup, refresh=True), library_path(folder))
    window.library.close()
    window.library_lock.release()
    if args.demo:
        _remove_demo_folder(folder)
    return code


def _can_restore(exc) -> bool:
    return (getattr(exc, "kind", "") in ("damaged", "empty")
            and getattr(exc, "backup", None) is not None
            and is_interactive())


def _offer_restore(folder: Path, exc) -> bool:
    """A damaged library with a good backup: ask to restore it (the damaged file is kept
    aside). True when it was restored and opening should be tried again."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    title = "The library is empty" if exc.kind == "empty" else "The library is damaged"
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc))
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton(f"Restore {exc.backup.name}", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        aside = restore_backup(library_path(folder), exc.backup)
    except OSError as error:
        show_error("Cannot restore the backup", f"The backup could not be restored: "
                   f"{error.strerror or error}. Nothing was changed.")
        return False
    log.warning("restored %s; the damaged library is kept as %s", exc.backup, aside)
    done = QMessageBox(QMessageBox.Icon.Information, "Backup restored",
                       f"Followup restored {exc.backup.name}. Notes written after that copy "
                       f"are not in it. The damaged library was kept, untouched, as {aside.name} "
                       "beside it: keep it if you want to try to recover more from it.")
    done.setTextFormat(Qt.TextFormat.PlainText)
    done.exec()
    return True


def _never_wait_for_a_click(app: QApplication) -> None:
    """--smoke runs unattended: a modal dialog that opens anyway is printed, closed, and the
    run ends with an error instead of hanging."""

    def close_modal() -> None:
        modal = app.activeModalWidget()
        if modal is None:
            return
        text = getattr(modal, "text", lambda: "")() or modal.windowTitle()
        print(f"followup: {text}", file=sys.stderr)
        app.setProperty("smokeClosedDialog", True)
        from PySide6.QtWidgets import QDialog

        if isinstance(modal, QDialog):
            modal.done(QDialog.DialogCode.Rejected)  # even a box without a Cancel button
        else:
            modal.close()

    timer = QTimer(app, interval=100)
    timer.timeout.connect(close_modal)
    timer.start()


def _remove_demo_folder(folder: Path) -> None:
    """The demo's temporary library goes when the demo closes (its log with it)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if Path(getattr(handler, "baseFilename", "/")).parent == folder:
            root.removeHandler(handler)
            handler.close()
    shutil.rmtree(folder, ignore_errors=True)
