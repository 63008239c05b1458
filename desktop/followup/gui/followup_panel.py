"""The follow-up beside a person's notes: countdown, draft editor, checklist, preview, history.

The draft autosaves like the notes. The checklist reruns shortly after typing stops, so
typing never waits for it; clicking a failed rule highlights the text it is about.

Imports inside methods are deliberate: the first screen opens before the ORM, the dialogs,
sending and the checklist are loaded (start-up target in docs/benchmarks.md), so each is
imported where it is first needed.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from followup.core.checklist import (
    INDIVIDUAL_THRESHOLD,
    check_draft,
    display_order,
    missing_goes_at_end,
)
from followup.core.deadlines import STATE_STYLE, format_local, headline
from followup.core.status import Status, TransitionRefused, has_left, is_editable, is_open
from followup.gui.errors import plain, set_plain
from followup.gui.hub import SendRoute
from followup.gui.note_buffer import NoteBuffer
from followup.gui.note_editor import LimitedTextEdit, SpellHighlighter
from followup.gui.object_names import named
from followup.gui.phrased_marks import PhrasedMarks
from followup.gui.spell import load_for_drafts
from followup.gui.theme import is_dark
from followup.gui.wrapping import WrappedItemDelegate, isolated, one_line_high
from followup.lazy_import import LazyModule
from followup.store.limits import field_limit
from followup.store.schema import StorageError

if TYPE_CHECKING:
    from followup.store.followups import FollowUpView
    from followup.store.library import Library

fu = LazyModule("followup.store.followups")  # the ORM loads after the first screen

CHECK_DELAY_MS = 250
SAVE_DELAY_MS = 400
# Questions that would record a send answer No to Enter: only a click on Yes records it.
_YES_NO = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
_NO = QMessageBox.StandardButton.No
CHANNELS = ("email from another app", "in person", "LinkedIn message", "phone", "other")


log = logging.getLogger(__name__)


class DraftEditor(LimitedTextEdit):
    field, what = "body", "a draft"


class FollowUpPanel(QWidget):
    read_only = False  # the library cannot be written: drafts are shown, never changed

    statusChanged = Signal(int)
    saved = Signal(datetime)
    saveFailed = Signal(str)  # the library refused the draft's write; retried shortly
    routeRequested = Signal(str, int)  # a SendRoute's value; follow-up id
    cardRequested = Signal(int)  # person id: open their card (to add or confirm the address)

    def __init__(self, library: Library, notes: NoteBuffer, parent=None):
        super().__init__(parent)
        self.setObjectName("followUpPanel")
        self.library = library
        self.notes = notes  # the person's notes as typed, saved or not
        self.view: FollowUpView | None = None
        self.siblings: list[FollowUpView] = []
        self.results = []
        self._loading = False
        self._dirty = False
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_checks)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        notes.aboutToFlush.connect(self.flush)  # one flush writes the notes and the draft
        notes.notesSaved.connect(self._on_notes_saved)
        self._build()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.countdown = named(QLabel(wordWrap=True), "countdownLabel")
        font = self.countdown.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.countdown.setFont(font)
        self.due_label = named(QLabel(wordWrap=True), "dueLabel")
        self.stale_bar = named(QFrame(), "staleBar")
        self.stale_bar.setFrameShape(QFrame.Shape.StyledPanel)
        stale_layout = QHBoxLayout(self.stale_bar)
        stale_layout.setContentsMargins(6, 2, 6, 2)
        self.stale_label = QLabel("⟳ The notes changed since this draft was written.",
                                  wordWrap=True)
        self.regen_button = named(QPushButton("Re&generate"), "regenerateButton")
        self.regen_button.setToolTip("Write the draft again from the notes (Ctrl+R)")
        self.regen_button.clicked.connect(self.regenerate)
        stale_layout.addWidget(self.stale_label, 1)
        self.to_label = named(QLabel(wordWrap=True), "toLabel")
        self.to_label.setTextFormat(Qt.TextFormat.RichText)
        # Its width comes from the panel, never from the address shown: a long address would
        # otherwise widen the whole window's minimum at every switch of person (the window
        # manager told anew each time). The address wraps inside it (`_wrappable`).
        self.to_label.setMinimumWidth(1)
        self.card_button = named(QPushButton("Open &card…"), "openCardButton")
        self.card_button.setToolTip("Add or confirm this person's email address (Ctrl+E)")
        self.card_button.clicked.connect(self._open_card)
        self.to_row = named(QWidget(), "toRow")
        to_layout = QHBoxLayout(self.to_row)
        to_layout.setContentsMargins(0, 0, 0, 0)
        to_layout.addWidget(self.to_label, 1)
        to_layout.addWidget(self.card_button)
        self.signature_label = named(QLabel(
            "✎ Your profile's name or phone changed since you edited this draft: update its "
            "closing (Ctrl+R rewrites the whole draft).", wordWrap=True), "signatureLabel")
        self.subject = named(QLineEdit(placeholderText="Subject"), "subjectEdit")
        self.subject.setMaxLength(field_limit("subject")[0])  # what the library keeps
        self.subject.textEdited.connect(self._on_edited)
        self.body = named(DraftEditor(), "draftEditor")
        self.body.setTabChangesFocus(True)
        self.body.textChanged.connect(self._on_edited)
        SpellHighlighter(self.body.document())
        self.marks = PhrasedMarks(self.library, self.body)
        self.unread_label = named(QLabel(wordWrap=True), "unreadLabel")
        self.unread_label.setTextFormat(Qt.TextFormat.RichText)
        self.unread_label.linkActivated.connect(lambda _link: self.marks.mark_all_read())
        self.marks.changed.connect(self._show_unread)
        self.similarity = named(QLabel(wordWrap=True), "similarityLabel")
        set_plain(self.similarity)
        self.checklist = named(QListWidget(), "checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setItemDelegate(WrappedItemDelegate(self.checklist))
        self.checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checklist.itemActivated.connect(self._on_rule_clicked)
        self.checklist.itemClicked.connect(self._on_rule_clicked)
        self.preview = named(QTextBrowser(), "preview")
        self.preview.setOpenLinks(False)
        self.preview_html = ""  # what the Preview tab shows: the message's HTML part
        self.history = named(QListWidget(), "historyList")
        self.tabs = named(QTabWidget(), "followUpTabs")
        self.tabs.addTab(self.checklist, "Checklist")
        self.tabs.addTab(self.preview, "Preview")
        self.tabs.addTab(self.history, "History")
        self.tabs.currentChanged.connect(self._on_tab)
        self.ready_button = named(QPushButton("Rea&dy"), "readyButton")
        self.ready_button.setToolTip("Mark this note ready to send, or back to draft "
                                     "(Ctrl+Shift+R)")
        self.ready_button.clicked.connect(self.toggle_ready)
        self.sent_button = named(QPushButton("Mark s&ent…"), "markSentButton")
        self.sent_button.setToolTip("Record that it was sent another way (Ctrl+Shift+M)")
        self.sent_button.clicked.connect(self.mark_sent)
        self.skip_box = named(QCheckBox("No follow-up needed"), "noFollowupBox")
        self.skip_box.toggled.connect(self._on_skip_toggled)
        self.send_button = named(QToolButton(), "sendButton")
        self.send_button.setText("Send…")
        self.send_button.setToolTip("Send this note to this person only (Ctrl+Return)")
        self.send_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.send_button.clicked.connect(self.request_send)
        menu = QMenu(self.send_button)
        for label, route in (("&Send with Followup", SendRoute.SEND),
                             ("Open in &mail app", SendRoute.MAIL_APP),
                             ("Save as .&eml…", SendRoute.EML),
                             ("&Copy subject and note", SendRoute.COPY)):
            action = menu.addAction(label)
            action.setData(route)
        menu.triggered.connect(self._on_route)
        self.send_button.setMenu(menu)
        self.actions_row = QHBoxLayout()
        self.actions_row.addWidget(self.regen_button)
        self.actions_row.addWidget(self.ready_button)
        self.actions_row.addWidget(self.sent_button)
        self.actions_row.addWidget(self.send_button)
        self.actions_row.addStretch(1)
        self.empty = named(QLabel(wordWrap=True), "followUpEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.countdown, 1)
        top.addWidget(self.skip_box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        for widget in (self.due_label, self.stale_bar, self.signature_label, self.to_row,
                       self.subject, self.unread_label):
            layout.addWidget(widget)
        layout.addWidget(self.body, 3)
        layout.addWidget(self.similarity)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.tabs, 2)
        layout.addWidget(self.empty, 1)
        self._fix_minimum_size()

    def _fix_minimum_size(self) -> None:
        """The panel's minimum is the same for every person: the one it has with every row
        shown, each label one line high.

        What is shown changes at every switch of person (the "notes changed" bar, the card
        button, a taller fallback font for a name, "select a person" for the general notes);
        a minimum that followed it was sent to the window manager anew each time, and a window
        at its smallest grew by itself."""
        one_line_high(self.countdown, self.due_label, self.stale_label, self.to_label,
                      self.signature_label, self.similarity, self.empty)
        self.to_row.setMinimumHeight(self.card_button.minimumSizeHint().height())
        layout = self.layout()
        if layout is not None:  # made with the panel
            self.setMinimumSize(layout.totalMinimumSize())

    def _set_editing_visible(self, visible: bool) -> None:
        for widget in (self.countdown, self.due_label, self.subject, self.body, self.similarity,
                       self.tabs, self.regen_button, self.ready_button, self.sent_button,
                       self.send_button, self.to_row):
            widget.setVisible(visible)
        self.stale_bar.setVisible(visible and self.view is not None and self.view.out_of_date)
        self.signature_label.setVisible(visible and self.view is not None
                                        and self.view.signature_out_of_date)
        self.unread_label.setVisible(visible and self.marks.unread > 0)
        self.empty.setVisible(not visible)

    # --- loading --------------------------------------------------------------------------

    def show_meeting(self, meeting_id: int) -> None:
        self.flush()
        self.siblings = fu.followups_for_meeting(self.library, meeting_id)

    def show_for(self, attendance_id: int | None, no_followup: bool = False) -> None:
        self.flush()
        self.attendance_id = attendance_id
        self.view = None
        if attendance_id is not None:  # fresh from the library: "out of date" must be current
            self.view = fu.followup_for_attendance(self.library, attendance_id)
            if self.view is None and not no_followup and self.isVisible():
                # Someone added after the drafts were made: draft theirs now.
                meeting_id = self.library.meeting_of_attendance(attendance_id)
                fu.ensure_drafts(self.library, meeting_id)
                self.siblings = fu.followups_for_meeting(self.library, meeting_id)
                self.view = fu.followup_for_attendance(self.library, attendance_id)
        self.skip_box.blockSignals(True)
        self.skip_box.setChecked(no_followup)
        self.skip_box.setVisible(attendance_id is not None)
        self.skip_box.setEnabled(not self.read_only)
        self.skip_box.blockSignals(False)
        if self.view is not None and self.read_only:
            # Shown as it would be written, never saved: the library cannot be written.
            self.view = fu.drafted_in_memory(self.library, self.view)
        if self.view is None or no_followup:
            self.empty.setText(
                "Select a person to see their follow-up." if attendance_id is None else
                "No follow-up for this person." if no_followup else
                "No draft: this library is read-only, so none can be written." if self.read_only
                else "No draft yet: open Follow-ups (Ctrl+Shift+D) to draft one per person.")
            self._set_editing_visible(False)
            return
        self.results = []
        self._loading = True
        self.subject.setText(self.view.subject)
        self.subject.setCursorPosition(0)  # show how the subject begins, not how it ends
        self.body.setPlainText(self.view.body)
        self.body.document().clearUndoRedoStacks()
        self._loading = False
        self.marks.show_for(self.view.id, editable=not has_left(self.view.status))
        self._set_editing_visible(True)
        self._update_status_widgets()
        self.tick(datetime.now(UTC))
        self.checklist.clear()
        self._check_timer.start()  # the draft shows at once; its checklist a moment later

    def refresh_view(self) -> None:
        if self.view is None:
            return
        self.view = view = fu.followup_view(self.library, self.view.id)
        self.siblings = [view if v.id == view.id else v for v in self.siblings]
        self._update_status_widgets()
        self.tick(datetime.now(UTC))

    def _update_status_widgets(self) -> None:
        view = self.view
        if view is None:
            return
        sent = has_left(view.status)
        locked = sent or self.read_only
        self.send_button.setText("Send again…" if view.status is Status.SENT else "Send…")
        self.send_button.setEnabled(not self.read_only)
        self.subject.setReadOnly(locked)
        self.body.setReadOnly(locked)
        self.regen_button.setEnabled(not locked)
        self.ready_button.setText("Back to d&raft" if view.status is Status.READY else "Rea&dy")
        self.ready_button.setEnabled(is_editable(view.status) and not self.read_only)
        for widget in (self.sent_button, self.skip_box, self.card_button):
            widget.setEnabled(not self.read_only)
        self.stale_bar.setVisible(view.out_of_date and not sent)
        self.stale_label.setText(
            "⟳ The meeting's company, role or kind changed since you edited this draft."
            if view.meeting_out_of_date else "⟳ The notes changed since this draft was written.")
        self.signature_label.setVisible(view.signature_out_of_date)
        self._show_recipient(view)
        self.history.clear()
        for entry in view.history:
            extra = " · ".join(x for x in (entry.channel, entry.detail) if x)
            self.history.addItem(f"{format_local(entry.at)}  {entry.status}"
                                 + (f" ({extra})" if extra else ""))

    def _show_recipient(self, view: FollowUpView) -> None:
        """To: the address and whether it is confirmed; the card is one click away when the
        address is missing or only guessed."""
        name = escape(isolated(view.person_name))
        address = escape(_wrappable(view.person_email))
        if not view.person_email:
            text = (f"<b>To:</b> {name} — <span style='color:#D55E00'>✖ no email address "
                    "yet</span>")
        elif view.email_is_guess:
            text = (f"<b>To:</b> {name} &lt;{address}&gt; — "
                    "<span style='color:#D55E00'>⚠ guessed, not confirmed</span>")
        else:
            text = f"<b>To:</b> {name} &lt;{address}&gt; ✔"
        self.to_label.setText(text)
        self.to_label.setToolTip(f"{view.person_name} <{view.person_email}>"
                                 if view.person_email else "")
        self.card_button.setVisible(not view.person_email or view.email_is_guess)

    @Slot()
    def _open_card(self) -> None:
        if self.view is not None:
            self.flush()
            self.cardRequested.emit(self.view.person_id)

    # --- the countdown --------------------------------------------------------------------

    def tick(self, now: datetime) -> None:
        """Recompute the countdown from the deadline and the clock (called every second)."""
        if self.view is None or not self.isVisible():
            return
        countdown = self.view.countdown(now)
        if self.view.cancelled:
            self.countdown.setText("Meeting cancelled by the organizer: no follow-up is due")
            self.due_label.clear()
            return
        if countdown is None:
            self.countdown.setText("No meeting time recorded: end the meeting to start the clock")
            self.due_label.clear()
            return
        style = STATE_STYLE[countdown.state]
        colour = style.dark if is_dark() else style.light
        if self.view.status is Status.SENDING:  # as the banner and the list say it
            text = "Send not confirmed: check your Sent folder before sending again"
        else:
            text = headline(countdown)
        if self.view.replied_at is not None:  # an answer came (`store.replies`)
            text += f" · replied {format_local(self.view.replied_at, now=now)}"
        self.countdown.setText(f'<span style="color:{colour}">{style.glyph}</span> '
                               f"{escape(text)}")
        if not is_open(self.view.status):  # sent or skipped: no "send by" any more
            self.due_label.clear()
            return
        deadline = self.view.deadline
        assert deadline is not None  # a countdown (above) has one
        due = f"Send by {format_local(deadline.due, now=now)} (24 hours after the meeting)"
        if deadline.target:
            due += f"; your target {format_local(deadline.target, now=now)}"
        self.due_label.setText(due)

    # --- editing --------------------------------------------------------------------------

    @Slot()
    def _on_edited(self) -> None:
        if self._loading or self.view is None:
            return
        self._dirty = True
        self._save_timer.start()
        self._check_timer.start()

    def lock_for_sending(self) -> None:
        """From the moment a send starts, the text is what goes out: no more edits."""
        self.flush()
        for widget in (self.subject, self.body):
            widget.setReadOnly(True)
        self.send_button.setEnabled(False)

    @Slot()
    def flush(self) -> None:
        self._save_timer.stop()
        if not self._dirty or self.view is None:
            return
        self._dirty = False
        subject, body = self.subject.text(), self.body.toPlainText()
        if self.read_only or (subject, body) == (self.view.subject, self.view.body):
            # A re-highlight (the speller loading) also says "text changed"; nothing was typed.
            return

        try:
            when = fu.save_draft(self.library, self.view.id, subject, body)
        except TransitionRefused:
            # Sent meanwhile (a key that reached the editor as the send began): what left is
            # what the library keeps, and the editor shows it from the next refresh on.
            log.info("follow-up %s was sent; an edit after the send was not kept", self.view.id)
            return
        except StorageError as exc:  # a full disk, a lost mount: kept in the editor, retried
            log.warning("draft %s not saved: %s", self.view.id, exc)
            self._dirty = True
            self._save_timer.start()
            self.saveFailed.emit(str(exc))
            return
        self.siblings = [replace(v, subject=subject, body=body) if v.id == self.view.id else v
                         for v in self.siblings]
        self.view = replace(self.view, subject=subject, body=body)
        self.saved.emit(when)

    # --- the checklist --------------------------------------------------------------------

    @Slot()
    def run_checks(self) -> None:
        if self.view is None:
            return
        load_for_drafts()  # the first check only; the window paints meanwhile
        self.marks.refresh()  # an edited sentence is the user's own: its mark goes
        if not isValid(self.body) or self.view is None:
            return  # closed, or another person shown, while the marks were worked out
        notes = self.notes.text(self.view.attendance_id)
        current = replace(self.view, subject=self.subject.text(), body=self.body.toPlainText())
        # the marks know which sentences are unread: no drafting again on each pause in typing
        context = fu.check_context(self.library, current, self.siblings, notes,
                                   unread=self.marks.unread_sentences())
        self.results = check_draft(current.subject, current.body, context)
        self._show_results()
        self._show_similarity()
        if self.tabs.currentWidget() is self.preview:
            self._render_preview()

    def _show_results(self) -> None:
        self.checklist.clear()
        for result in display_order(self.results):
            mark = "✔" if result.passed else ("✖" if result.severity == "required" else "!")
            text = f"{mark}  {result.message}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, result.id)
            item.setToolTip(f"{result.id} ({result.severity})")
            if not result.passed and result.severity == "required":
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.checklist.addItem(item)
        failing = sum(1 for r in self.results if not r.passed and r.severity == "required")
        self.tabs.setTabText(0, f"Checklist ({failing} to fix)" if failing else "Checklist ✔")

    def _show_similarity(self) -> None:
        """How alike this draft is to the meeting's other drafts, as the checklist's
        `individual` rule measured it."""
        rule = next((r for r in self.results if r.id == "individual"), None)
        if rule is None or not rule.measures:
            self.similarity.setText("")
            return
        name, score = rule.measures[0]
        flag = not rule.passed
        self.similarity.setToolTip(plain(
            "How alike this draft is to each other draft of the meeting:\n"
            + "\n".join(f"{n}: {v:.0%}" for n, v in rule.measures)))
        self.similarity.setText(
            f"{'⚠ Too close to' if flag else 'Most similar:'} {isolated(name)}'s draft, "
            f"{score:.0%} alike (limit {INDIVIDUAL_THRESHOLD:.0%})"
            + (": make this one about this person." if flag else ""))
        self.similarity.setProperty("flagged", flag)

    @Slot(QListWidgetItem)
    def _on_rule_clicked(self, item: QListWidgetItem) -> None:
        rule = next((r for r in self.results if r.id == item.data(Qt.ItemDataRole.UserRole)),
                    None)
        if rule is None:
            return
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#7A5A00" if is_dark() else "#FFE08A"))
        first = None
        for span in rule.spans:
            if span.field == "subject":
                self.subject.setFocus()
                self.subject.setSelection(span.start, span.end - span.start)
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(min(span.start, len(self.body.toPlainText())))
            cursor.setPosition(min(span.end, len(self.body.toPlainText())),
                               QTextCursor.MoveMode.KeepAnchor)
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
            first = first or cursor
        self.marks.set_other_selections(selections)
        if first is None and not rule.spans and not rule.passed:
            # A rule about something missing: put the cursor where it belongs.
            first = QTextCursor(self.body.document())
            first.movePosition(QTextCursor.MoveOperation.End if missing_goes_at_end(rule.id)
                               else QTextCursor.MoveOperation.Start)
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(rule.message, 8000)
        if first is not None:
            self.body.setTextCursor(first)
            self.body.ensureCursorVisible()
            self.body.setFocus()

    @Slot(int)
    def _on_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.preview:
            self._render_preview()

    def _render_preview(self) -> None:
        """The HTML part exactly as it will be sent (`preview_html`); the subject is above."""
        from followup.mail.outbox import render_html

        self.preview_html = render_html(self.body.toPlainText())
        self.preview.setHtml(self.preview_html)

    # --- actions --------------------------------------------------------------------------

    @Slot()
    def regenerate(self) -> None:
        """Write the draft again from the notes; edited text is replaced only after asking,
        and as one undo step, so Ctrl+Z brings it back."""
        if self.view is None or has_left(self.view.status):
            return
        self.notes.flush()  # the draft and its "notes changed" mark use the same notes
        notes = self.notes.text(self.view.attendance_id)
        draft = fu.generate_for(self.library, self.view.id, notes)
        current = fu.followup_view(self.library, self.view.id)
        if current.edited:
            answer = QMessageBox.question(
                self, "Replace your edits?",
                plain(f"You edited the draft to {self.view.person_name}. Replace it with a new "
                      "draft from the notes? Ctrl+Z in the draft brings your text back."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        cursor = QTextCursor(self.body.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(draft.body)
        cursor.endEditBlock()
        self.subject.selectAll()
        self.subject.insert(draft.subject)
        self._save_timer.stop()
        self._dirty = False
        fu.accept_generated(self.library, self.view.id, draft.subject, draft.body)
        self.refresh_view()
        self.marks.show_for(self.view.id, editable=True)
        self.run_checks()

    @Slot(int)
    def _show_unread(self, count: int) -> None:
        """How many sentences written from the notes still wait to be read; the checklist's
        `read` rule follows as soon as one is read."""
        shown = next((len(r.spans) for r in self.results if r.id == "read"), None)
        if shown is not None and shown != count:
            self._check_timer.start()
        if not count:
            self.unread_label.hide()
            return
        sentences = "sentence" if count == 1 else "sentences"
        self.unread_label.setText(
            f"✎ {count} {sentences} written from your notes, marked: read each one (click in "
            "it) or edit it. <a href='read'>I've read them all</a>")
        self.unread_label.setToolTip("Hover over a marked sentence to see the note it came "
                                     "from.")
        self.unread_label.show()

    @Slot()
    def toggle_ready(self) -> None:
        if self.view is None:
            return
        self.flush()
        target = Status.DRAFT if self.view.status is Status.READY else Status.READY
        fu.set_status(self.library, self.view.id, target)
        self._after_status()

    @Slot()
    def mark_sent(self) -> None:
        """Record the note as sent another way, after the mark-sent preflight (the command
        line's `mark-sent` applies the same one): what it finds is asked first, No the
        default."""
        from followup.sending.delivery import mark_sent
        from followup.sending.preflight import check_before_mark_sent

        if self.view is None:
            return
        self.notes.flush()  # the draft, and the notes its checklist reads, as typed
        load_for_drafts()
        if self.view is None:
            return
        check = check_before_mark_sent(self.library, self.view.id)
        if check.blocked:
            QMessageBox.warning(self, "Cannot mark sent", plain(
                "\n".join(p.message for p in check.problems if p.blocking)))
            return
        if check.problems and QMessageBox.question(
                self, "Record it as sent?",
                plain("Before you record it:\n\n" + "\n".join(
                    f"• {p.message}" for p in check.problems) + "\n\nRecord it as sent "
                    "anyway?"), _YES_NO, _NO) != QMessageBox.StandardButton.Yes:
            return
        channel = MarkSentDialog.ask(self, self.view.person_name)
        if channel is not None:
            outcome = mark_sent(self.library, self.view.id, channel,
                                confirmed={p.kind for p in check.problems})
            if not outcome.ok:
                QMessageBox.warning(self, "Not marked sent", plain(outcome.reason))
            self._after_status()

    @Slot(bool)
    def _on_skip_toggled(self, checked: bool) -> None:
        if self.attendance_id is None:
            return
        self.flush()
        fu.set_no_followup(self.library, self.attendance_id, checked)
        if self.view is not None:
            self.refresh_view()
        self.statusChanged.emit(self.view.id if self.view else 0)
        self.show_for(self.attendance_id, checked)

    @Slot()
    def request_send(self) -> None:
        if self.view is not None:
            self.flush()
            self.routeRequested.emit(SendRoute.SEND, self.view.id)

    @Slot(QAction)
    def _on_route(self, action: QAction) -> None:
        if self.view is not None:
            self.flush()
            self.routeRequested.emit(action.data(), self.view.id)

    @Slot(list)
    def _on_notes_saved(self, keys: list) -> None:
        """"Notes changed since this draft" shows as soon as this person's notes are saved."""
        shown = self.view
        if self.isVisible() and shown is not None and not shown.out_of_date and (
                shown.attendance_id in keys):
            self.refresh_view()

    def _after_status(self) -> None:
        self.refresh_view()
        if self.view is not None:
            self.statusChanged.emit(self.view.id)


class EnterNeverAccepts(QDialog):
    """A dialog that sends or records a send only on a deliberate click: Enter, on any of its
    widgets (the buttons included), does nothing. `_buttons`: the buttons of its box."""

    _buttons: tuple[QPushButton, ...] = ()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # The button box makes its accept button the default when shown: undo that, so Enter
        # (on any widget, the buttons included) reaches keyPressEvent and is ignored.
        for button in self._buttons:
            button.setAutoDefault(False)
            button.setDefault(False)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter never sends (nor closes): that takes a deliberate click
            return
        super().keyPressEvent(event)


class MarkSentDialog(EnterNeverAccepts):
    """How the note reached the person: a channel, then a click on Mark as sent. Enter never
    records a send (as in the send confirmation): Cancel is the default button."""

    def __init__(self, person_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("markSentDialog")
        self.setWindowTitle("Mark as sent")
        question = QLabel(f"How did the note reach {person_name}?", wordWrap=True,
                          textFormat=Qt.TextFormat.PlainText)
        self.channel = named(QComboBox(), "markSentChannel")
        self.channel.addItems(CHANNELS)
        question.setBuddy(self.channel)
        buttons = named(QDialogButtonBox(), "markSentButtons")
        self.mark_button = buttons.addButton("&Mark as sent",
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.mark_button.setObjectName("markSentConfirm")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._buttons = (self.mark_button, cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.channel)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, person_name: str) -> str | None:
        """The channel chosen, or None when the user cancelled."""
        dialog = cls(person_name, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.channel.currentText() if accepted else None
        finally:
            dialog.deleteLater()


def _wrappable(address: str, longest: int = 16) -> str:
    """`address` with places to wrap (zero-width spaces, shown only): after each dot, hyphen,
    underscore, plus and the "@", and inside a longer run every `longest` characters.

    A line breaks only between words, and an address is one word: a long one was cut at the
    panel's edge, the rest of it out of sight. The whole address is in the line's tooltip."""
    pieces, run = [], 0
    for char in address:
        pieces.append(char)
        run += 1
        if char in ".-_+@" or run >= longest:
            pieces.append("\u200b")
            run = 0
    return "".join(pieces)
