"""PySide6 asks of each module imported after it whether it uses PySide6; Followup answers
from the file's bytes so no module's source is kept in memory (gui/pyside_sources.py)."""

from __future__ import annotations

import importlib
import linecache
import sys
import types

import followup.gui  # noqa: F401 - installs the byte check
from followup.gui.pyside_sources import mentions_pyside


def _feature_flags() -> dict:
    return sys.modules["PySide6.support.feature"].pyside_feature_dict


def test_modules_imported_later_are_classified_without_keeping_their_source(tmp_path,
                                                                            monkeypatch):
    (tmp_path / "uses_qt_probe.py").write_text(
        "from PySide6.QtCore import QObject\n\nclass Probe(QObject):\n    pass\n",
        encoding="utf-8")
    (tmp_path / "plain_probe.py").write_text("VALUE = 'no Qt here, ' * 1000\n",
                                             encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    feature = sys.modules["PySide6.support.feature"]
    for name in ("uses_qt_probe", "plain_probe"):
        sys.modules.pop(name, None)
        _feature_flags().pop(name, None)
        module = importlib.import_module(name)
        feature.feature_imported(module)  # what PySide6's import hook calls for a new module
    # The same answers as PySide6's own check: 0 = uses PySide6 (features switchable), -1 not.
    assert _feature_flags()["uses_qt_probe"] == 0
    assert _feature_flags()["plain_probe"] == -1
    cached = set(linecache.cache)
    assert str(tmp_path / "uses_qt_probe.py") not in cached
    assert str(tmp_path / "plain_probe.py") not in cached


def test_a_module_without_a_source_file_goes_to_the_original_check(tmp_path):
    asked = []

    def original(module):
        asked.append(module.__name__)
        return False

    built_in = types.ModuleType("no_file_probe")
    assert mentions_pyside(built_in, original) is False
    compiled = types.ModuleType("compiled_probe")
    compiled.__file__ = str(tmp_path / "compiled_probe.cpython-311-x86_64-linux-gnu.so")
    assert mentions_pyside(compiled, original) is False
    gone = types.ModuleType("gone_probe")
    gone.__file__ = str(tmp_path / "gone_probe.py")  # deleted since it was imported
    assert mentions_pyside(gone, original) is False
    assert asked == ["no_file_probe", "compiled_probe", "gone_probe"]
