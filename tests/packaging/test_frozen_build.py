"""Build the app with packaging/build.sh, then start the frozen binary headless.

Its start-up time is a benchmark figure, not a test: timed tests flake on a busy machine."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import followup
from followup.paths import LIBRARY_FILE
from followup.store.schema import SCHEMA_HEAD

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 1800  # two cores: a cold build takes a few minutes


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """The dist folder of a fresh build: dist/followup/ and the tarball."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed: install the build extra "
                    "(pip install -e '.[build]') to run the frozen-build tests.")
    work = tmp_path_factory.mktemp("frozen")
    env = {**os.environ, "FOLLOWUP_BUILD_DIR": str(work / "build"),
           "FOLLOWUP_DIST_DIR": str(work / "dist")}
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env,
                            capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    print(result.stdout)
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist"


@pytest.fixture
def frozen(build) -> Path:
    binary = build / "followup" / "followup"
    assert os.access(binary, os.X_OK)
    return binary


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, **kwargs)


def source_command() -> list[str]:
    return [sys.executable, "-m", "followup"]


def test_frozen_app_starts_and_migrates_a_new_library(frozen, tmp_path):
    data = tmp_path / "library"
    result = run([str(frozen), "--smoke", "--data-dir", str(data)])
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    library = data / LIBRARY_FILE
    assert library.is_file()
    with sqlite3.connect(library) as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert revision == SCHEMA_HEAD
    assert {"company", "person", "meeting"} <= tables


def test_frozen_app_offers_every_command_the_source_offers(frozen):
    # A command module that fails to import is skipped silently, so compare the two help texts.
    source = run([*source_command(), "--help"])
    built = run([str(frozen), "--help"])
    assert built.returncode == 0, built.stderr
    assert built.stdout == source.stdout
    assert run([str(frozen), "--version"]).stdout.strip() == f"Followup {followup.__version__}"


def test_tarball_holds_the_app_and_install_script(build):
    tarballs = list(build.glob(f"followup-{followup.__version__}-linux-*.tar.gz"))
    assert len(tarballs) == 1
    top = tarballs[0].name.removesuffix(".tar.gz")
    with tarfile.open(tarballs[0]) as archive:
        names = set(archive.getnames())
        assert archive.getmember(f"{top}/install.sh").mode & 0o111
    internal = f"{top}/followup/_internal"
    expected = {
        f"{top}/followup/followup",
        f"{internal}/migrations/env.py",
        f"{internal}/migrations/versions/0001_library.py",
        f"{internal}/resources/icons/followup-48.png",
        f"{internal}/resources/{followup.APP_ID}.desktop",
        f"{internal}/resources/{followup.APP_ID}.metainfo.xml",
        f"{internal}/spellchecker/resources/en.json.gz",
    }
    assert expected <= names
    assert not any("QtWebEngine" in name or "QtQml" in name for name in names)


def test_frozen_app_renders_markdown_in_the_html_export(frozen, tmp_path):
    """Python-Markdown, its extensions and nh3 made it into the build."""
    import json

    document = tmp_path / "one.json"
    document.write_text(json.dumps({"format": "followup/1", "meetings": [{
        "company": "Acme", "people": [{"name": "Jane Doe", "notes":
                                       "! a key point\n- *one*\n- two\n<script>x</script>"}]}]}))
    data = str(tmp_path / "library")
    assert run([str(frozen), "--data-dir", data, "import", str(document)]).returncode == 0
    result = run([str(frozen), "--data-dir", data, "export", "--format", "html"])
    assert result.returncode == 0, result.stderr
    assert '<span class="marker key">' in result.stdout
    assert "<li><em>one</em></li>" in result.stdout
    assert "&lt;script&gt;x&lt;/script&gt;" in result.stdout
