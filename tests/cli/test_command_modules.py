"""Every command module loads, and one that cannot is an error, never a silently missing command."""

from __future__ import annotations

import pytest

from followup import commands


def test_every_listed_command_is_offered():
    parser = commands.build_parser()
    offered = parser._subparsers._group_actions[0].choices  # argparse keeps them here
    for name in commands.COMMAND_MODULES:
        module = __import__(f"followup.commands.{name}", fromlist=["NAME"])
        assert module.NAME in offered


def test_a_command_module_that_fails_to_import_fails_loudly(monkeypatch):
    monkeypatch.setattr(commands, "COMMAND_MODULES", (*commands.COMMAND_MODULES, "no_such"))
    with pytest.raises(ModuleNotFoundError, match="no_such"):
        commands.build_parser()
