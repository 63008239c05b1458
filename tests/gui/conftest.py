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
    yield win
    win.close()
    win.library.close()
    win.library_lock.release()
