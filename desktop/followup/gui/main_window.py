"""The main window: meetings on the left, the open meeting in the middle, menus and status.

Imports inside methods are deliberate: the first screen opens before the ORM (SQLAlchemy
alone costs about 150 ms), the dialogs, sending and the checklist are loaded, and before the
Qt classes used only later are made (14-22 ms measured for this module's); each is imported
where it is first needed (start-up target in docs/benchmarks.md).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from html import escape as html_escape
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QRect, QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from followup import APP_NAME, __version__
from followup.core.spelling import add_user_word
from followup.core.spelling import engine as spelling_engine
from followup.gui.actions import Menu, build_actions, shortcut_help, writing_actions
from followup.gui.errors import plain
from followup.gui.formatting import install_locale_clock
from followup.gui.hub import Hub, SendRoute
from followup.gui.note_buffer import NoteBuffer
from followup.gui.object_names import named
from followup.gui.session import last_place, remember_place
from followup.gui.sidebar import MeetingSidebar
from followup.gui.spell import SpellService, load_for_drafts
from followup.gui.theme import THEMES, set_theme
from followup.gui.transfers import FileTransfers
from followup.gui.worker_wait import wait_for_worker
from followup.gui.workspace import MeetingWorkspace
from followup.lazy_import import LazyModule
from followup.paths import _root

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from followup.store.library import Library

fu = LazyModule("followup.store.followups")  # the ORM loads after the first screen
PLACE_DELAY_MS = 1000  # the meeting and person the user is on are written this long after


class HeldLock(Protocol):
    """The library's lock while the window is open (`store.lock.LibraryLock`)."""

    def release(self) -> None: ...


class MainWindow(QMainWindow):
    library_lock: HeldLock  # set by whoever opened the library, released when the app ends

    def __init__(self, library: Library, settings: QSettings, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings
        self.setWindowTitle(APP_NAME)
        self._quitting = False
        self._asked_for_profile = False
        self.setAcceptDrops(True)

        # The unsaved notes and draft: `self.notes.flush()` writes all of them.
        self.notes = NoteBuffer(library, self)
        # What changed, announced by the widget that changed it (gui.hub).
        self.hub = Hub(self)
        self.files = FileTransfers(self)  # File › Import, Export, Export as HTML
        self.sidebar = MeetingSidebar(library)
        self.workspace = MeetingWorkspace(library, self.notes, self.hub)
        self.stack = named(QStackedWidget(), "centralStack")
        self.stack.addWidget(self.workspace)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1030])
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        self.central_layout = central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.splitter, 1)
        self.banner = None  # above the splitter, made after the first frame (_reminder_banner)
        self.people_view = None  # View › People, made the first time it is shown
        self.setCentralWidget(central)
        self.saved_label = named(QLabel(), "savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.sidebar.meetingActivated.connect(self.open_meeting)
        self.hub.notesSaved.connect(self._on_saved)
        self.hub.saveFailed.connect(self._on_save_failed)
        for changed in (self.hub.meetingChanged, self.hub.followupStatusChanged,
                        self.hub.libraryChanged):
            changed.connect(self._on_library_changed)
        self.hub.routeRequested.connect(self._on_route)
        self.workspace.showRequested.connect(self.show_workspace)
        self.workspace.meetingEnded.connect(self._on_meeting_ended)
        self._build_menu_titles()
        self._tick = QTimer(self, interval=1000)  # the one timer behind every countdown
        self._tick.timeout.connect(self.tick)
        self._opened = False
        self.sidebar.refresh()
        self._restore_geometry()
        self._reopen_last()
        self._place: tuple[int, int] | None = None
        self._place_timer = QTimer(self, singleShot=True, interval=PLACE_DELAY_MS)
        self._place_timer.timeout.connect(self._write_place)
        self.workspace.personSelected.connect(self._remember_place)
        self.workspace.newMeetingRequested.connect(self.new_meeting)
        self.workspace.importRequested.connect(self.files.import_file)
        self.workspace.sampleRequested.connect(self.open_sample)
        self.workspace.editor.setFocus()  # typing goes into the notes, not the filter
        if getattr(library, "loaded", True):
            self.finish_opening()
        # else the app calls finish_opening() once the ORM is loaded (store.first_screen)

    def notes_editable(self) -> bool:
        """Shown, with the open meeting's notes taking typing (or no meeting to open)."""
        editor = self.workspace.editor
        if self.workspace.meeting is None:
            return self.isVisible()
        return self.isVisible() and editor.isVisible() and editor.isEnabled() and (
            not editor.isReadOnly())

    def finish_opening(self) -> None:
        """What the first screen does not need: the send-status list, sending, reminders, the
        badge, countdowns.

        Runs once; actions that need it call it first, so it is never missing.
        """
        if self._opened:
            return

        self._opened = True
        self.fill_menus()
        install_locale_clock()  # the countdowns' times of day, as the rest of the window
        from followup.gui.reminders_ui import ReminderPresenter
        from followup.gui.send_ui import SendController
        from followup.gui.status_view import StatusListView

        self._reminder_banner()
        _ = self.workspace.followups  # built now, after the first frame, ready for Ctrl+Shift+D
        self.status_list = StatusListView(self.library)
        self.status_list.openFollowUp.connect(self.open_followup)
        self.stack.addWidget(self.status_list)

        self.sender_ui = SendController(self.library, self)
        self.sender_ui.changed.connect(self._after_send)
        self.sender_ui.started.connect(self.workspace.lock_for_sending)
        self.reminders = ReminderPresenter(self.library, self)
        from followup.gui.replies_ui import ReplyWatcher

        self.replies = ReplyWatcher(self.library, self)
        self.replies.checked.connect(self._on_replies_checked)
        self._setup_spelling()
        self._update_spelling_terms()
        self.update_badge()
        # At start, then every 15 minutes; queued after the badge's count, whose worker would
        # otherwise read beside it, each on a connection of its own kept by the pool (1.5 MB).
        QTimer.singleShot(0, self.replies.start)
        self.show_unconfirmed_sends()
        if self.settings.value("view/followups", False, type=bool):  # as it was left
            self._set_followups_shown(True)
        self._tick.start()

    def _reminder_banner(self):
        """The strip above the meeting for reminders and warnings (a ReminderBanner), made
        after the first frame or when a warning comes sooner."""
        if self.banner is None:
            from followup.gui.reminders_ui import ReminderBanner

            self.banner = ReminderBanner()
            self.banner.open_button.clicked.connect(self.show_status_list)
            self.central_layout.insertWidget(0, self.banner)
        return self.banner

    # --- a library that cannot be written -------------------------------------------------

    # The actions that change the library: off while it is read-only.
    def show_read_only(self, reason: str) -> None:
        """The library cannot be written (`reason`, in the user's words): a banner says so
        and what still works; every action that would change it is off."""
        from PySide6.QtWidgets import QFrame

        self.fill_menus()
        self.read_only_banner = named(QLabel(
            f"<b>Read-only:</b> Followup cannot write this library ({html_escape(reason)}). "
            "You can read, search, export and copy drafts; editing, sending and imports are "
            "off. To change it, copy followup.sqlite3 to a folder you can write and open it "
            "there (--data-dir).", wordWrap=True), "readOnlyBanner")
        self.read_only_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.read_only_banner.setMargin(6)
        self.central_layout.insertWidget(0, self.read_only_banner)
        for name in writing_actions():
            self.actions_by_name[name].setEnabled(False)
        self.workspace.set_read_only()
        self.update_badge()
        self.setAcceptDrops(False)

    def _writable(self) -> bool:
        """False, with a word in the status bar, when the library is read-only."""
        if not getattr(self.library, "read_only", False):
            return True
        self.statusBar().showMessage("This library is read-only: nothing can be changed.",
                                     10_000)
        return False

    # --- where the user was -----------------------------------------------------------------

    def _reopen_last(self) -> None:
        """Reopen the meeting and the person the user was on (kept at each switch, so a crash
        does not move the next typed words to person 1); else the newest meeting."""
        meeting, person = last_place(self.settings)
        if meeting and self.sidebar.select(meeting):
            self.workspace.select_person(person)
        elif not self.sidebar.select_first():
            self.workspace.load_meeting(None)
        self._update_welcome()

    @Slot(object)
    def _remember_place(self, attendance_id) -> None:
        """Keep where the user is, a moment after they got there: soon enough that a crash
        reopens on the person whose notes were being typed, without a file write on every
        quick jump between people."""
        meeting = self.workspace.meeting
        if meeting is None:
            return
        self._place = (meeting.id, attendance_id or 0)
        self._place_timer.start()

    @Slot()
    def _write_place(self) -> None:
        if self._place is not None:
            remember_place(self.settings, *self._place)
            self._place = None

    def _update_welcome(self) -> None:
        self.workspace.show_welcome(self.sidebar.is_empty() and not self.sidebar.filter.text())

    @Slot()
    def open_sample(self) -> None:
        """The sample meeting opens in a separate, temporary library (`--demo`), so the
        user's own library stays theirs."""
        from PySide6.QtCore import QProcess
        from PySide6.QtWidgets import QMessageBox

        if getattr(sys, "frozen", False):
            program, arguments = sys.executable, ["--demo"]
        else:
            program, arguments = sys.executable, ["-m", "followup", "--demo"]
        if not QProcess.startDetached(program, arguments):
            QMessageBox.warning(self, "Sample meeting", "The sample meeting could not be "
                                "opened. Run `followup --demo` to see it.")

    # --- menus ----------------------------------------------------------------------------

    def _build_menu_titles(self) -> None:
        """The menu bar with its menus, empty, and the theme the user chose: what the first
        frame shows. Their actions follow in `fill_menus`, just after it."""
        bar = self.menuBar()
        self.menus = {menu: bar.addMenu(menu.value) for menu in Menu}
        self._menus_filled = False
        chosen = str(self.settings.value("view/theme", "system"))
        if chosen != "system":
            self.apply_theme(chosen)

    def fill_menus(self) -> None:
        """Every menu's actions and shortcuts (`gui.actions.ACTIONS`), the person shortcuts
        too, and the people's lines broken by Followup (once; a few ms, so not before the first
        frame: no one reaches for a shortcut in the first tenth of a second)."""
        if self._menus_filled:
            return
        self._menus_filled = True
        self.workspace.add_shortcuts()
        self.workspace.wrap_people_items()
        self.actions_by_name = build_actions(self, self.menus)
        self.followups_action = self.actions_by_name["followUpsAction"]
        self._build_theme_menu()

    def _build_theme_menu(self) -> None:
        from PySide6.QtGui import QAction, QActionGroup

        menu = self.menus[Menu.VIEW].addMenu("&Theme")
        group = QActionGroup(self)
        chosen = self.settings.value("view/theme", "system")
        for theme in THEMES:
            action = named(QAction(theme.capitalize(), self, checkable=True),
                           f"theme{theme.capitalize()}Action")
            action.setData(theme)
            action.setChecked(theme == chosen)
            group.addAction(action)
            menu.addAction(action)
        group.triggered.connect(self._on_theme)

    @Slot(object)
    def _on_theme(self, action: QAction) -> None:
        self.settings.setValue("view/theme", action.data())
        self.settings.sync()
        self.apply_theme(action.data())

    def apply_theme(self, theme: str) -> None:
        from PySide6.QtWidgets import QApplication

        set_theme(QApplication.instance(), theme)
        if hasattr(self, "reminders"):  # after start-up: the countdown's colours follow now
            self.tick()

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.NoIcon, "About Followup", "", parent=self)
        box.setObjectName("aboutBox")
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(about_text(__version__, self.library.path.parent, spelling_engine()))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        box.exec()

    # --- slots ----------------------------------------------------------------------------

    def _setup_spelling(self) -> None:
        service = SpellService.instance()
        path = fu.user_dictionary_path(self.library)
        fu.use_library_spelling(self.library)  # the profile's English; opened on a worker below
        service.add_word = lambda word: add_user_word(path, word)
        service.set_ignored(w.lower() for w in fu.user_words(self.library))
        QTimer.singleShot(200, service.load_in_background)  # after the window is on screen

    def _update_spelling_terms(self) -> None:
        terms = fu.profile_words(self.library.profile())
        meeting = self.workspace.meeting
        if meeting is not None:
            terms.add(meeting.company)
            for person in meeting.attendees:
                terms.update(person.name.split())
        SpellService.instance().also_ignore(t.lower() for t in terms if t)

    @Slot()
    def tick(self) -> None:
        now = datetime.now(UTC)
        self.workspace.tick(now)
        self.status_list.tick(now)
        # About once a minute, and at each change: read and decided on a worker thread, the
        # badge and any reminder follow when it is done (ReminderPresenter).
        self.reminders.check_in_background(now)

    @Slot()
    def show_status_list(self) -> None:
        self.finish_opening()
        self.notes.flush()
        self.status_list.refresh()
        self.stack.setCurrentWidget(self.status_list)
        self.status_list.table.setFocus()

    @Slot()
    def show_people(self) -> None:
        """Everyone the library knows, those in no meeting too (View › People)."""
        self.finish_opening()
        self.notes.flush()
        if self.people_view is None:
            from followup.gui.people_view import PeopleView

            self.people_view = PeopleView(self.library)
            self.people_view.openMeeting.connect(self.open_meeting_with)
            self.people_view.cardChanged.connect(self._on_card_changed)
            self.stack.addWidget(self.people_view)
        self.people_view.refresh()
        self.stack.setCurrentWidget(self.people_view)
        self.people_view.filter.setFocus()

    @Slot(int, int)
    def open_meeting_with(self, meeting_id: int, attendance_id: int) -> None:
        """Open a meeting's notes on one person (from the People view)."""
        self.go_to(meeting_id, attendance_id)
        self.workspace.editor.setFocus()

    def go_to(self, meeting_id: int, attendance_id: int | None, drafts: bool = False) -> None:
        """The meeting on screen, found in the list whatever its filter, on this person
        (None: the general notes)."""
        self.sidebar.filter.clear()
        self.sidebar.select(meeting_id)
        self.open_meeting(meeting_id)
        if drafts:
            self._profile_ready()
            self._set_followups_shown(True)
        self.workspace.select_person(attendance_id)

    @Slot()
    def _on_card_changed(self) -> None:
        """A card edited in the People view: the meeting on screen shows it too."""
        if self.workspace.meeting is not None:
            self.workspace.reload_people()
            self.workspace.refresh_followup()
        self.sidebar.refresh()

    @Slot()
    def show_workspace(self) -> None:
        if self.stack.currentWidget() is not self.workspace:
            self.stack.setCurrentWidget(self.workspace)
            self.workspace.editor.setFocus()

    @Slot(int, int)
    def open_followup(self, meeting_id: int, attendance_id: int) -> None:
        """Open a meeting with the follow-ups shown and this person's draft selected."""
        self.go_to(meeting_id, attendance_id, drafts=True)
        self.workspace.focus_draft()

    def update_badge(self, due: int | None = None) -> None:
        from followup.store.status_list import due_count

        if due is None and self.isVisible():  # a read of every follow-up due: on a worker
            now = datetime.now(UTC)
            due = wait_for_worker(lambda: due_count(self.library, now), "due-count",
                                  self.library)
        elif due is None:
            due = due_count(self.library, datetime.now(UTC))
        title = f"{APP_NAME} — {due} follow-up{'s' if due != 1 else ''} due" if due else APP_NAME
        self.setWindowTitle(title + (" (read-only)" if getattr(self.library, "read_only", False)
                                     else ""))

    @Slot()
    def toggle_followups(self) -> None:
        visible = not self.workspace.followups_visible()
        if visible and not self._profile_ready():
            return
        self._set_followups_shown(visible)

    def _set_followups_shown(self, visible: bool) -> None:
        """Show or hide the drafts beside the notes, and keep that for the next start."""
        if visible:
            load_for_drafts()  # the first time only
        self.workspace.show_followups(visible)
        self.followups_action.setChecked(visible)
        self.settings.setValue("view/followups", visible)

    @Slot(int)
    def _on_meeting_ended(self, _meeting_id: int) -> None:
        """The meeting is over: its drafts open beside the notes, one per person, each with
        its countdown, and the status bar says where they are."""
        self.finish_opening()
        self._profile_ready()
        self._set_followups_shown(True)
        self.statusBar().showMessage(
            "Meeting ended: a follow-up for each person is beside the notes; send each within "
            "24 hours (Ctrl+Shift+D hides them).", 15000)

    def _profile_ready(self) -> bool:
        """Ask for the name and phone the first time a draft needs them (never at first start)."""
        from followup.core.drafting import missing_profile_fields

        missing = missing_profile_fields(fu.draft_profile(self.library.profile()))
        if not missing or self._asked_for_profile or getattr(self.library, "read_only", False):
            return True
        self._asked_for_profile = True  # once a session: a skipped field stays a visible gap
        from followup.gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.library, self, reason=(
            "Every follow-up ends with your name and phone number. Fill in what is missing ("
            + ", ".join(missing) + "); anything left empty shows as a gap in the drafts."))
        dialog.exec()
        return True

    @Slot(str, int)
    def _on_route(self, route: SendRoute | str, followup_id: int) -> None:
        """Send follow-up `followup_id` by `route` (a SendRoute or its value)."""
        route = SendRoute(route)
        self.finish_opening()
        if route.writes and not self._writable():
            return
        if route is SendRoute.SEND:  # read once, on its way (sending.delivery.prepare)
            self.sender_ui.send([followup_id])
            return
        view = fu.followup_view(self.library, followup_id)
        if route is SendRoute.MAIL_APP:
            self.sender_ui.open_in_mail_app(view)
        elif route is SendRoute.EML:
            self.sender_ui.save_eml(view)
        elif route is SendRoute.COPY:
            self.sender_ui.copy(view)

    @Slot()
    def send_current(self) -> None:
        if not self._writable():
            return
        self.workspace.send_current()

    @Slot()
    def send_ready(self) -> None:
        if not self._writable():
            return
        from followup.sending.delivery import ready_ids

        self.finish_opening()
        if self.workspace.meeting is not None:
            self.notes.flush()
            self.sender_ui.send(ready_ids(self.library, self.workspace.meeting.id))

    @Slot()
    def _after_send(self) -> None:
        self.workspace.refresh_followup()
        self.workspace.countdowns_changed()
        self.hub.followupStatusChanged.emit(0)  # a batch: several may have changed
        if self.stack.currentWidget() is self.status_list:
            self.status_list.refresh()

    @Slot()
    def edit_account(self) -> None:
        if not self._writable():
            return
        from followup.gui.send_ui import AccountDialog

        self.finish_opening()
        dialog = AccountDialog(self.library, self)
        dialog.exec()
        dialog.deleteLater()  # the password field goes with it
        self.activateWindow()  # after a warning over the dialog, keys came to nothing (openbox)

    def show_unconfirmed_sends(self) -> None:
        """After a crash mid-send: say so, and never resend by itself."""
        stuck = fu.unconfirmed_sends(self.library)
        if stuck:
            self._reminder_banner().show_messages([
                f"<b>Send not confirmed: check your Sent folder</b> — the note to "
                f"{html_escape(v.person_name)} ({html_escape(v.company)}) may or may not have "
                "left. Followup will not "
                "resend it by itself." for v in stuck])

    @Slot()
    def _on_replies_checked(self) -> None:
        """Answers found or check-ins drafted: say so, and the send-status list follows."""
        from followup.gui.replies_ui import found_lines

        check = self.replies.last
        if check is None:
            return
        lines = found_lines(check)
        if lines:
            self._reminder_banner().show_messages(lines)
        if check.found or check.checkins:
            self.sidebar.refresh()
            self.update_badge()
            if self.stack.currentWidget() is self.status_list:
                self.status_list.refresh()

    @Slot()
    def edit_profile(self) -> None:
        if not self._writable():
            return
        from followup.gui.profile_dialog import ProfileDialog

        self.notes.flush()  # an edit in progress counts as an edit, not as untouched
        dialog = ProfileDialog(self.library, self)
        if dialog.exec():
            self.workspace.refresh_followups()
            self._update_spelling_terms()
            SpellService.instance().load_in_background()  # the English may have changed
        dialog.deleteLater()

    @Slot(int)
    def open_meeting(self, meeting_id: int) -> None:
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.load_meeting(meeting_id)
        if self._opened:  # else finish_opening sets them, with the dictionary
            self._update_spelling_terms()

    @Slot(object)
    def _on_saved(self, when: datetime | None) -> None:
        if when is not None:
            self.saved_label.setText(f"All notes saved at {when.astimezone():%H:%M:%S}")

    @Slot(str)
    def _on_save_failed(self, reason: str) -> None:
        """Say plainly that the latest typing (notes or a draft) is NOT saved yet; the workspace
        keeps retrying."""
        self.saved_label.setText("⚠ Latest typing NOT saved yet — retrying")
        self._reminder_banner().show_messages([
            "<b>Your latest notes or draft are not saved yet.</b> Followup keeps trying; keep this "
            f"window open. ({html_escape(reason)})"])

    @Slot()
    def _on_library_changed(self) -> None:
        """A meeting, a follow-up's status or the meetings themselves changed (the hub's
        meetingChanged, followupStatusChanged, libraryChanged): the meeting list, the title's
        count and the reminders follow at once."""
        self.finish_opening()
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
    def open_search(self) -> None:
        from followup.gui.search_dialog import show_search

        show_search(self)

    @Slot()
    def new_meeting(self) -> None:
        if not self._writable():
            return
        from PySide6.QtWidgets import QMessageBox

        from followup.gui.new_meeting import NewMeetingDialog

        dialog = NewMeetingDialog(self)
        if dialog.exec():
            self.notes.flush()
            try:
                meeting_id = self.library.create_meeting(dialog.meeting_input())
            except ValueError as exc:  # a name or address no message could carry
                QMessageBox.warning(self, "Meeting not created", plain(str(exc)))
                return
            self.sidebar.filter.clear()
            self.hub.libraryChanged.emit()  # a meeting already over is due from now on
            self._update_welcome()
            self.sidebar.select(meeting_id)
            self.workspace.editor.setFocus()

    @Slot()
    def delete_meeting(self) -> None:
        if not self._writable():
            return
        from PySide6.QtWidgets import QMessageBox

        meeting = self.workspace.meeting
        if meeting is None:
            return
        answer = QMessageBox.question(
            self, "Delete meeting",
            plain(f"Delete the meeting with {meeting.company} and all its notes and "
                  "follow-ups? This cannot be undone (yesterday's backup keeps a copy)."))
        if answer == QMessageBox.StandardButton.Yes:
            self.notes.flush()
            self.library.delete_meeting(meeting.id)
            self.workspace.meeting = None
            self.hub.libraryChanged.emit()
            if not self.sidebar.select_first():
                self.workspace.load_meeting(None)
            self._update_welcome()

    @Slot()
    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, "Keyboard shortcuts", shortcut_help())

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() and url.toLocalFile().lower().endswith(_importable())
               for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(_importable()):
                self.files.import_file(url.toLocalFile())
        event.acceptProposedAction()

    # --- window state ---------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            from PySide6.QtGui import QGuiApplication

            # The primary screen, where a new window opens. (QWidget.screen() here, before
            # the window exists, led to a crash on a deleted QScreen later on.)
            screen = QGuiApplication.primaryScreen()
            self.setGeometry(default_geometry(screen.availableGeometry()))
        state = self.settings.value("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.notes.flush()
        tray = self.reminders.tray if self._opened else None
        due = self.windowTitle().removesuffix(" (read-only)") != APP_NAME
        if tray is not None and not self._quitting and due:
            # Follow-ups are due: stay reachable from the tray instead of quitting.
            tray.showMessage("Followup is still running", "Reminders will keep coming; quit "
                             "from the tray menu or with Ctrl+Q.")
            self.hide()
            event.ignore()
            return
        if self._opened:
            self.replies.stop()  # a check drafting check-ins finishes before the library closes
        self._write_place()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)


DEFAULT_SIZE = (1280, 800)  # the first window, on a screen with room for it
FRAME_ALLOWANCE = (16, 48)  # what a window manager's title bar and borders may add around it


def default_geometry(available: QRect) -> QRect:
    """The first window's place on a screen whose free area (without panels and docks) is
    `available`: DEFAULT_SIZE, smaller when the screen is (a 1366x768 laptop: the title bar,
    the status bar and the send-status list's last column all on screen), centred."""
    width = min(DEFAULT_SIZE[0], available.width() - FRAME_ALLOWANCE[0])
    height = min(DEFAULT_SIZE[1], available.height() - FRAME_ALLOWANCE[1])
    place = QRect(0, 0, max(width, 640), max(height, 480))
    # Centred: the window manager puts the frame at the place asked for and the window below
    # its title bar, so the room left above and below is what the frame may take.
    place.moveCenter(available.center())
    return place


def about_text(version: str, folder: Path, spelling: str = "") -> str:
    """Help › About: the version, the data folder, the spell checker in use (`spelling`) and
    the docs (in the source checkout, or beside a frozen build's resources), each a link that
    opens in the system's viewer."""
    from PySide6.QtCore import QUrl

    docs = _root() / "docs"
    links = " · ".join(
        f"<a href='{QUrl.fromLocalFile(str(docs / f'{name}.md')).toString()}'>{name}</a>"
        for name in ("drafting", "checklist", "spelling", "deadlines", "sending", "interchange")
        if (docs / f"{name}.md").exists())
    return (f"<h3>Followup {html_escape(version)}</h3>"
            "<p>Per-person interview notes that become individual follow-up notes.</p>"
            f"<p><b>Data folder:</b> <a href='{QUrl.fromLocalFile(str(folder)).toString()}'>"
            f"{html_escape(str(folder))}</a></p>"
            + (f"<p><b>Spelling:</b> {html_escape(spelling)}</p>" if spelling else "")
            + (f"<p><b>Documentation:</b> {links}</p>" if links else
               "<p><b>Documentation:</b> the docs folder of the source, and the README.</p>"))


def _importable() -> tuple[str, ...]:
    """What drag and drop accepts: the same suffixes as the import dialog."""
    from followup.store.formats import importable_suffixes

    return tuple(importable_suffixes())
