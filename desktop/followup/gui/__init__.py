"""The Qt skin of Followup. Importing it first makes PySide6 cheaper to import after."""

from followup.gui.pyside_sources import stop_keeping_sources

stop_keeping_sources()
