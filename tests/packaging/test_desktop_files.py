"""The freedesktop files, the icon set and install.sh, checked without building the app."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import followup
from followup import APP_ID, APP_NAME, WM_INSTANCE

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
INSTALL_SH = ROOT / "packaging" / "install.sh"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert header[12:16] == b"IHDR"
    return struct.unpack(">II", header[16:24])


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in the Desktop Entry spec
    parser.read(RESOURCES / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(RESOURCES / f"{APP_ID}.metainfo.xml").getroot()


def test_desktop_entry_names_the_app():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] == "followup"
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == WM_INSTANCE  # what the window sets (gui.app)
    assert entry["Terminal"] == "false"


def test_desktop_entry_lists_end_with_semicolons_and_use_a_main_category():
    entry = desktop_entry()
    categories = entry["Categories"]
    assert categories.endswith(";")
    main_categories = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game",
                       "Graphics", "Network", "Office", "Science", "Settings", "System",
                       "Utility"}
    assert main_categories & set(categories.rstrip(";").split(";"))
    assert entry["Keywords"].endswith(";")


@pytest.mark.parametrize("size", SIZES)
def test_every_icon_size_exists_with_its_pixel_size(size):
    assert png_size(ICONS / f"followup-{size}.png") == (size, size)


def test_icon_has_transparent_corners_and_an_opaque_centre(qapp):
    from PySide6.QtGui import QImage

    image = QImage(str(ICONS / "followup-64.png"))
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded tile leaves the corners clear
    assert image.pixelColor(32, 32).alpha() == 255


def test_svg_icon_is_a_square_svg():
    root = ET.parse(ICONS / "followup.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


def test_render_icons_redraws_every_size_from_the_svg(tmp_path, qapp):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import render_icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    shutil.copy(ICONS / "followup.svg", tmp_path / "followup.svg")
    assert render_icons.main(tmp_path) == 0
    assert render_icons.SIZES == SIZES
    for size in SIZES:
        assert png_size(tmp_path / f"followup-{size}.png") == (size, size)


def test_metainfo_describes_the_app():
    root = metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("summary").strip()
    assert root.find("description/p").text.strip()
    assert root.findtext("metadata_license") == "CC0-1.0"
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "followup"


def test_metainfo_newest_release_is_this_version():
    releases = metainfo().findall("releases/release")
    assert releases[0].get("version") == followup.__version__


@pytest.fixture
def unpacked_tarball(tmp_path):
    """The tarball's layout with a stand-in executable: followup/followup, _internal, install.sh."""
    top = tmp_path / "followup-x"
    app = top / "followup"
    (app / "_internal").mkdir(parents=True)
    shutil.copytree(RESOURCES, app / "_internal" / "resources")
    binary = app / "followup"
    binary.write_text("#!/bin/sh\necho followup-stand-in\n")
    binary.chmod(0o755)
    shutil.copy(INSTALL_SH, top / "install.sh")
    return top


def run_install(top: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(top / "install.sh"), *args], capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=60)


def test_install_puts_every_file_in_place_and_uninstall_removes_them(unpacked_tarball,
                                                                    isolated_home):
    share = isolated_home / ".local/share"
    result = run_install(unpacked_tarball)
    assert result.returncode == 0, result.stderr
    prefix = share / "followup-app"
    launcher = isolated_home / ".local/bin/followup"
    assert launcher.is_symlink() and launcher.resolve() == (prefix / "followup").resolve()
    assert subprocess.run([str(launcher)], capture_output=True, text=True).stdout.strip() == \
        "followup-stand-in"
    desktop = (share / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={prefix}/followup %F" in desktop
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in SIZES:
        icon = share / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert png_size(icon) == (size, size)
    assert (share / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()

    library = share / "followup" / "followup.sqlite3"  # the user's data must survive
    library.parent.mkdir(parents=True)
    library.write_bytes(b"notes")
    result = run_install(unpacked_tarball, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not prefix.exists() and not launcher.exists()
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not (share / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert not list((share / "icons").rglob(f"{APP_ID}.*"))
    assert library.read_bytes() == b"notes"


def test_install_honours_prefix_and_refuses_a_folder_that_is_not_followup(unpacked_tarball,
                                                                         tmp_path):
    prefix = tmp_path / "apps" / "followup"
    assert run_install(unpacked_tarball, PREFIX=str(prefix)).returncode == 0
    assert (prefix / "followup").is_file()

    other = tmp_path / "someone-elses"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    result = run_install(unpacked_tarball, PREFIX=str(other))
    assert result.returncode == 1
    assert "not a Followup install" in result.stderr
    assert (other / "keep.txt").read_text() == "mine"
