"""Search everything (Ctrl+Shift+F).

It reads `store.search`; this module only shows what it returns. Snippet text is escaped
and only the highlight is markup, so notes that contain `<b>` or `&` show as typed.
"""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
)

from followup.gui.formatting import short_datetime
from followup.gui.object_names import named
from followup.store.search import (
    Hit,
    Marked,
    SearchResult,
    match_spans,
    search,
)

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
HIGHLIGHT = '<span style="background-color:#ffd54f; color:#000000">{}</span>'
KIND_LABELS = {"notes": "notes", "general": "general notes", "draft": "follow-up draft",
               "person": "card", "company": "company"}


def marked_html(marked: Marked) -> str:
    """The snippet as HTML: every piece escaped, the matches highlighted, line breaks shown."""
    out = []
    for piece, matched in marked.parts:
        text = escape(piece).replace("\n", " <span style='color:gray'>·</span> ")
        out.append(HIGHLIGHT.format(text) if matched else text)
    return "".join(out)


def hit_html(hit: Hit) -> str:
    if hit.kind == "company":
        return f"<b>{escape(hit.company)}</b><span style='color:gray'> · company</span>"
    who = escape(hit.person) if hit.person else escape(KIND_LABELS[hit.kind].capitalize())
    title = f", {escape(hit.title)}" if hit.title else ""
    if hit.meeting_id is None and hit.company:
        title += f" · {escape(hit.company)}"
    kind = "" if hit.kind == "notes" or not hit.person else f" · {KIND_LABELS[hit.kind]}"
    snippet = marked_html(hit.snippet) or "<i style='color:gray'>no notes yet</i>"
    return (f"<b>{who}</b>{title}<span style='color:gray'>{kind}</span><br>"
            f"<span>{snippet}</span>")


def summary_text(result: SearchResult) -> str:
    count, places = result.hit_count, len(result.groups)
    if not count:
        return "Nothing found."
    more = "+" if result.more else ""
    text = (f"{count}{more} match{'es' if count != 1 else ''} in {places} "
            f"place{'s' if places != 1 else ''} · Enter opens")
    return text + (" · add a word to narrow them" if result.more else "")


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE text as rich text (QListWidget shows plain text only)."""

    def _document(self, option, index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(100, option.rect.width() - 12))
        return document

    def paint(self, painter, option, index: QModelIndex) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""
        style = options.widget.style() if options.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter,
                              options.widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = (QPalette.ColorRole.HighlightedText
                if option.state & QStyle.StateFlag.State_Selected else QPalette.ColorRole.Text)
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 3)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 6, option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 6)


class SearchDialog(QDialog):
    """A search box over every note, draft, card and company; Enter opens the selected hit."""

    hitActivated = Signal(object, str)  # Hit, the query it matched

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.library = library
        self.found = SearchResult("")
        self.setWindowTitle("Search everything")
        self.setObjectName("searchDialog")
        self.resize(760, 560)
        self.box = named(QLineEdit(clearButtonEnabled=True), "searchBox")
        self.box.setPlaceholderText('Words, "a phrase", -leave out, a name or a company')
        self.box.textChanged.connect(self.run_search)
        self.box.installEventFilter(self)
        self.message = named(QLabel(wordWrap=True), "searchMessage")
        self.message.hide()
        self.results = named(QListWidget(), "searchResults")
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)  # rewrap when resized
        self.results.itemActivated.connect(self._activate)
        self.summary = named(QLabel(), "searchSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        self.run_search("")

    @Slot(str)
    def run_search(self, query: str) -> None:
        self.found = search(self.library, query) if query.strip() else SearchResult(query)
        self.message.setText(self.found.message)
        self.message.setVisible(bool(self.found.message))
        self._fill()

    def _fill(self) -> None:
        self.results.clear()
        for group in self.found.groups:
            heading = QListWidgetItem()
            when = (f" <span style='color:gray'>· {escape(short_datetime(group.when))}</span>"
                    if group.when else "")
            heading.setData(HTML_ROLE, f"<b style='font-size:large'>{escape(group.heading)}"
                                       f"</b>{when}")
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.results.addItem(heading)
            for hit in group.hits:
                item = QListWidgetItem()
                item.setData(HTML_ROLE, hit_html(hit))
                item.setData(HIT_ROLE, hit)
                self.results.addItem(item)
        self._select_step(+1, from_row=-1)
        self.summary.setText(summary_text(self.found) if self.box.text().strip() else "")

    def _select_step(self, step: int, from_row: int | None = None) -> None:
        row = self.results.currentRow() if from_row is None else from_row
        row += step
        while 0 <= row < self.results.count():
            if self.results.item(row).data(HIT_ROLE) is not None:
                self.results.setCurrentRow(row)
                return
            row += step

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """Up, Down, Page keys and Enter in the box act on the results: typing never stops."""
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._select_step(+1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._activate(self.results.currentItem())
                return True
        return super().eventFilter(watched, event)

    @Slot(QListWidgetItem)
    def _activate(self, item: QListWidgetItem | None) -> None:
        hit = item.data(HIT_ROLE) if item is not None else None
        if hit is not None:
            self.hitActivated.emit(hit, self.box.text())
            self.accept()


def select_text(editor, text: str, span: tuple[int, int] | None) -> None:
    """Select `span` (offsets into `text`) in a plain-text editor and scroll it into view."""
    if span is None:
        return

    def units(offset: int) -> int:  # QTextDocument counts UTF-16 code units
        return len(text[:offset].encode("utf-16-le")) // 2

    cursor = editor.textCursor()
    cursor.setPosition(units(span[0]))
    cursor.setPosition(units(span[1]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.centerCursor() if hasattr(editor, "centerCursor") else editor.ensureCursorVisible()
    editor.setFocus()


def open_hit(window, hit: Hit, query: str) -> None:
    """Show what a hit points at in the main window: its meeting, that person's notes (or
    draft) selected, and the first match selected in the text."""
    spans = match_spans(window.library, query, hit.rowid)
    first = spans[0] if spans else None
    if hit.meeting_id is None:
        _open_outside_meetings(window, hit)
        return
    if hit.kind == "draft":
        window.open_followup(hit.meeting_id, hit.attendance_id)
        panel = window.workspace.followups
        subject = panel.subject.text()
        if first and first[0] > len(subject):
            start = len(subject) + 1
            select_text(panel.body, panel.body.toPlainText(),
                        (first[0] - start, first[1] - start))
        return
    # That person's notes, or the general notes (attendance None).
    window.go_to(hit.meeting_id, hit.attendance_id if hit.kind == "notes" else None)
    editor = window.workspace.editor
    select_text(editor, editor.toPlainText(), first)


def _open_outside_meetings(window, hit: Hit) -> None:
    if hit.kind == "person" and hit.person_id is not None:
        from followup.gui.person_card import PersonCardDialog

        dialog = PersonCardDialog(window.library, hit.person_id, window)
        dialog.open()
    elif hit.kind == "company":  # its meetings, through the meeting filter
        window.sidebar.filter.setText(hit.company)


def show_search(window) -> SearchDialog:
    """Ctrl+Shift+F: save what was typed (so it is found), then open the search box."""
    window.notes.flush()
    dialog = getattr(window, "_search_dialog", None)
    if dialog is None:
        dialog = SearchDialog(window.library, window)
        dialog.hitActivated.connect(partial(open_hit, window))
        window._search_dialog = dialog
    dialog.run_search(dialog.box.text())
    dialog.box.selectAll()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.box.setFocus()
    return dialog
