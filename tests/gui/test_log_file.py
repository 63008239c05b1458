"""The log file in the data folder: kept small by rotation, silent when it cannot be written;
what goes wrong off the UI thread (the spelling dictionary) is written to it."""

from __future__ import annotations

import logging

from followup.gui.errors import QuietFileHandler


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"test-log-file-{id(handler)}")
    logger.propagate = False
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return logger


def test_log_rotates_past_its_size_and_keeps_two_older_files(tmp_path):
    tmp_path = tmp_path / "data"
    tmp_path.mkdir()
    path = tmp_path / "followup.log"
    handler = QuietFileHandler(path, max_bytes=1_000, backups=2)
    logger = _logger(handler)
    for n in range(200):
        logger.info("entry %03d %s", n, "x" * 40)
    handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["followup.log", "followup.log.1", "followup.log.2"]
    for p in tmp_path.iterdir():
        assert p.stat().st_size <= 1_000 + 60  # one entry past the size at most
    # Newest entries are in the live file, the ones just before in .1, and so on.
    assert "entry 199" in path.read_text()
    newest_in_1 = (tmp_path / "followup.log.1").read_text().splitlines()[-1]
    oldest_live = path.read_text().splitlines()[0]
    assert int(newest_in_1.split()[1]) + 1 == int(oldest_live.split()[1])


def test_log_on_a_full_disk_drops_the_entry_without_a_word(tmp_path, capfd):
    path = tmp_path / "followup.log"
    path.symlink_to("/dev/full")  # every write fails with ENOSPC, as on a full disk
    handler = QuietFileHandler(path, max_bytes=100)
    logger = _logger(handler)
    for n in range(5):
        logger.info("entry %d %s", n, "x" * 60)
    handler.close()
    assert "Logging error" not in capfd.readouterr().err


def test_a_dictionary_that_cannot_load_is_logged_and_notes_go_on(monkeypatch, caplog):
    from followup.core import spelling
    from followup.gui.spell import SpellService

    def missing():
        raise RuntimeError("the spelling dictionary is missing: reinstall Followup")

    monkeypatch.setattr(spelling, "speller", missing)
    service = SpellService()
    readies = []
    service.ready.connect(lambda: readies.append(True))
    with caplog.at_level(logging.ERROR):
        service._load()  # what the loading thread runs
    assert "spelling dictionary could not be loaded" in caplog.text
    assert "reinstall Followup" in caplog.text
    assert readies == []  # the editors are not told to re-check
