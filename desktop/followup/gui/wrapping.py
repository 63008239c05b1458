"""Names, titles and addresses of any length and script, wrapped inside their column.

A company, role, place, person's name or title can be of any length and in any script. Shown
as it is, one line of it set the window's minimum width (sent to the window manager anew at
every switch of person), ended in "…" under the style sheet's padding, or pushed the notes and
the drafts out of sight. The helpers here keep such text inside the width its column has.

Most texts fit on one line: each helper first measures the text with the font's metrics and
only breaks it into lines (`QTextLayout`, the style's text rectangle) when it does not fit, so
the first screen pays for none of that (start-up target in docs/benchmarks.md).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QStyledItemDelegate

from followup.gui.errors import plain, set_plain

# The notes editor keeps at least this many average characters a line, however small the
# window and however wide the drafts beside it (below it, notes came a word a line).
NOTES_MIN_CHARACTERS = 24

# Room an item's text surely has in a list row beyond the style's padding, focus frame and
# margins: a text narrower than the row by this much is drawn as it is, unmeasured.
_ROW_SLACK_PX = 48


def isolated(text: str) -> str:
    """`text` as a run of its own for the bidirectional algorithm when it holds right-to-left
    letters (Arabic, Hebrew…), so it keeps its place in a left-to-right line.

    Without it, "Notes on NAME, TITLE" in Arabic showed the title before the name (the two
    merged into one right-to-left run), and "3. NAME" put the number at the end of the line.
    Other text is returned as it is."""
    if text.isascii():
        return text
    import unicodedata

    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return f"\u2068{text}\u2069"  # FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
    return text


def one_line_high(*labels: QLabel) -> None:
    """Give wrapping labels a fixed minimum of one line of their own font.

    A label's own minimum is one line of the font that draws its text, and a name in Chinese
    or Thai is drawn by a taller fallback font: the window's minimum height changed (and the
    window manager was told anew) at every switch to or from such a name. The label still
    grows to all its lines whenever the window has room."""
    for label in labels:
        label.setMinimumHeight(label.fontMetrics().height())


def fits(text: str, metrics, width: int) -> bool:
    """Whether every line of `text` is at most `width` pixels wide in `metrics` (QFontMetrics)."""
    return all(metrics.horizontalAdvance(line) <= width for line in text.split("\n"))


def wrapped(text: str, font, width: int, max_lines: int = 0) -> str:
    """`text` in lines of at most `width` pixels in `font`, joined by LINE SEPARATORs (one
    paragraph still, for right-to-left text): broken between words where it can, inside a word
    where it must (a long surname, a title in Thai, which has no spaces); cut to `max_lines`
    lines (0: all), the last then ending in "…"."""
    from PySide6.QtGui import QFontMetrics, QTextLayout, QTextOption

    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    units = layout.text().encode("utf-16-le")  # Qt counts UTF-16 units (an emoji is two)
    lines = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        start, end = 2 * line.textStart(), 2 * (line.textStart() + line.textLength())
        lines.append(units[start:end].decode("utf-16-le").rstrip(" \u2028"))
    layout.endLayout()
    if max_lines and len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines[max_lines - 1:] = [
            QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return "\u2028".join(lines)


def warm_up() -> None:
    """Make the Qt classes that breaking a line needs (`QStyle` builds many enums: a few ms),
    so that the first long name the user comes to does not pay for them."""
    from PySide6.QtGui import QTextLayout, QTextOption  # noqa: F401
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem  # noqa: F401


class LinesLabel(QLabel):
    """Plain text wrapped inside its column, at most `max_lines` lines: a longer text ends in
    "…" and shows whole in the tooltip. `text()` is the whole text.

    A company, role, place or person's title of any length would otherwise push the notes
    and the drafts down, at the window's smallest until nothing of them was left."""

    def __init__(self, max_lines: int, objectName: str = ""):  # noqa: N803 - Qt's keyword
        super().__init__()
        self.setObjectName(objectName)
        self._max_lines = max_lines
        self._whole = ""
        set_plain(self)
        self.setWordWrap(True)
        self.setMinimumWidth(1)  # the column sets the width, never the text

    def text(self) -> str:
        return self._whole

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._whole = text
        self._fit()

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        if width <= 1 or fits(self._whole, self.fontMetrics(), width):
            shown = self._whole
        else:
            shown = wrapped(self._whole, self.font(), width, self._max_lines)
        whole = "".join(self._whole.split()) == "".join(shown.split())
        self.setToolTip("" if whole else plain(self._whole))
        if shown != super().text():
            super().setText(shown)


class WrappedItemDelegate(QStyledItemDelegate):
    """Items whose text wraps inside the list's width, every line of it shown.

    Qt measures a wrapped item without the style sheet's padding (resources/styles): at some
    widths its last line ended in "…", and a line of Chinese made the item wider than the list,
    its end out of sight; a word wider than the list ended in "…". Here a text that does not
    surely fit is broken into lines where it is painted (`wrapped`), and its item is as wide
    as the list and as tall as those lines; a text that surely fits is left to Qt."""

    def __init__(self, parent=None):
        super().__init__(parent)
        # The view asks for an item's lines and size at every repaint and every switch of
        # person, dozens of times: each is worked out once per text and width (the style's
        # text rectangle once per width), or switching person took twice as long.
        self._lines: dict[tuple[str, bool, int], str] = {}
        self._sizes: dict[tuple[str, bool, int], QSize] = {}
        self._text_widths: dict[int, int] = {}
        self._fitting: dict[tuple[str, bool, int], bool] = {}  # surely fits, unbroken

    def _surely_fits(self, text: str, option, bold: bool, width: int) -> bool:
        key = (text, bold, width)
        found = self._fitting.get(key)
        if found is None:
            self._trim()
            found = self._fitting[key] = fits(text, option.fontMetrics, width - _ROW_SLACK_PX)
        return found

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        width = option.rect.width()
        if width <= 0 or self._surely_fits(option.text, option, option.font.bold(), width):
            return
        width = self._text_width(option)
        if width <= 0:
            return
        key = (option.text, option.font.bold(), width)
        if key not in self._lines:
            self._trim()
            self._lines[key] = wrapped(option.text, option.font, width)
        option.text = self._lines[key]

    def _text_width(self, option) -> int:
        """The width the style paints the item's text in, in pixels (0: not known yet)."""
        width = option.rect.width()
        if width <= 0:
            return 0
        if width not in self._text_widths:
            from PySide6.QtCore import QRect
            from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

            self._trim()
            item = QStyleOptionViewItem(option)
            item.rect = QRect(0, 0, width, max(1, option.rect.height()))
            widget = option.widget
            style = widget.style()
            text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                       widget) + 1
            self._text_widths[width] = text.width() - 2 * margin
        return self._text_widths[width]

    def _trim(self) -> None:
        """Start afresh now and then: widths come and go as the window is resized, and the
        checklist's texts change as the draft is typed."""
        if (len(self._lines) + len(self._sizes) + len(self._text_widths)
                + len(self._fitting)) > 3000:
            self._lines.clear()
            self._sizes.clear()
            self._text_widths.clear()
            self._fitting.clear()

    def sizeHint(self, option, index):  # noqa: N802 - Qt override
        width = option.rect.width()
        if width <= 0:  # asked before the list has a width
            return super().sizeHint(option, index)
        own_font = index.data(Qt.ItemDataRole.FontRole)  # a failed rule's bold
        text = str(index.data())
        # The view asks again for every item it lays out, at every switch of person: the
        # answer is kept per text, weight and width, whether Qt's or this delegate's.
        key = (text, own_font is not None and own_font.bold(), width)
        if key not in self._sizes:
            self._trim()
            if own_font is None and self._surely_fits(text, option, False, width):
                self._sizes[key] = super().sizeHint(option, index)
            else:
                self._sizes[key] = self._size(option, index)
        return QSize(self._sizes[key])

    def _size(self, option, index):
        """As wide as the list, as tall as the lines the item is painted in."""
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QFontMetrics
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        size = super().sizeHint(option, index)
        width = option.rect.width()
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.rect = QRect(0, 0, width, size.height())
        widget = option.widget
        text = widget.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        needed = QFontMetrics(item.font).boundingRect(
            QRect(0, 0, max(1, self._text_width(item)), 1 << 20),
            Qt.TextFlag.TextWordWrap, item.text).height()
        return QSize(min(size.width(), width), size.height() + max(0, needed - text.height()))
