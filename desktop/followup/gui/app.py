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
    from followup.gui.theme import apply_theme

    apply_theme(app)
    return app


def resolve_data_dir(args) -> Path:
    from followup.paths import data_dir

    if args.demo:
        from followup.store.demo import demo_dir

        return demo_dir()
    return data_dir(args.data_dir)


def open_window(folder: Path, demo: bool = False):
    """Open the library in `folder` and build the main window; raises LibraryError/AlreadyOpen.

    A real library starts empty: it is the user's own, with no made-up profile, meeting or
    deadline. Only the demo library (`demo`) gets the sample meeting."""
    from followup.gui.main_window import MainWindow
    from followup.paths import library_path
    from followup.store.backup import daily_backup
    from followup.store.library import Library
    from followup.store.lock import LibraryLock
    from followup.store.schema import check_file

    path = library_path(folder)
    check_file(path)
    lock = LibraryLock(path)
    lock.acquire()
    try:
        library = Library(path)
        if demo:
            from followup.store.demo import seed_demo

            seed_demo(library)
        _backup_quietly(daily_backup, path)
        settings = QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings)
    except BaseException:
        lock.release()
        raise
    window.library_lock = lock
    return window


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
        window = open_window(folder, demo=args.demo)
    except (LibraryError, AlreadyOpen) as exc:
        log.error("cannot open library: %s", exc)
        if args.demo:
            _remove_demo_folder(folder)
        if args.smoke:
            print(f"followup: {exc}", file=sys.stderr)
        else:
            show_error("Cannot open the library", str(exc))
        return 2
    window.show()
    if args.smoke:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    window.library.close()
    window.library_lock.release()
    if args.demo:
        _remove_demo_folder(folder)
    return code


def _remove_demo_folder(folder: Path) -> None:
    """The demo's temporary library goes when the demo closes (its log with it)."""
    import shutil

    root = logging.getLogger()
    for handler in list(root.handlers):
        if Path(getattr(handler, "baseFilename", "/")).parent == folder:
            root.removeHandler(handler)
            handler.close()
    shutil.rmtree(folder, ignore_errors=True)
