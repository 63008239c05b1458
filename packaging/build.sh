#!/usr/bin/env bash
# Build the Followup desktop app (PyInstaller onedir) and the Linux tarball users install from.
#   packaging/build.sh            -> build/ (work files), dist/followup/ (the app),
#                                    dist/followup-<version>-linux-<arch>.tar.gz (app + install.sh)
# FOLLOWUP_BUILD_DIR and FOLLOWUP_DIST_DIR move build/ and dist/ elsewhere (the tests use them).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BUILD_DIR=${FOLLOWUP_BUILD_DIR:-$ROOT/build}
DIST_DIR=${FOLLOWUP_DIST_DIR:-$ROOT/dist}

if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=${PYTHON:-python3}; fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: PyInstaller is not installed for $PY." >&2
    echo "          Install it with:  $PY -m pip install -e '.[build]'" >&2
    exit 2
fi

VERSION=$("$PY" -c "import sys; sys.path.insert(0, 'desktop'); import followup; print(followup.__version__)")
ARCH=$(uname -m)
NAME="followup-$VERSION-linux-$ARCH"

echo "Building Followup $VERSION into $DIST_DIR/followup"
"$PY" -m PyInstaller --noconfirm --log-level WARN \
    --workpath "$BUILD_DIR" --distpath "$DIST_DIR" packaging/followup.spec

APP="$DIST_DIR/followup"
echo "App folder: $APP ($(du -sh "$APP" | cut -f1))"

# The tarball holds one folder: the app and the script that installs it for the current user.
STAGE="$BUILD_DIR/$NAME"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -a "$APP" "$STAGE/followup"
cp packaging/install.sh "$STAGE/install.sh"
chmod +x "$STAGE/install.sh"
TARBALL="$DIST_DIR/$NAME.tar.gz"
tar -C "$BUILD_DIR" -czf "$TARBALL" "$NAME"
rm -rf "$STAGE"
echo "Tarball: $TARBALL ($(du -sh "$TARBALL" | cut -f1))"
