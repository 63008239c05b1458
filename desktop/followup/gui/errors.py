"""Uncaught exceptions become a logged entry and a calm dialog, never a traceback on screen."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

log = logging.getLogger("followup")


def setup_logging(folder: Path) -> Path:
    """Log to a rotating file in the data folder (a few hundred KB at most)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "followup.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=256_000, backupCount=2,
                                                   encoding="utf-8")
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
        show_error("Something went wrong",
                   "Followup hit an unexpected problem. Notes are saved as you type, so what "
                   "you wrote before this is safe; the details were "
                   f"written to the log{f' ({log_path})' if log_path else ''}.",
                   f"{exc_type.__name__}: {exc}")

    sys.excepthook = hook


def show_error(title: str, text: str, details: str = "") -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        print(f"followup: {text}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.exec()
