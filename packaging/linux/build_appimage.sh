#!/usr/bin/env bash
# An AppImage of the frozen app, with appimagetool (the release workflow downloads it;
# it is in no package registry this project uses, so it is not run in the tests).
#
#   APPIMAGETOOL=/path/to/appimagetool packaging/linux/build_appimage.sh [BUNDLE_DIR [OUT_DIR]]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bundle="$(cd "${1:-$root/dist/ConsultDesk}" && pwd)"
out="$(mkdir -p "${2:-$root/dist}" && cd "${2:-$root/dist}" && pwd)"
tool="${APPIMAGETOOL:-appimagetool}"
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/src/consultdesk/__init__.py")"

appdir="$(mktemp -d)/ConsultDesk.AppDir"
trap 'rm -rf "$(dirname "$appdir")"' EXIT
mkdir -p "$appdir/usr/share/applications" "$appdir/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$appdir/usr/consultdesk"
cat > "$appdir/AppRun" <<'APPRUN'
#!/bin/sh
here="$(dirname "$(readlink -f "$0")")"
exec "$here/usr/consultdesk/ConsultDesk" "$@"
APPRUN
chmod 0755 "$appdir/AppRun"
install -m 0644 "$root/packaging/linux/consultdesk.desktop" "$appdir/consultdesk.desktop"
install -m 0644 "$root/packaging/linux/consultdesk.desktop" "$appdir/usr/share/applications/"
install -m 0644 "$root/resources/icons/consultdesk.svg" "$appdir/consultdesk.svg"
install -m 0644 "$root/resources/icons/consultdesk.svg" \
    "$appdir/usr/share/icons/hicolor/scalable/apps/consultdesk.svg"
target="$out/ConsultDesk-$version-$(uname -m).AppImage"
ARCH="$(uname -m)" "$tool" --no-appstream "$appdir" "$target"
echo "$target"
