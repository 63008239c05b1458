"""Python's garbage collection, run on the UI thread only.

Left automatic, a collection runs in whichever thread happens to allocate at the wrong moment,
and when the garbage holds Qt objects (a closed window's widgets, say) they are destroyed from
that thread: with the app's worker threads (reminders, the status checks, loading the store
and the dictionary) that crashed the process. So automatic collection is switched off and a
timer on the UI thread collects each generation when its count passes Python's own threshold.
Once start-up is over, the objects it made (modules, the ORM's mappings, the window) are moved
out of the collector's sight (`gc.freeze`): they live as long as the app, and scanning them
made each full collection cost some 50-70 ms instead of a few.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500  # a cheap look at three counters; a collection runs only when one is due


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = CHECK_MS):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count is past its threshold (as gc would)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def freeze_startup_objects() -> None:
    """Call once start-up is done: later full collections skip everything made so far."""
    gc.freeze()


def collect_on_ui_thread(app) -> None:
    """Install the collector on `app` once (tests make the application many times)."""
    # A property, not findChild: that would wrap every child of the application for Python,
    # the style among them, which costs start-up a few ms of enum building.
    if not app.property("followupCollector"):
        app.setProperty("followupCollector", True)
        UiThreadCollector(app)
