"""The main window: meetings on the left, the open meeting in the middle, menus and status."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape as html_escape
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from followup import APP_NAME
from followup.gui.errors import plain
from followup.gui.sidebar import MeetingSidebar
from followup.gui.workspace import MeetingWorkspace
from followup.store.library import Library


class MainWindow(QMainWindow):
    def __init__(self, library: Library, settings: QSettings, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings
        self.setWindowTitle(APP_NAME)
        self._quitting = False
        self.setAcceptDrops(True)
        self.sidebar = MeetingSidebar(library)
        self.workspace = MeetingWorkspace(library)
        self.stack = QStackedWidget(objectName="centralStack")
        self.stack.addWidget(self.workspace)
        from followup.gui.status_view import StatusListView

        self.status_list = StatusListView(library)
        self.status_list.openFollowUp.connect(self.open_followup)
        self.stack.addWidget(self.status_list)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1030])
        self.splitter.setChildrenCollapsible(False)
        from followup.gui.reminders_ui import ReminderBanner

        self.banner = ReminderBanner()
        self.banner.open_button.clicked.connect(self.show_status_list)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.saved_label = QLabel(objectName="savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.sidebar.meetingActivated.connect(self.open_meeting)
        self.workspace.saved.connect(self._on_saved)
        self.workspace.meetingChanged.connect(self._on_meeting_changed)
        self.workspace.showRequested.connect(self.show_workspace)
        self.workspace.saveFailed.connect(self._on_save_failed)
        self.workspace.followups.saved.connect(self._on_saved)
        self.workspace.followups.statusChanged.connect(self._on_status_changed)
        self._build_menus()
        self._tick = QTimer(self, interval=1000)  # the one timer behind every countdown
        self._tick.timeout.connect(self.tick)
        self._tick.start()
        self._setup_spelling()
        from followup.gui.reminders_ui import ReminderPresenter
        from followup.gui.send_ui import SendController

        self.sender_ui = SendController(library, self)
        self.sender_ui.changed.connect(self._after_send)
        self.sender_ui.started.connect(self.workspace.followups.lock_for_sending)
        self.workspace.followups.routeRequested.connect(self._on_route)

        self.reminders = ReminderPresenter(library, self)
        self.sidebar.refresh()
        self.update_badge()
        self.show_unconfirmed_sends()
        self._restore_geometry()
        if self.sidebar.list.count():
            self.sidebar.list.setCurrentRow(0)
        else:
            self.workspace.load_meeting(None)
        self.workspace.editor.setFocus()  # typing goes into the notes, not the filter

    # --- menus ----------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name or text.replace("&", "").replace("…", "").replace(" ", "_"))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&New meeting…", self.new_meeting, QKeySequence.StandardKey.New,
                     "newMeetingAction")
        self._action(file, "&Import…", self.import_file, "Ctrl+I", "importAction")
        self._action(file, "&Export…", self.export_file, "Ctrl+Shift+X", "exportAction")
        file.addSeparator()
        self._action(file, "&Quit", self.quit, QKeySequence.StandardKey.Quit, "quitAction")
        meeting = bar.addMenu("&Meeting")
        self._action(meeting, "&Add person", self.workspace.focus_add_person, "Ctrl+Shift+A",
                     "addPersonAction")
        self._action(meeting, "&Start meeting", self.workspace.start_meeting, "Ctrl+Shift+S",
                     "startMeetingAction")
        self._action(meeting, "&End meeting", self.workspace.end_meeting, "Ctrl+Shift+E",
                     "endMeetingAction")
        self._action(meeting, "Edit person's &card…", self.workspace.edit_card, "Ctrl+E",
                     "editCardAction")
        meeting.addSeparator()
        self._action(meeting, "&Delete meeting…", self.delete_meeting, None, "deleteMeetingAction")
        self.view_menu = bar.addMenu("&View")
        self.followups_action = self._action(
            self.view_menu, "&Follow-ups beside notes", self.toggle_followups, "Ctrl+Shift+D",
            "followUpsAction")
        self.followups_action.setCheckable(True)
        self._action(self.view_menu, "Send-&status list", self.show_status_list, "Ctrl+L",
                     "statusListAction")
        self._action(self.view_menu, "&Meeting notes", self.show_workspace, "Ctrl+Shift+L",
                     "workspaceAction")
        follow = bar.addMenu("F&ollow-up")
        self._action(follow, "&Regenerate from notes", self.workspace.followups.regenerate,
                     "Ctrl+R", "regenerateAction")
        self._action(follow, "Mark &ready / back to draft", self.workspace.followups.toggle_ready,
                     "Ctrl+Shift+R", "readyAction")
        self._action(follow, "Mark &sent…", self.workspace.followups.mark_sent, "Ctrl+Shift+M",
                     "markSentAction")
        self._action(follow, "Se&nd…", self._send_current, "Ctrl+Return", "sendAction")
        self._action(follow, "Send all &ready in this meeting…", self.send_ready,
                     "Ctrl+Shift+Return", "sendReadyAction")
        self._action(file, "&Profile…", self.edit_profile, "Ctrl+,", "profileAction")
        self._action(file, "Sending &account…", self.edit_account, None, "accountAction")
        self._action(self.view_menu, "&Filter meetings", self.focus_filter,
                     QKeySequence.StandardKey.Find, "filterAction")
        self.help_menu = bar.addMenu("&Help")
        self._action(self.help_menu, "&Keyboard shortcuts", self.show_shortcuts, "F1",
                     "shortcutsAction")

    # --- slots ----------------------------------------------------------------------------

    def _setup_spelling(self) -> None:
        from followup.core.spelling import add_user_word
        from followup.gui.spell import SpellService
        from followup.store.followups import user_dictionary_path, user_words

        service = SpellService.instance()
        path = user_dictionary_path(self.library)
        service.add_word = lambda word: add_user_word(path, word)
        service.ignore = {w.lower() for w in user_words(self.library)}
        QTimer.singleShot(200, service.load_in_background)  # after the window is on screen

    def _update_spelling_terms(self) -> None:
        from followup.gui.spell import SpellService

        meeting = self.workspace.meeting
        if meeting is None:
            return
        profile = self.library.profile()
        terms = {meeting.company, *profile.skills}
        for link in profile.links:
            terms.update(link.get("title", "").replace("-", " ").split())
            terms.update(link.get("tags", []))
        for person in meeting.attendees:
            terms.update(person.name.split())
        SpellService.instance().ignore.update(t.lower() for t in terms if t)

    @Slot()
    def tick(self) -> None:
        now = datetime.now(UTC)
        self.workspace.followups.tick(now)
        self.status_list.tick(now)
        if self.reminders.check(now) is not None:  # about once a minute, and at each change
            self.update_badge()

    @Slot()
    def show_status_list(self) -> None:
        self.workspace.flush()
        self.workspace.followups.flush()
        self.status_list.refresh()
        self.stack.setCurrentWidget(self.status_list)
        self.status_list.table.setFocus()

    @Slot()
    def show_workspace(self) -> None:
        if self.stack.currentWidget() is not self.workspace:
            self.stack.setCurrentWidget(self.workspace)
            self.workspace.editor.setFocus()

    @Slot(int, int)
    def open_followup(self, meeting_id: int, attendance_id: int) -> None:
        """Open a meeting with the follow-ups shown and this person's draft selected."""
        self.sidebar.filter.clear()
        self.sidebar.select(meeting_id)
        self.open_meeting(meeting_id)
        self.workspace.show_followups(True)
        self.followups_action.setChecked(True)
        for row in range(self.workspace.people.count()):
            if self.workspace.people.item(row).data(Qt.ItemDataRole.UserRole) == attendance_id:
                self.workspace.select_row(row)
        self.workspace.followups.body.setFocus()

    def update_badge(self) -> None:
        from followup.store.status_list import due_count

        due = due_count(self.library, datetime.now(UTC))
        self.setWindowTitle(f"{APP_NAME} — {due} follow-up{'s' if due != 1 else ''} due"
                            if due else APP_NAME)

    @Slot()
    def toggle_followups(self) -> None:
        visible = not self.workspace.followups.isVisible()
        if visible and not self._profile_ready():
            return
        self.workspace.show_followups(visible)
        self.followups_action.setChecked(visible)

    def _profile_ready(self) -> bool:
        """Ask for the name and phone the first time a draft needs them (never at first start)."""
        from followup.core.drafting import missing_profile_fields
        from followup.store.followups import draft_profile

        missing = missing_profile_fields(draft_profile(self.library.profile()))
        if not missing:
            return True
        from followup.gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.library, self, reason=(
            "Every follow-up ends with your name and phone number. Fill in what is missing ("
            + ", ".join(missing) + "); anything left empty shows as a gap in the drafts."))
        dialog.exec()
        return True

    @Slot(str, int)
    def _on_route(self, route: str, followup_id: int) -> None:
        from followup.store.followups import followup_view

        view = followup_view(self.library, followup_id)
        if route == "send":
            self.sender_ui.send([followup_id])
        elif route == "mail_app":
            self.sender_ui.open_in_mail_app(view)
        elif route == "eml":
            self.sender_ui.save_eml(view)
        elif route == "copy":
            self.sender_ui.copy(view)

    @Slot()
    def _send_current(self) -> None:
        panel = self.workspace.followups
        if panel.isVisible() and panel.view is not None:
            panel._route_send()

    @Slot()
    def send_ready(self) -> None:
        from followup.sending import ready_ids

        if self.workspace.meeting is not None:
            self.workspace.followups.flush()
            self.sender_ui.send(ready_ids(self.library, self.workspace.meeting.id))

    @Slot()
    def _after_send(self) -> None:
        self.workspace.followups.refresh_view()
        self._on_status_changed(0)
        if self.stack.currentWidget() is self.status_list:
            self.status_list.refresh()

    @Slot()
    def edit_account(self) -> None:
        from followup.gui.send_ui import AccountDialog

        dialog = AccountDialog(self.library, self)
        dialog.exec()
        dialog.deleteLater()  # the password field goes with it

    def show_unconfirmed_sends(self) -> None:
        """After a crash mid-send: say so, and never resend by itself."""
        from followup.store.followups import unconfirmed_sends

        stuck = unconfirmed_sends(self.library)
        if stuck:
            self.banner.show_messages([
                f"<b>Send not confirmed: check your Sent folder</b> — the note to "
                f"{html_escape(v.person_name)} ({html_escape(v.company)}) may or may not have "
                "left. Followup will not "
                "resend it by itself." for v in stuck])

    @Slot()
    def edit_profile(self) -> None:
        from followup.gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.library, self)
        dialog.exec()
        dialog.deleteLater()

    @Slot(int)
    def _on_status_changed(self, _followup_id: int) -> None:
        self.sidebar.refresh()
        self.update_badge()
        self.reminders.reschedule()

    @Slot(int)
    def open_meeting(self, meeting_id: int) -> None:
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.load_meeting(meeting_id)
        self._update_spelling_terms()

    @Slot(object)
    def _on_saved(self, when: datetime | None) -> None:
        if when is not None:
            self.saved_label.setText(f"All notes saved at {when.astimezone():%H:%M:%S}")

    @Slot(str)
    def _on_save_failed(self, reason: str) -> None:
        """Say plainly that notes are NOT saved yet; the workspace keeps retrying."""
        self.saved_label.setText("⚠ Notes NOT saved yet — retrying")
        self.banner.show_messages([
            "<b>Your latest notes are not saved yet.</b> Followup keeps trying; keep this "
            f"window open. ({html_escape(reason)})"])

    @Slot(int)
    def _on_meeting_changed(self, _meeting_id: int) -> None:
        self.sidebar.refresh()
        self.update_badge()
        self.reminders.reschedule()

    @Slot()
    def quit(self) -> None:
        self._quitting = True
        self.close()
        from PySide6.QtWidgets import QApplication

        QApplication.quit()

    @Slot()
    def focus_filter(self) -> None:
        self.sidebar.filter.setFocus()
        self.sidebar.filter.selectAll()

    @Slot()
    def new_meeting(self) -> None:
        from followup.gui.new_meeting import NewMeetingDialog

        dialog = NewMeetingDialog(self)
        if dialog.exec():
            self.workspace.flush()
            try:
                meeting_id = self.library.create_meeting(dialog.meeting_input())
            except ValueError as exc:  # a name or address no message could carry
                QMessageBox.warning(self, "Meeting not created", plain(str(exc)))
                return
            self.sidebar.filter.clear()
            self.sidebar.refresh()
            self.sidebar.select(meeting_id)
            self.workspace.editor.setFocus()

    @Slot()
    def delete_meeting(self) -> None:
        meeting = self.workspace.meeting
        if meeting is None:
            return
        answer = QMessageBox.question(
            self, "Delete meeting",
            plain(f"Delete the meeting with {meeting.company} and all its notes and "
                  "follow-ups? This cannot be undone (yesterday's backup keeps a copy)."))
        if answer == QMessageBox.StandardButton.Yes:
            self.workspace.flush()
            self.library.delete_meeting(meeting.id)
            self.workspace.meeting = None
            self.sidebar.refresh()
            if self.sidebar.list.count():
                self.sidebar.list.setCurrentRow(0)
            else:
                self.workspace.load_meeting(None)

    @Slot()
    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, "Import", str(Path.home()),
                "Followup files (*.json *.ics *.vcf);;All files (*)")
        if not path:
            return
        from followup.store.importers import ImportFailed, import_file

        self.workspace.flush()
        try:
            created = import_file(self.library, Path(path))
        except ImportFailed as exc:
            QMessageBox.warning(self, "Nothing was imported",
                                plain(f"{Path(path).name} could not be imported: {exc}"))
            return
        self.sidebar.refresh()
        if created.get("meetings"):
            self.sidebar.select(created["meetings"][-1])
        elif self.workspace.meeting is not None:
            self.workspace.reload_people()
        counts = ", ".join(f"{len(v)} {k}" for k, v in created.items()
                           if v and k != "skipped_meetings") or "nothing new"
        if created.get("skipped_meetings"):
            counts += f" ({len(created['skipped_meetings'])} meetings were already there)"
        self.statusBar().showMessage(f"Imported {counts} from {Path(path).name}", 8000)

    @Slot()
    def export_file(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export library", str(Path.home() / "followup-export.json"),
            "Followup JSON (*.json);;Markdown (*.md)")
        if not path:
            return
        import json

        from followup.commands.library_io import _write_atomic
        from followup.store.interchange import export_library, export_markdown

        self.workspace.flush()
        text = (export_markdown(self.library) if path.endswith(".md")
                else json.dumps(export_library(self.library), indent=2, ensure_ascii=False))
        _write_atomic(Path(path), text)
        self.statusBar().showMessage(f"Exported to {path}", 8000)

    @Slot()
    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() and url.toLocalFile().lower().endswith(IMPORTABLE)
               for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(IMPORTABLE):
                self.import_file(url.toLocalFile())
        event.acceptProposedAction()

    # --- window state ---------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)
        state = self.settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.workspace.flush()
        self.workspace.followups.flush()
        tray = self.reminders.tray
        if tray is not None and not self._quitting and self.windowTitle() != APP_NAME:
            # Follow-ups are due: stay reachable from the tray instead of quitting.
            tray.showMessage("Followup is still running", "Reminders will keep coming; quit "
                             "from the tray menu or with Ctrl+Q.")
            self.hide()
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)


IMPORTABLE = (".json", ".ics", ".vcf", ".vcard")

SHORTCUTS_HELP = """\
Ctrl+N  New meeting
Ctrl+1…9  Notes on person 1…9
Ctrl+0  General notes
Ctrl+Up / Ctrl+Down  Previous / next person
Ctrl+Shift+A  Add a person
Ctrl+E  Edit the selected person's card (email suggestions, business card)
Ctrl+K  Toggle ! (key point) on the current line
Ctrl+Shift+S / Ctrl+Shift+E  Start / end the meeting
Ctrl+Z / Ctrl+Shift+Z  Undo / redo (each person's notes have their own history)
Ctrl+Shift+D  Follow-ups beside the notes (drafts one per person)
Ctrl+R  Regenerate the draft from the notes (asks before replacing your edits)
Ctrl+Shift+R  Mark ready / back to draft
Ctrl+Shift+M  Mark sent by hand
Ctrl+Return  Send this follow-up (to this person only)
Ctrl+Shift+Return  Send every follow-up of the meeting marked ready, one by one
Ctrl+L  Send-status list (Ctrl+Shift+L back to the notes)
Ctrl+,  Your profile
Ctrl+F  Filter meetings
Ctrl+I  Import an export, an .ics invitation or .vcf cards
"""
