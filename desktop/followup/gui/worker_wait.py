"""Work that must finish before the window goes on, done on a worker thread while the window
keeps painting: importing a file, drafting a meeting's follow-ups, drafting a follow-up again
to mark its phrased sentences.

The caller waits as before (its result, or its exception, comes back from the call) and the
store is used from one thread at a time, but the UI thread turns its event loop meanwhile:
paints, timers and the countdowns go on, so no such action holds the window for more than a
frame or two (`benchmarks/bench_stalls.py`, target 50 ms). Keys and clicks wait until the work
is done, so nothing the user does can start a second one in the middle.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

T = TypeVar("T")


class _Finished(QObject):
    done = Signal()


def wait_for_worker(work: Callable[[], T], name: str = "worker", library: object = None) -> T:
    """Run `work()` on a thread named `name` and return what it returns (or raise what it
    raised), turning the UI thread's event loop without user input until it is done.

    `work()` runs here instead without a QApplication (the command line), off the UI thread,
    or when `library` (the one `work` uses) is still opening: loading its ORM is the UI
    thread's (`store.first_screen.OpeningLibrary`)."""
    app = QApplication.instance()
    if (app is None or threading.current_thread() is not threading.main_thread()
            or not getattr(library, "loaded", True)):
        return work()
    outcome: dict[str, object] = {}
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller, raised there
            outcome["error"] = exc
        finally:
            finished.done.emit()

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
