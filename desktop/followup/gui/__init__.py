"""The Qt skin. Loading it first makes PySide6's import hook keep no module sources
(see pyside_hook), before the ORM and the rest are imported."""

from followup.gui.pyside_hook import stop_keeping_module_sources

stop_keeping_module_sources()
