"""The Qt skin of Followup: widgets over `core` and `store` (see docs/architecture.md)."""

from followup.gui.pyside_sources import stop_keeping_sources

stop_keeping_sources()
