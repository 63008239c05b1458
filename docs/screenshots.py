"""Make the README's screenshots from the sample meeting, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py

Writes docs/screenshot*.png: the panel with a draft beside the notes, the same in the dark
theme, the send-status list, the welcome page of an empty library, the send confirmation and
View › People.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent / "desktop"))


def _settle(app, rounds: int = 30) -> None:
    """Let timers fire (the checklist runs a moment after a draft shows)."""
    from PySide6.QtTest import QTest

    for _ in range(rounds):
        app.processEvents()
    QTest.qWait(800)


def _window(app, folder: Path, demo: bool):
    from followup.gui.app import open_window

    window = open_window(folder, demo=demo)
    window.resize(1400, 860)
    window.show()
    _settle(app)
    return window


def _close(window) -> None:
    window.close()
    window.library.close()
    window.library_lock.release()


def main() -> None:
    from followup.gui.app import make_application

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        window = _window(app, Path(tmp) / "demo", demo=True)
        window.workspace.show_followups(True)
        window.workspace.select_row(2)
        _settle(app, 200)
        window.tick()
        _settle(app)
        window.grab().save(str(DOCS / "screenshot.png"))
        window.apply_theme("dark")  # View › Theme › Dark
        _settle(app)
        window.grab().save(str(DOCS / "screenshot-dark.png"))
        window.apply_theme("light")
        window.show_status_list()
        _settle(app, 300)
        window.grab().save(str(DOCS / "screenshot-status.png"))
        _people(app, window)
        window.show_workspace()
        _confirmation(app, window)
        _close(window)
        empty = _window(app, Path(tmp) / "empty", demo=False)
        empty.grab().save(str(DOCS / "screenshot-welcome.png"))
        _close(empty)


def _people(app, window) -> None:
    """View › People on the panel's coordinator: her card, meetings and follow-ups."""
    window.show_people()
    window.people_view.filter.setText("dana")
    _settle(app)
    window.grab().save(str(DOCS / "screenshot-people.png"))
    window.people_view.filter.clear()


def _confirmation(app, window) -> None:
    """The send confirmation for the coordinator's draft, as Ctrl+Return shows it."""
    from followup.gui.send_ui import ConfirmSendDialog
    from followup.sending.delivery import prepare
    from followup.store import followups as fu

    view = next(v for v in fu.followups_for_meeting(window.library, 1)
                if v.person_name == "Dana Okafor")
    dialog = ConfirmSendDialog(prepare(window.library, view.id, None).check,
                               "Sam Rivera <sam.rivera@example.com>", window)
    dialog.show()
    _settle(app)
    dialog.grab().save(str(DOCS / "screenshot-confirm.png"))
    dialog.close()


if __name__ == "__main__":
    main()
