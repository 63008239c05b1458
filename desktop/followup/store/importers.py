"""Importing a file into the library by its kind: a followup/1 export, an .ics invite, .vcf cards.

Every import is all-or-nothing: the file is parsed and validated before anything is written,
and the write is a single transaction.
"""

from __future__ import annotations

from pathlib import Path

from followup.store.library import Library


class ImportFailed(Exception):
    """The file could not be imported; the message says why, nothing was written."""


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read the file ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed("the file is not text (UTF-8)") from None


def import_file(library: Library, path: Path) -> dict[str, list[int]]:
    suffix = path.suffix.lower()
    if suffix == ".json":
        from sqlalchemy.exc import IntegrityError

        from followup.store.interchange import InterchangeError, import_library, parse_document

        try:
            return import_library(library, parse_document(read_text(path)))
        except InterchangeError as exc:
            raise ImportFailed(str(exc)) from None
        except IntegrityError as exc:  # rolled back whole: nothing was written
            raise ImportFailed(f"the file contradicts itself ({exc.orig})") from None
    from followup.store.limits import LimitError

    try:
        if suffix in (".ics", ".ical", ".ifb", ".icalendar"):
            from followup.store.contacts_import import import_invite

            return import_invite(library, read_text(path))
        if suffix in (".vcf", ".vcard"):
            from followup.store.contacts_import import import_cards

            return import_cards(library, read_text(path))
    except LimitError as exc:  # a name or an address no message could carry; rolled back
        raise ImportFailed(str(exc)) from None
    raise ImportFailed(
        f"Followup imports .json exports, .ics invitations and .vcf cards, not {suffix or 'this'}"
        " files")
