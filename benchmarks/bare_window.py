"""The start-up baseline: a bare PySide6 main window shown and painted, then exit.

It ends the way `followup --smoke` does: at the first check after its window has painted.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Painted(QObject):
    seen = False

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 760)
    painted = Painted(window)
    window.installEventFilter(painted)
    window.show()

    def check() -> None:
        if painted.seen:
            app.quit()
        else:
            QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
