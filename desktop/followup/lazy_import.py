"""A module imported on first use, for modules the first screen must not pay for."""

from __future__ import annotations

import importlib


class LazyModule:
    """Stands for the module `name` and imports it at the first attribute looked up.

    A plain `import` underneath, so it is as thread-safe as any import; later look-ups cost a
    `sys.modules` hit. Annotations naming it stay strings (`from __future__ import annotations`).
    """

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name}>"
