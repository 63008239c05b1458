"""Importing files into the library and exporting it, for the window: File › Import (Ctrl+I,
or a file dropped on the window), File › Export (a followup/1 file) and File › Export as HTML
(the meeting shown, else the library, as one page to read or print).

The reading and writing are the store's (`store.formats`); this module asks
for the file, runs the import on a worker thread while the window keeps painting
(`worker_wait`), says what happened in the status bar, and shows what an import made.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from followup.core.plurals import counted
from followup.gui.errors import plain
from followup.gui.worker_wait import wait_for_worker
from followup.lazy_import import LazyModule

if TYPE_CHECKING:
    from followup.gui.main_window import MainWindow

formats = LazyModule("followup.store.formats")  # read when a file is chosen, not at start-up


class FileTransfers(QObject):
    """The window's imports and exports; `window.files`."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    @Slot()
    def import_file(self, path: str | None = None) -> None:
        if not self.window._writable():
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, "Import", str(Path.home()), formats.dialog_filter())
        if not path:
            return

        self.window.notes.flush()
        chosen = Path(path)
        def work() -> tuple[dict[str, list[int]], str]:
            created = formats.import_file(self.window.library, chosen)
            return created, import_summary(created, chosen.name)  # it loads the importers

        try:  # read, checked and written on a worker: a big file takes seconds
            created, summary = wait_for_worker(work, "import", self.window.library)
        except formats.ImportFailed as exc:
            QMessageBox.warning(self.window, "Nothing was imported",
                                plain(f"{Path(path).name} could not be imported: {exc}"))
            return
        self.window.hub.libraryChanged.emit()  # imported meetings already over count as due at once
        self.window._update_welcome()
        changed = (created.get("meetings") or created.get("updated_meetings")
                   or created.get("cancelled_meetings"))
        if changed:  # show what the file made or changed
            self.window.sidebar.select(changed[-1])
            workspace = self.window.workspace
            if workspace.meeting is not None and workspace.meeting.id == changed[-1]:
                workspace.load_meeting(changed[-1])  # already shown: show it anew
        elif self.window.workspace.meeting is not None:
            self.window.workspace.reload_people()
        self.window.statusBar().showMessage(summary, 8000)

    @Slot()
    def export_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _chosen = QFileDialog.getSaveFileName(
            self.window, "Export library", str(Path.home() / "followup-export.json"),
            formats.export_filter())
        if path:
            self._write(Path(path))

    @Slot()
    def export_html(self) -> None:
        """The meeting shown (else the whole library) as one web page to read or print."""
        from PySide6.QtWidgets import QFileDialog

        meeting = self.window.workspace.meeting
        name = "followup-meeting.html" if meeting is not None else "followup.html"
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, "Export as HTML" if meeting is None else "Export this meeting as HTML",
            str(Path.home() / name), "Web page (*.html *.htm)")
        if not path:
            return
        if Path(path).suffix.lower() not in (".html", ".htm"):
            path += ".html"
        self._write(Path(path), "html", meeting.id if meeting is not None else None)

    def _write(self, path: Path, *how) -> None:
        """Write an export (`store.formats.write_export(library, path, *how)`) after saving the
        notes being typed; a place that cannot be written is said in a dialog."""
        from PySide6.QtWidgets import QMessageBox

        self.window.notes.flush()
        try:
            formats.write_export(self.window.library, path, *how)
        except OSError as exc:
            QMessageBox.warning(self.window, "Nothing was exported",
                                plain(f"{path} could not be written: {exc.strerror or exc}. "
                                      "The library is unchanged; choose another place."))
            return
        self.window.statusBar().showMessage(f"Exported to {path}", 8000)


_IMPORTED = {"meetings": "meeting", "updated_meetings": "meeting updated",
             "cancelled_meetings": "meeting cancelled", "people": "person",
             "updated": "card updated", "followups": "follow-up",
             "people_without_a_usable_address": "person without a usable address"}


def import_summary(created: dict[str, list[int]], file_name: str) -> str:
    """The status bar's line after an import: what `created` (an importer's ids by kind)
    holds, each count with its noun in the right number ("Imported 1 meeting, 3 people from
    invite.ics (1 meeting was already there)")."""
    from followup.store.contacts_import import NOT_MEETINGS

    counts = ", ".join(counted(len(ids), _IMPORTED.get(kind, kind.replace("_", " ")))
                       for kind, ids in created.items()
                       if ids and kind not in ("skipped_meetings", NOT_MEETINGS)) or "nothing new"
    skipped = len(created.get("skipped_meetings", []))
    if skipped:
        counts += (" (1 meeting was already there)" if skipped == 1
                   else f" ({skipped} meetings were already there)")
    left_out = len(created.get(NOT_MEETINGS, []))
    if left_out:
        counts += (f" ({counted(left_out, 'event')} left out: an all-day event that repeats "
                   "every year with no one invited, such as a birthday, is not a meeting)")
    return f"Imported {counts} from {file_name}"
