"""The start-up baseline: a bare PySide6 main window shown, then exit, as `--smoke` does."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 760)
    window.show()
    QTimer.singleShot(0, app.quit)  # same exit as the app's --smoke: right after the first show
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
