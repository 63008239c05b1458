"""The file formats Followup imports and exports, in one place: the file dialog, drag and
drop and the command line all read this registry, so they accept the same files.

Each format has a name, the suffixes it is known by (the first one is used for new files),
and a reader and/or a writer. Readers take the library and the file's bytes, parse the whole
file before writing anything, write in one transaction and return the ids created; they
raise `ImportFailed` with a message for the user.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from followup.core.atomic_files import write_atomically
from followup.store.import_errors import ImportFailed, as_text, read_bytes
from followup.store.limits import LimitError

if TYPE_CHECKING:  # the window reads this registry at start-up, before the ORM is loaded
    from followup.store.library import Library

__all__ = ["EXPORTS", "FORMATS", "Format", "ImportFailed", "dialog_filter", "export_filter",
           "export_format_for", "export_text", "format_for", "import_file",
           "importable_suffixes", "write_export"]

Reader = Callable[["Library", bytes], dict[str, list[int]]]


@dataclass(frozen=True)
class Format:
    name: str  # what the command line calls it
    label: str  # what the file dialog calls it
    suffixes: tuple[str, ...]  # lowercase, with the dot
    reader: Reader | None = None


def _read_export(library: Library, data: bytes) -> dict[str, list[int]]:
    from sqlalchemy.exc import IntegrityError

    from followup.store.interchange import InterchangeError, import_library, parse_document

    try:
        return import_library(library, parse_document(as_text(data)))
    except InterchangeError as exc:
        raise ImportFailed(str(exc)) from None
    except IntegrityError as exc:  # rolled back whole: nothing was written
        raise ImportFailed(f"the file contradicts itself ({exc.orig})") from None


def _read_invites(library: Library, data: bytes) -> dict[str, list[int]]:
    from followup.store.contacts_import import import_invite

    try:
        return import_invite(library, data)
    except LimitError as exc:  # a name or an address no message could carry; rolled back
        raise ImportFailed(str(exc)) from None


def _read_cards(library: Library, data: bytes) -> dict[str, list[int]]:
    from followup.store.contacts_import import import_cards

    try:
        return import_cards(library, data)
    except LimitError as exc:
        raise ImportFailed(str(exc)) from None


FORMATS: tuple[Format, ...] = (
    Format("json", "Followup exports", (".json",), _read_export),
    Format("ics", "Calendar invitations", (".ics", ".ical", ".icalendar", ".ifb"),
           _read_invites),
    Format("vcf", "Business cards", (".vcf", ".vcard"), _read_cards),
)
# What `followup export` writes; json is also read back by `import`.
EXPORTS: tuple[Format, ...] = (
    Format("json", "Followup export", (".json",)),
    Format("markdown", "Markdown", (".md", ".markdown")),
    Format("html", "Web page, to read or print", (".html", ".htm")),
)


def importable_suffixes() -> tuple[str, ...]:
    return tuple(suffix for fmt in FORMATS for suffix in fmt.suffixes)


def format_for(path: Path) -> Format | None:
    suffix = path.suffix.lower()
    return next((fmt for fmt in FORMATS if suffix in fmt.suffixes), None)


def dialog_filter() -> str:
    """The name filter of an Open dialog: every importable file, then each format."""
    def patterns(suffixes):
        return " ".join(f"*{s}" for s in suffixes)

    lines = [f"Followup files ({patterns(importable_suffixes())})"]
    lines += [f"{fmt.label} ({patterns(fmt.suffixes)})" for fmt in FORMATS]
    return ";;".join([*lines, "All files (*)"])


def import_file(library: Library, path: Path) -> dict[str, list[int]]:
    """Import one file by its suffix; ImportFailed says why nothing was written."""
    fmt = format_for(path)
    if fmt is None or fmt.reader is None:
        names = ", ".join(fmt.suffixes[0] for fmt in FORMATS)
        raise ImportFailed(f"Followup imports {names} files, not {path.suffix or 'this'} "
                           "files")
    return fmt.reader(library, read_bytes(path))


def export_filter() -> str:
    """The name filter of a Save dialog: one entry per export format, JSON first."""
    return ";;".join(f"{fmt.label} ({' '.join(f'*{s}' for s in fmt.suffixes)})"
                     for fmt in EXPORTS)


def export_format_for(path: Path, default: str = "json") -> str:
    """The export format a file name asks for ("notes.md" is Markdown), else `default`."""
    suffix = path.suffix.lower()
    return next((fmt.name for fmt in EXPORTS if suffix in fmt.suffixes), default)


def export_text(library: Library, name: str, meeting_id: int | None = None) -> str:
    """The whole library as the export format `name` ("json", "markdown" or "html") writes
    it; `meeting_id` (html only) narrows it to that meeting. Raises LookupError for a meeting
    that does not exist, ValueError for `meeting_id` with another format."""

    from followup.store.interchange import export_library, export_markdown

    if name == "html":
        from followup.store.html_export import export_html

        return export_html(library, meeting_id)
    if meeting_id is not None:
        raise ValueError("--meeting works with --format html only")
    if name == "markdown":
        return export_markdown(library)
    return json.dumps(export_library(library), indent=2, ensure_ascii=False) + "\n"


def write_export(library: Library, path: Path, name: str | None = None,
                 meeting_id: int | None = None) -> Path:
    """Export the library (or, as HTML, one meeting) to `path` in one atomic write (the old
    file stays whole until the new one is complete); the format from `name`, else from the
    file's suffix. The one export the window and `followup export -o` share. Raises OSError,
    and LookupError or ValueError as `export_text`."""
    text = export_text(library, name or export_format_for(path), meeting_id)
    return write_atomically(path, text)
