"""Run by the crash test in its own process: types into the real note editor until killed.

Each typed character is logged with its time to a progress file, so the test knows what had
been typed up to any moment before it killed this process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from followup.gui.app import make_application, open_window

TEXT = "the quick brown fox jumps over the lazy dog " * 40


def main(data_dir: str, progress_path: str) -> None:
    app = make_application()
    window = open_window(Path(data_dir))
    window.show()
    window.workspace.select_row(1)
    editor = window.workspace.editor
    editor.setFocus()
    progress = open(progress_path, "a", buffering=1)  # noqa: SIM115 - lives until killed
    state = {"i": 0}

    def type_one() -> None:
        i = state["i"]
        QTest.keyClicks(editor, TEXT[i % len(TEXT)])
        progress.write(f"{i} {time.time():.4f}\n")
        state["i"] = i + 1

    timer = QTimer(interval=15)
    timer.timeout.connect(type_one)
    timer.start()
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
