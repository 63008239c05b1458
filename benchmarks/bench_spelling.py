"""A right-click on a misspelled word: how long the UI thread is held before the menu shows,
and how long until the corrections arrive from their worker.

Each word is right-clicked in a real `QPlainTextEdit` through `add_spelling_actions` (what the
note and draft editors call): the time to build the menu is the UI thread's, the corrections
come from a `QThreadPool` worker while the event loop runs. The baseline is opening the
dictionary, once. The promise: no right-click holds the window for 50 ms.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if not __package__:  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit  # noqa: E402

from benchmarks.run_all import Figure, bench_arguments, emit  # noqa: E402
from followup.core import spelling  # noqa: E402
from followup.gui.spell import LOOKING, add_spelling_actions  # noqa: E402

WORDS = ("pgbouncerr", "Kubernetesified", "platfrom", "recieve")
TARGET_MS = 50.0


def right_click(app: QApplication, editor: QPlainTextEdit, word: str) -> tuple[float, float]:
    """(ms the UI thread was held, ms until the corrections were in the menu)."""
    editor.setPlainText(f"Notes from the call.\n{word} came up twice.")
    app.processEvents()
    pos = editor.cursorRect(editor.document().find(word)).center()
    menu = QMenu()
    start = time.perf_counter()
    add_spelling_actions(editor, menu, pos)
    held = time.perf_counter() - start
    while LOOKING in [action.text() for action in menu.actions()]:
        app.processEvents()
    return held * 1000, (time.perf_counter() - start) * 1000


def measure(repeats: int) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    spelling.speller()
    opened = (time.perf_counter() - start) * 1000
    editor = QPlainTextEdit()
    editor.resize(600, 200)
    editor.show()
    held, arrived = [], []
    for _ in range(repeats):
        for word in WORDS:
            ui, corrections = right_click(app, editor, word)
            held.append(ui)
            arrived.append(corrections)
    return [
        Figure("spelling", f"right-click, longest UI-thread hold ({len(held)} clicks)",
               max(held), f"opening {spelling.engine()}", opened, max_value=TARGET_MS),
        Figure("spelling", "  corrections in the menu, longest wait (on a worker)",
               max(arrived), "opening the dictionary", opened),
    ]


def main(argv: list[str] | None = None) -> int:
    args = bench_arguments(__doc__.splitlines()[0]).parse_args(argv)
    for figure in measure(2 if args.quick else 5):
        emit(figure, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
