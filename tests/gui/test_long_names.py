"""Long names, titles and addresses, in many scripts, in the real window: switching person never
changes the window's minimum size, the notes stay usable at the window's smallest, and no
person's line in a list is cut short."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QStyle, QStyleOptionViewItem

from followup.store.inputs import PersonSpec

# Latin, CJK (a taller fallback font), Arabic (right to left), Devanagari, Thai, emoji; one
# without an address (the To: line shows its card button), one with a very long address.
PEOPLE = [
    PersonSpec(name="Bartholomew Konstantinopoulos-Vanderbilt",
               title="Senior Principal Staff Engineer, Platform Reliability and Developer "
                     "Productivity",
               email="bartholomew.konstantinopoulos-vanderbilt@platform-reliability."
                     "research.example.com"),
    PersonSpec(name="欧阳娜娜", title="高级软件工程师（平台基础设施部）",
               email="ouyang.nana@example.cn"),
    PersonSpec(name="عبد الرحمن بن محمد الهاشمي", title="مدير الهندسة الأول للبنية التحتية",
               email="abdulrahman.alhashimi@example.sa"),
    PersonSpec(name="प्रियंका चन्द्रशेखरन", title="वरिष्ठ सॉफ्टवेयर इंजीनियर"),
    PersonSpec(name="ณัฐวุฒิ ศรีสุวรรณวงศ์", title="วิศวกรซอฟต์แวร์อาวุโส",
               email="nattawut@example.co.th"),
    PersonSpec(name="Zoë 🚀 Ünal-Søndergaard 🌈", title="Head of 🎉 Developer Happiness",
               email="zoe@example.dk"),
    # One word wider than a narrow column, and a title in a script written without spaces.
    PersonSpec(name="Hubert Blaine Wolfeschlegelsteinhausenbergerdorff",
               title="วิศวกรซอฟต์แวร์อาวุโสฝ่ายโครงสร้างพื้นฐานและระบบคลาวด์",
               email="hubert@example.de"),
]


def _settle(qtbot) -> None:
    qtbot.wait(30)


def _with_people(window, qtbot, followups: bool):
    ws = window.workspace
    for spec in PEOPLE:
        window.library.add_person(ws.meeting.id, spec, new_person=True)
    ws.reload_people()
    if followups:
        window.toggle_followups()
        # One draft out of date: its "notes changed" bar shows for this person only.
        ws.select_row(3)
        ws.editor.insertPlainText("\n! a new point after the draft")
        ws.notes.flush()
    _settle(qtbot)
    return ws


def _minimum_sizes(ws, qtbot, window) -> list[tuple]:
    """The window's minimum size and its size, and the columns' widths, at each switch."""
    sizes = []
    for _ in range(2):
        for row in range(ws.people.count()):
            ws.select_row(row)
            _settle(qtbot)
            sizes.append((window.minimumSizeHint().toTuple(), window.size().toTuple(),
                          tuple(ws.splitter.sizes())))
    return sizes


def test_switching_person_never_changes_the_windows_minimum(window, qtbot):
    """Names in any script, with or without an address, a draft out of date or not, the
    general notes, the drafts shown or not: the window manager is never told a new minimum
    (at the window's smallest, a new one made the window grow by itself at every switch);
    the columns never move."""
    ws = _with_people(window, qtbot, followups=True)
    qtbot.waitUntil(ws.followups.stale_bar.isVisible, timeout=2000)  # so the bar comes and goes
    for smallest in (False, True):
        if smallest:
            window.resize(1, 1)  # Qt keeps a window at its minimum size
        sizes = _minimum_sizes(ws, qtbot, window)
        assert len(set(sizes)) == 1, (smallest, sizes)
    window.toggle_followups()
    sizes = _minimum_sizes(ws, qtbot, window)
    assert len(set(sizes)) == 1, sizes


def test_the_notes_stay_usable_at_the_windows_smallest(window, qtbot):
    """With the drafts beside them and the window at its minimum, the notes editor still
    holds a readable line (it was squeezed to a word or two per line)."""
    ws = _with_people(window, qtbot, followups=True)
    window.resize(1, 1)  # Qt keeps a window at its minimum size
    for row in (1, 2, 3):
        ws.select_row(row)
        _settle(qtbot)
        characters = ws.editor.fontMetrics().averageCharWidth()
        assert ws.editor.viewport().width() >= 20 * characters, ws.editor.viewport().width()
        assert ws.editor.height() >= 4 * ws.editor.fontMetrics().lineSpacing()


def _cut_items(view) -> list[str]:
    """The items whose wrapped text needs more room than the view gives them (the painter
    would elide their last line, or a word runs past the edge), that reach past the visible
    width, or whose text lost or moved a character in wrapping."""
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    cut = []
    for row in range(view.model().rowCount()):
        index = view.model().index(row, 0)
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)  # as the view paints it: its place, then its text
        view.itemDelegate().initStyleOption(option, index)
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        needed = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, text.width() - 2 * margin, 100000), Qt.TextFlag.TextWordWrap,
            option.text).height()
        widest = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, text.width() - 2 * margin, 100000), Qt.TextFlag.TextWordWrap,
            option.text).width()
        whole = "".join(index.data().split()) == "".join(option.text.split())
        if (needed > text.height() or widest > text.width() - 2 * margin or not whole
                or option.rect.right() >= view.viewport().width()):
            cut.append(option.text)
    return cut


def test_no_persons_line_is_cut_short_at_any_width(window, qtbot):
    """The people list and the checklist wrap: every line of every item is shown whatever
    the width (the style sheet's padding made the last line end in "…")."""
    ws = _with_people(window, qtbot, followups=True)
    ws.select_row(1)
    qtbot.waitUntil(lambda: ws.followups.checklist.count() > 0, timeout=5000)
    for width in (1360, 1100, 900, 1):
        window.resize(width, 720)
        _settle(qtbot)
        for shown in (True, False, True):
            if ws.followups_visible() != shown:
                window.toggle_followups()
            _settle(qtbot)
            assert _cut_items(ws.people) == [], (width, shown)
            if shown:
                assert _cut_items(ws.followups.checklist) == [], (width, shown)


def _spans_left_to_right(text: str, parts: list[str], font) -> bool:
    """Whether `parts` of `text`, laid out on one line as Qt lays out a label or a list item,
    appear from left to right in the order given."""
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100000)
    layout.endLayout()
    spans = []
    for part in parts:
        start = text.index(part)
        xs = [line.cursorToX(k)[0] for k in range(start + 1, start + len(part))]
        spans.append((min(xs), max(xs)))
    return all(left[1] <= right[0] for left, right in zip(spans, spans[1:], strict=False))


def test_right_to_left_names_keep_their_place_in_the_line(window, qtbot):
    """An Arabic name and title read in the line's order: the person's number first, the name
    before the title, the company before the role (they merged into one right-to-left run)."""
    ws = window.workspace
    name, title = "عبد الرحمن الهاشمي", "مدير الهندسة"
    window.library.add_person(ws.meeting.id, PersonSpec(name=name, title=title),
                              new_person=True)
    ws.reload_people()
    row = ws.people.count() - 1
    ws.select_row(row)
    item = ws.people.item(row).text()
    assert _spans_left_to_right(item, [f"{row}.", name], ws.people.font())
    assert _spans_left_to_right(ws.editor_label.text(), ["Notes on", name, title],
                                ws.editor_label.font())
    assert ws.editor_label.text().replace("\u2068", "").replace("\u2069", "") == (
        f"Notes on {name}, {title}")
    company = "شركة الاتصالات السعودية"
    window.library.edit_meeting_row(ws.meeting.id, {"company": company, "role": "Data Engineer"},
                                    False, False)
    ws.load_meeting(ws.meeting.id)
    assert _spans_left_to_right(ws.title.text(), [company, "Data Engineer"], ws.title.font())


def test_long_titles_leave_room_for_the_notes_and_the_draft(window, qtbot):
    """A company, role, place and person's title of any length take at most two lines each at
    the window's smallest (the rest in the tooltip): the notes and the checklist keep their
    room instead of being pushed off the window."""
    ws = _with_people(window, qtbot, followups=True)
    company = "Internationale Gesellschaft für Zusammenarbeit und Entwicklungsplanung GmbH"
    role = ("Senior Staff Site Reliability Engineer, Distributed Storage and Observability "
            "Platform (Remote, Europe, Middle East and Africa)")
    place = ("Hauptverwaltung, Gebäude C, 14. Obergeschoss, Konferenzraum „Zugspitze“, "
             "Friedrichstraße 123, 10117 Berlin, Deutschland")
    window.library.edit_meeting_row(ws.meeting.id, {"company": company, "role": role,
                                                    "location": place}, False, False)
    ws.load_meeting(ws.meeting.id)
    window.resize(1, 1)
    ws.select_row(ws.people.count() - len(PEOPLE))  # the longest name and title
    _settle(qtbot)
    for label in (ws.title, ws.subtitle, ws.editor_label):
        lines = label.height() / label.fontMetrics().lineSpacing()
        assert lines < 2.5, (label.objectName(), label.height())
        assert label.toolTip(), label.objectName()  # the whole text is one hover away
    assert ws.title.text() == f"{company} — {role}"
    assert place in ws.subtitle.text() and place in ws.subtitle.toolTip()
    ws.select_row(ws.people.count() - 1)  # a word wider than the column
    _settle(qtbot)
    assert QFontMetrics(ws.editor_label.font()).boundingRect(
        ws.editor_label.contentsRect(), Qt.TextFlag.TextWordWrap,
        QLabel.text(ws.editor_label)).width() <= ws.editor_label.contentsRect().width()
    checklist = ws.followups.checklist
    assert checklist.viewport().height() >= 2 * checklist.fontMetrics().lineSpacing()
    window.resize(1360, 720)
    ws.select_row(2)
    _settle(qtbot)
    assert not ws.editor_label.toolTip()  # a name that fits is shown whole, with no tooltip


def test_a_long_address_is_shown_whole_on_the_to_line(window, qtbot):
    """An address of any length wraps inside the drafts' column at the window's smallest (a
    long run without a dot was cut at the column's edge); the tooltip holds it whole."""
    from PySide6.QtGui import QTextDocument

    ws = window.workspace
    addresses = [
        "firstname.middlename.lastname.department.subdivision.teamnameabc@mail.engineering"
        ".reliability.subdivision.example-company-with-long-name.co.uk",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl@example.com",
        "ximena.o'sullivan+interviews@mail.xn--80ak6aa92e.example",
    ]
    for number, address in enumerate(addresses):
        window.library.add_person(ws.meeting.id, PersonSpec(name=f"Person {number}",
                                                            email=address), new_person=True)
    ws.reload_people()
    window.toggle_followups()
    window.resize(1, 1)
    label = ws.followups.to_label
    for number, address in enumerate(addresses):
        ws.select_row(ws.people.count() - len(addresses) + number)
        _settle(qtbot)
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        option = document.defaultTextOption()
        option.setWrapMode(option.WrapMode.WordWrap)  # as a label wraps: between words
        document.setDefaultTextOption(option)
        document.setHtml(label.text())
        document.setTextWidth(label.contentsRect().width())
        assert document.idealWidth() <= label.contentsRect().width(), address
        assert label.text().replace("\u200b", "").count(escape(address)) == 1
        assert label.toolTip().endswith(f"<{address}>")


def test_wrapping_keeps_each_character_on_its_own_line(window):
    """Breaking text into lines never moves a character across a line break it was given,
    whatever it holds: emoji (two UTF-16 units each), a family emoji joined by ZWJ, accents
    written as combining marks, Arabic, Thai."""
    from followup.gui.wrapping import wrapped

    font = window.workspace.people.font()
    text = ("Zoë 🚀 Ünal-Søndergaard 🌈 👩‍👩‍👧\nHead of 🎉 Developer Happiness\n"
            "Jose\u0301 Nu\u0301n\u0303ez · عبد الرحمن · ณัฐวุฒิ ศรีสุวรรณวงศ์")
    assert wrapped(text, font, 100000) == text.replace("\n", "\u2028")
    for width in (60, 90, 140, 200):
        lines = wrapped(text, font, width).split("\u2028")
        for given in text.split("\n"):
            taken = []
            while "".join(taken) != "".join(given.split()):
                assert lines, (width, given)
                taken.append("".join(lines.pop(0).split()))
        assert lines == [], width
