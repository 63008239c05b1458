"""PySide6's import hook, made to stop keeping the source of every module imported after it.

From PySide6 6.4 (PYSIDE-2029), each module imported once PySide6 is loaded is checked for the
text "PySide6" with `inspect.getsource`, which leaves the module's whole source, line by line,
in `linecache` for the rest of the process: for Followup (SQLAlchemy, its models, the
checklist) about 150,000 lines, 15-25 MB of memory that nothing reads again, and the time to
split them into lines at start-up. The check below gives the same answer from the file's
bytes, and keeps nothing. Sourceless modules (a frozen build) still get PySide's own check.
"""

from __future__ import annotations

import sys


def stop_keeping_module_sources() -> bool:
    """Replace PySide's check of whether a module uses PySide6 with one that reads the file
    and keeps nothing. True when done; False (nothing changed) on a PySide6 without that
    check, so a newer PySide6 can only lose this saving, never break."""
    import PySide6  # noqa: F401 - loads shiboken's support modules, the hook among them

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "reads_bytes", False):
        return original is not None

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.reads_bytes = True
    feature._mod_uses_pyside = uses_pyside
    return True
