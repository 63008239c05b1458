from __future__ import annotations

import pytest


@pytest.fixture
def window(qtbot, data_dir):
    """The real main window on a demo library in the test's data folder."""
    from followup.gui.app import make_application, open_window

    make_application()
    win = open_window(data_dir, demo=True)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)  # window shortcuts only fire in the active window
    qtbot.wait(20)  # let queued start-up work (spelling, first selection) settle
    library, lock = win.library, win.library_lock
    yield win
    from shiboken6 import isValid

    # pytest-qt closes and deletes the window first; a worker's wait (worker_wait) turning the
    # event loop while it closes may already have deleted it
    if isValid(win):
        win.close()
    library.close()
    lock.release()


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog nobody expected fails the test instead of hanging it; a test that
    expects one patches the function itself (its patch replaces this one)."""
    from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

    def refuse(*args, **_kwargs):
        text = " / ".join(str(a) for a in args[1:3] if isinstance(a, str))
        raise AssertionError(f"unexpected modal dialog: {text}")

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: refuse(None, self.text()))
    monkeypatch.setattr(QDialog, "exec", lambda self: refuse(None, self.windowTitle()))
    for name in ("getItem", "getText"):
        monkeypatch.setattr(QInputDialog, name, refuse)


@pytest.fixture(autouse=True)
def builtin_clock_after_each_test():
    """A window installs the locale's clock format for the process: later tests of plain
    `core` code get the built-in one back."""
    yield
    from followup.core.deadlines import use_clock_format

    use_clock_format(None)
