"""Object names for the widgets a person uses: tests and accessibility tools find them by it.

PySide accepts any Qt property as a constructor keyword, but its type stubs list only a
class's own properties, not `objectName` (a QObject's); `named` sets it where a type checker
can see it, and keeps the widget's construction on one line.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

Named = TypeVar("Named", bound=QObject)


def named(widget: Named, name: str) -> Named:
    """`widget` with its objectName set to `name`, for use inline: `named(QLabel(), "x")`."""
    widget.setObjectName(name)
    return widget
