#!/usr/bin/env bash
# Install Followup for the current user from the unpacked tarball, or remove it (--uninstall).
#   ./install.sh               app in ~/.local/share/followup-app (or $PREFIX), launcher in
#                              ~/.local/bin/followup, menu entry, icons and AppStream metadata
#   ./install.sh --uninstall   removes exactly what the install put there; the library stays
set -euo pipefail

APP_ID=io.github.followup.Followup
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${PREFIX:-$DATA_HOME/followup-app}
BIN_DIR=${BIN_DIR:-$HOME/.local/bin}
ICON_SIZES="16 24 32 48 64 128 256 512"
HERE=$(cd "$(dirname "$0")" && pwd)

usage() {
    sed -n '2,5s/^# \{0,1\}//p' "$0"
}

refresh_caches() {
    # Menus and icon themes pick the change up sooner; both tools are optional.
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null; then
        gtk-update-icon-cache -q -t "$DATA_HOME/icons/hicolor" 2>/dev/null || true
    fi
}

install_app() {
    local source="$HERE/followup"
    local resources="$source/_internal/resources"
    if [ ! -x "$source/followup" ] || [ ! -d "$resources" ]; then
        echo "install.sh: no Followup build beside this script (expected $source/followup)." >&2
        exit 1
    fi
    # Replace an earlier version whole, so no stale library file lingers in the app folder.
    if [ -e "$PREFIX" ]; then
        [ -x "$PREFIX/followup" ] || { echo "install.sh: $PREFIX exists and is not a" \
            "Followup install; choose another PREFIX." >&2; exit 1; }
        rm -rf "$PREFIX"
    fi
    mkdir -p "$(dirname "$PREFIX")" "$BIN_DIR" "$DATA_HOME/applications" "$DATA_HOME/metainfo"
    cp -a "$source" "$PREFIX"
    ln -sfn "$PREFIX/followup" "$BIN_DIR/followup"

    # The menu entry runs the installed binary by its full path: ~/.local/bin may not be on PATH.
    sed -e "s|^Exec=followup|Exec=$PREFIX/followup|" -e "s|^TryExec=followup|TryExec=$PREFIX/followup|" \
        "$resources/$APP_ID.desktop" > "$DATA_HOME/applications/$APP_ID.desktop"
    cp "$resources/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
    for size in $ICON_SIZES; do
        local dir="$DATA_HOME/icons/hicolor/${size}x${size}/apps"
        mkdir -p "$dir"
        cp "$resources/icons/followup-$size.png" "$dir/$APP_ID.png"
    done
    mkdir -p "$DATA_HOME/icons/hicolor/scalable/apps"
    cp "$resources/icons/followup.svg" "$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"
    refresh_caches

    echo "Followup installed in $PREFIX"
    case ":$PATH:" in
        *":$BIN_DIR:"*) echo "Start it from the applications menu or with: followup" ;;
        *) echo "Start it from the applications menu or with: $BIN_DIR/followup" ;;
    esac
}

uninstall_app() {
    if [ -L "$BIN_DIR/followup" ] && [ "$(readlink "$BIN_DIR/followup")" = "$PREFIX/followup" ]; then
        rm -f "$BIN_DIR/followup"
    fi
    if [ -e "$PREFIX" ]; then
        [ -x "$PREFIX/followup" ] || { echo "install.sh: $PREFIX is not a Followup install;" \
            "left untouched." >&2; exit 1; }
        rm -rf "$PREFIX"
    fi
    rm -f "$DATA_HOME/applications/$APP_ID.desktop" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
    for size in $ICON_SIZES; do
        rm -f "$DATA_HOME/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    rm -f "$DATA_HOME/icons/hicolor/scalable/apps/$APP_ID.svg"
    refresh_caches
    echo "Followup removed. Your library (notes and follow-ups) was kept in your data folder."
}

case "${1:-}" in
    "") install_app ;;
    --uninstall) uninstall_app ;;
    -h|--help) usage ;;
    *) usage >&2; exit 2 ;;
esac
