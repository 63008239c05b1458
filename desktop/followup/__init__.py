"""Followup: per-person interview notes that become individual follow-up notes.

Layers, lowest first: ``core`` is plain Python (markers, drafting, the checklist, deadlines,
email formats) and imports neither Qt nor the database; ``store`` holds the SQLite library
(models, migrations, import and export) and imports ``core`` only; ``mail`` builds and sends
messages and imports ``core``; ``sending`` (the send preflight and delivery with its statuses)
imports ``store`` and ``mail``; ``commands`` (the command line) and ``gui`` (the Qt skin) sit on
top and may import everything below them. Nothing below ``gui`` imports Qt.
"""

__version__ = "0.1.0"
APP_NAME = "Followup"
APP_ID = "io.github.followup.Followup"
# The X11 window's WM_CLASS instance name, which the desktop file's StartupWMClass names (the
# class is APP_NAME); without it Qt takes the program file's name, "__main__.py" under -m.
WM_INSTANCE = "followup"
