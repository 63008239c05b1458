"""Entry point: `followup` opens the app; `followup COMMAND` runs a command-line tool."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import gc

    # No automatic collection while modules load: start-up makes many objects and little
    # garbage, and the app's own collector (gui/collector.py) takes over once the window is up.
    gc.disable()
    from followup.commands import parse_arguments, run_command

    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    if getattr(args, "command", None):
        gc.enable()  # a command is a plain Python program
        return run_command(args)
    from followup.gui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
