"""Light and dark palettes, and the few colours Followup adds on top (marker highlights)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from followup.paths import resources_dir

# Okabe-Ito based marker colours: readable on light and dark, distinct for colour-blind users,
# and each marker also has its own font weight/style so colour is never the only cue.
MARKER_COLOURS = {
    "!": ("#B35806", "#F0A35E"),  # key point: orange, bold
    "?": ("#0072B2", "#56B4E9"),  # question: blue, italic
    "+": ("#007A5A", "#3DD6A3"),  # contribution: green, underlined
}


THEMES = ("system", "light", "dark")
_chosen = "system"  # View › Theme; remembered in window.ini by the main window


def is_dark() -> bool:
    forced = os.environ.get("FOLLOWUP_COLOR_SCHEME", "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    if _chosen in ("dark", "light"):
        return _chosen == "dark"
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def set_theme(app, theme: str) -> None:
    """Switch to "system", "light" or "dark" now (an unknown name means "system")."""
    global _chosen
    _chosen = theme if theme in THEMES else "system"
    hints = QGuiApplication.styleHints()
    hints.setColorScheme({"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
                         .get(_chosen, Qt.ColorScheme.Unknown))  # native dialogs follow too
    app.setPalette(_dark_palette() if is_dark() else app.style().standardPalette())
    sheet = app.styleSheet()
    app.setStyleSheet("")  # polish every widget again with the new palette
    app.setStyleSheet(sheet)


def marker_colour(marker: str) -> QColor:
    light, dark = MARKER_COLOURS[marker]
    return QColor(dark if is_dark() else light)


def apply_theme(app, set_style: bool = True) -> None:
    """Fusion everywhere (consistent metrics), with a dark palette when the system is dark.

    `set_style=False` when the application was started with `-style Fusion` already."""
    if set_style:
        app.setStyle("Fusion")
    if is_dark():
        app.setPalette(_dark_palette())

    sheet = resources_dir() / "styles" / "followup.qss"
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def _dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#E8EAED",
        QPalette.ColorRole.Base: "#17181A", QPalette.ColorRole.AlternateBase: "#26282B",
        QPalette.ColorRole.Text: "#E8EAED", QPalette.ColorRole.Button: "#2B2D31",
        QPalette.ColorRole.ButtonText: "#E8EAED", QPalette.ColorRole.Highlight: "#3D6FB6",
        QPalette.ColorRole.HighlightedText: "#FFFFFF", QPalette.ColorRole.ToolTipBase: "#2B2D31",
        QPalette.ColorRole.ToolTipText: "#E8EAED", QPalette.ColorRole.PlaceholderText: "#8A8F98",
        QPalette.ColorRole.Link: "#8AB4F8", QPalette.ColorRole.Mid: "#3A3D42",
        QPalette.ColorRole.Midlight: "#34373C", QPalette.ColorRole.Dark: "#111214",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6B6F76"))
    return p
