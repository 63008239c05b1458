"""Every command module loads, and one that cannot is an error, never a silently missing command."""

from __future__ import annotations

import pytest

from followup import commands


def test_every_listed_command_is_offered(capsys):
    with pytest.raises(SystemExit):
        commands.build_parser().parse_args(["--help"])
    shown = capsys.readouterr().out
    for command in ("export", "import", "people", "check", "guess-email", "drafts", "status",
                    "send", "mark-sent", "account", "search", "profile", "meetings", "replies"):
        assert f"\n    {command} " in shown


def test_a_command_module_that_fails_to_import_fails_loudly(monkeypatch):
    monkeypatch.setattr(commands, "COMMAND_MODULES", (*commands.COMMAND_MODULES, "no_such"))
    with pytest.raises(ModuleNotFoundError, match="no_such"):
        commands.build_parser()
