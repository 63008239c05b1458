"""The start-up baseline: a bare PySide6 main window shown and painted, then exit.

It ends the way `followup --smoke` does: at the first check after its window has painted.
With `--with-sqlalchemy` it then imports SQLAlchemy's ORM and maps Followup's models before it
exits: the memory that the data layer the stack prescribes costs a window that does nothing else
(`bench_idle.py`).
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
            if "--with-sqlalchemy" in sys.argv:
                from sqlalchemy.orm import configure_mappers

                import followup.store.models  # noqa: F401

                configure_mappers()
            app.quit()
        else:
            QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
