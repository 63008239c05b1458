"""PySide6's import hook keeps no module sources once the Qt skin is loaded."""

from __future__ import annotations

import linecache
import sys

import followup.gui  # noqa: F401 - installs the lighter check
from followup.gui.pyside_hook import stop_keeping_module_sources


def test_modules_imported_after_pyside_leave_no_source_behind(tmp_path, monkeypatch):
    (tmp_path / "mem_hook_plain.py").write_text("VALUE = 1\n" * 200, encoding="utf-8")
    (tmp_path / "mem_hook_qt.py").write_text(
        "from PySide6.QtCore import QObject\n\nVALUE = QObject\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        plain = __import__("mem_hook_plain")  # an import statement: what PySide hooks
        qt = __import__("mem_hook_qt")
        assert plain.VALUE == 1 and qt.VALUE.__name__ == "QObject"
        assert str(tmp_path / "mem_hook_plain.py") not in linecache.cache
        assert str(tmp_path / "mem_hook_qt.py") not in linecache.cache
        # PySide's own verdicts: a module that uses PySide6 gets feature switching (0), the
        # others are ignored (-1).
        verdicts = sys.modules["shibokensupport.feature"].pyside_feature_dict
        assert verdicts["mem_hook_plain"] == -1
        assert verdicts["mem_hook_qt"] == 0
    finally:
        sys.modules.pop("mem_hook_plain", None)
        sys.modules.pop("mem_hook_qt", None)


def test_installing_twice_is_harmless():
    assert stop_keeping_module_sources()
    assert stop_keeping_module_sources()
    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert check.reads_bytes
    assert check.__closure__ is None or not any(
        getattr(cell.cell_contents, "reads_bytes", False) for cell in check.__closure__)
