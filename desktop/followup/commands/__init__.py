"""The command line: global options, and one module per subcommand.

Each subcommand module has `NAME`, `add_parser(subparsers)` and `run(args) -> int`. Exit status
0 is success, 1 a result the user should act on, 2 a usage or input error. Messages for the
user go to standard error in one line, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from followup import __version__

# Imported lazily so `followup --smoke` pays only for the GUI.
COMMAND_MODULES = (
    "library_io", "check", "guess_email", "drafts", "status", "sending",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup",
        description="Per-person interview notes that become individual follow-up notes.")
    parser.add_argument("--version", action="version", version=f"Followup {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="folder of the library (default: FOLLOWUP_DATA_DIR or the "
                             "platform's user data folder)")
    parser.add_argument("--demo", action="store_true",
                        help="open a fresh temporary library with a sample panel interview")
    parser.add_argument("--smoke", action="store_true",
                        help="show the main window, then exit 0 (packaging and start-up checks)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"followup.commands.{name}")
        except ImportError as exc:  # a command under construction must not break the others
            logging.getLogger(__name__).debug("command %s unavailable: %s", name, exc)
            continue
        module.add_parser(subparsers)
    return parser


def run_command(args) -> int:
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: log it, say it plainly
        from followup.store.schema import LibraryError

        if isinstance(exc, LibraryError):
            print(f"followup: {exc}", file=sys.stderr)
            return 2
        logging.getLogger("followup").exception("command failed")
        print(f"followup: {args.command} failed: {exc}", file=sys.stderr)
        return 2


def open_library(args):
    """The library named by --data-dir / FOLLOWUP_DATA_DIR / the default."""
    from followup.paths import data_dir, library_path
    from followup.store.library import Library

    return Library(library_path(data_dir(args.data_dir)))


def print_error(message: str) -> None:
    print(f"followup: {message}", file=sys.stderr)
