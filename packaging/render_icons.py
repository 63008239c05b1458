"""Render resources/icons/followup.svg into the PNG sizes of the hicolor icon theme.

Run after changing the SVG:  .venv/bin/python packaging/render_icons.py
The PNGs are committed, so neither a build nor a user's machine needs an SVG renderer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG_NAME = "followup.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int, folder: Path = ICON_DIR) -> Path:
    return folder / f"followup-{size}.png"


def render(svg: Path, size: int, target: Path) -> None:
    """Draw the SVG onto a transparent square of `size` pixels and save it as PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")


def main(folder: Path = ICON_DIR) -> int:
    # QImage and QPainter need a QGuiApplication; offscreen keeps this usable without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    for size in SIZES:
        target = png_path(size, folder)
        render(folder / SVG_NAME, size, target)
        print(f"{target.name}: {size}x{size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
