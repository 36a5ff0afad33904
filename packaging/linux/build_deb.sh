#!/usr/bin/env bash
# A .deb of the frozen app: dist/ConsultDesk -> /opt/consultdesk, a `consultdesk` command,
# a menu entry and an icon.
#
#   packaging/linux/build_deb.sh [BUNDLE_DIR [OUT_DIR]]     # defaults: dist/ConsultDesk, dist
#   DEB_COMPRESSION=gzip packaging/linux/build_deb.sh       # quicker, larger (tests)
#
# Needs only dpkg-deb (Debian, Ubuntu). Prints the path of the .deb it wrote.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bundle="$(cd "${1:-$root/dist/ConsultDesk}" && pwd)"
out="$(mkdir -p "${2:-$root/dist}" && cd "${2:-$root/dist}" && pwd)"
[ -x "$bundle/ConsultDesk" ] || { echo "no $bundle/ConsultDesk: run python3 scripts/dev.py freeze" >&2; exit 1; }
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/src/consultdesk/__init__.py")"
arch="$(dpkg --print-architecture)"

tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/DEBIAN" "$tree/opt" "$tree/usr/bin" "$tree/usr/share/applications" \
         "$tree/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle" "$tree/opt/consultdesk"
# A wrapper, not a symlink: the bundle finds its _internal folder next to the real file.
cat > "$tree/usr/bin/consultdesk" <<'WRAPPER'
#!/bin/sh
exec /opt/consultdesk/ConsultDesk "$@"
WRAPPER
chmod 0755 "$tree/usr/bin/consultdesk"
install -m 0644 "$root/packaging/linux/consultdesk.desktop" "$tree/usr/share/applications/"
install -m 0644 "$root/resources/icons/consultdesk.svg" \
    "$tree/usr/share/icons/hicolor/scalable/apps/consultdesk.svg"
size="$(du -sk --exclude=DEBIAN "$tree" | cut -f1)"
cat > "$tree/DEBIAN/control" <<CONTROL
Package: consultdesk
Version: $version
Architecture: $arch
Maintainer: ConsultDesk developers <consultdesk@localhost>
Installed-Size: $size
Depends: libc6 (>= 2.31), libegl1, libgl1, libxkbcommon0, libfontconfig1, libdbus-1-3, libxcb-cursor0
Recommends: libreoffice-writer, fonts-noto-cjk
Section: office
Priority: optional
Homepage: https://github.com/consultdesk/consultdesk
Description: answer questionnaires from international bodies within every limit
 ConsultDesk drafts responses to questionnaires from international bodies
 offline, counts every answer as Word does against its limit, and exports
 the response to Word (.docx) or PDF in the layout of a real submission.
 LibreOffice Writer (recommended) makes the PDF where Microsoft Word is absent.
CONTROL
deb="$out/consultdesk_${version}_${arch}.deb"
# xz for a release (smallest); DEB_COMPRESSION=gzip builds in a fraction of the time.
dpkg-deb --root-owner-group "-Z${DEB_COMPRESSION:-xz}" --build "$tree" "$deb" >/dev/null
echo "$deb"
