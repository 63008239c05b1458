"""Uncaught exceptions become a logged entry and a calm dialog, never a traceback on screen.

The dialog's Qt classes are imported where an error is shown: this module loads with the first
screen, which shows none (docs/benchmarks.md).
"""

from __future__ import annotations

import logging
import sys
from html import escape
from logging.handlers import RotatingFileHandler
from pathlib import Path

from followup.store.schema import LibraryError

log = logging.getLogger("followup")


# False for --smoke and other runs nobody watches: a message goes to stderr, never a dialog.
_interactive = True


LOG_MAX_BYTES = 256_000
LOG_BACKUPS = 2


class QuietFileHandler(RotatingFileHandler):
    """A log file kept to `max_bytes` (then moved to NAME.1, NAME.2) that never prints
    "--- Logging error ---" to the terminal: when the disk is full the entry is dropped, and
    the user hears about the disk from the app itself."""

    def __init__(self, path: Path, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS):
        super().__init__(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8",
                         delay=True)

    def handleError(self, record) -> None:  # noqa: N802 - logging's name
        # A full disk or a data folder on a read-only place: the entry is dropped, and
        # logging never gets in the way of the app.
        pass

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the last buffered entry could not be written (full disk)
            self.stream = None  # type: ignore[assignment]


def setup_logging(folder: Path) -> Path:
    """Log to a rotating file in the data folder (a few hundred KB at most)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "followup.log"
    handler = QuietFileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path | None) -> None:
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))

        if isinstance(exc, LibraryError):  # disk full, damaged, locked: already in plain words
            show_error("Followup cannot use its library", str(exc))
            return
        show_error("Something went wrong",
                   "Followup hit an unexpected problem. Notes are saved as you type, so what "
                   "you wrote before this is safe; the details were "
                   f"written to the log{f' ({log_path})' if log_path else ''}.",
                   f"{exc_type.__name__}: {exc}")

    sys.excepthook = hook


def plain(text: str) -> str:
    """`text` for a Qt widget that guesses between plain and rich text (the static QMessageBox
    functions, QInputDialog labels, tooltips): escaped and marked as rich, so a name typed or
    imported as `<b>Jane</b>` or `<img src=...>` shows exactly as written and loads nothing."""
    return "<qt>" + escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def set_plain(*labels) -> None:
    """Show `labels` (QLabel) as plain text whatever they are given: they hold names."""
    from PySide6.QtCore import Qt

    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def set_interactive(value: bool) -> None:
    """False: errors are printed to stderr and no dialog ever waits for a click."""
    global _interactive
    _interactive = value


def is_interactive() -> bool:
    return _interactive


def show_error(title: str, text: str, details: str = "") -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None or not _interactive:
        print(f"followup: {text}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names and file paths are never markup
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.exec()
