"""Importing a file into the library by its kind (see `followup.store.formats`).

Every import is all-or-nothing: the file is parsed and validated before anything is written,
and the write is a single transaction.
"""

from __future__ import annotations

from followup.store.formats import import_file
from followup.store.import_errors import ImportFailed

__all__ = ["ImportFailed", "import_file"]
