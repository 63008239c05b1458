"""The command line: global options, and one module per subcommand.

Each subcommand module has `add_parser(subparsers)`, which adds its commands, each with the
function that runs it (`args.func(args) -> int`). Exit status 0 is success, 1 a result the user
should act on, 2 a usage or input error. Messages for the user go to standard error in one
line, never as a traceback.

A command module imports the store, sending and the checklist when `run` first needs them
(inside it, or as a `LazyModule`): `--help` imports every command module, and `followup check`
must not pay for the ORM (about 150 ms).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from followup import __version__
from followup.paths import data_dir, library_path

# Imported lazily so `followup --smoke` pays only for the GUI.
COMMAND_MODULES = (
    "library_io", "check", "guess_email", "drafts", "status", "sending", "search", "profile",
    "meetings", "replies",
)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
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
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        # A command that fails to import is a broken install: fail loudly, never hide it.
        importlib.import_module(f"followup.commands.{name}").add_parser(subparsers)
    return parser


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """Opening the app needs only the global options: the commands (and what they import)
    are loaded only when the command line names one, or asks for help."""
    if not any(a in ("-h", "--help") for a in argv):
        args, rest = build_parser(with_commands=False).parse_known_args(argv)
        if not rest:
            return args
    return build_parser().parse_args(argv)


def run_command(args) -> int:
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `followup status | head`: the reader left, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: log it, say it plainly
        from followup.store.schema import LibraryError

        if isinstance(exc, LibraryError):
            print(f"followup: {exc}", file=sys.stderr)
            return 2
        where = _log_to_file(args)
        logging.getLogger("followup").exception("command %s failed", args.command)
        print(f"followup: {args.command} failed: {exc}"
              + (f" (details in {where})" if where else ""), file=sys.stderr)
        return 2


def _log_to_file(args):
    """Send the traceback to the log beside the library, never to the terminal."""
    logging.lastResort = None
    try:
        folder = data_dir(getattr(args, "data_dir", None))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "followup.log"
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return path


def open_library(args, write: bool = True):
    """The library named by --data-dir / FOLLOWUP_DATA_DIR / the default. A reading command
    (`write=False`) opens a library that cannot be written read-only (SQLite's read-only or
    immutable open) and says so on standard error; a writing one is refused with the reason."""
    from followup.store.library import Library

    library = Library(library_path(data_dir(args.data_dir)), read_only=None if not write
                      else False)
    if library.read_only:
        print_error(f"reading {library.path} read-only: {library.read_only_reason}")
    return library


def print_error(message: str) -> None:
    print(f"followup: {message}", file=sys.stderr)
