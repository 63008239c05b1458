"""`--smoke` runs unattended: a dialog that opens anyway is closed and reported, never waited on;
errors go to standard error instead of a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from followup.gui import app, errors


def test_a_modal_dialog_in_smoke_mode_is_closed_and_reported(qtbot, capfd):
    application = app.make_application()
    app._never_wait_for_a_click(application)
    box = QMessageBox(QMessageBox.Icon.Warning, "Stuck?", "A question nobody will answer")
    box.addButton("Only one way out", QMessageBox.ButtonRole.AcceptRole)  # no Escape button
    watchdog = QTimer(singleShot=True, interval=5000)
    watchdog.timeout.connect(lambda: box.done(99))  # only if the smoke guard failed
    watchdog.start()
    result = box.exec()
    watchdog.stop()
    assert result != 99
    assert application.property("smokeClosedDialog") is True
    assert "A question nobody will answer" in capfd.readouterr().err
    application.setProperty("smokeClosedDialog", False)
    # Stop the smoke guard (a direct child), not the app's other timers (the collector's).
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for timer in application.findChildren(QTimer, options=direct):
        timer.stop()


def test_errors_go_to_stderr_when_nobody_watches(capfd):
    app.make_application()
    errors.set_interactive(False)
    try:
        errors.show_error("Cannot open the library", "The disk holding /x is full")
    finally:
        errors.set_interactive(True)
    assert "The disk holding /x is full" in capfd.readouterr().err
