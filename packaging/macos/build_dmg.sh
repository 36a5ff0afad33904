#!/usr/bin/env bash
# Sign (when a Developer ID is given), package and notarize dist/ConsultDesk.app as a .dmg.
#
#   packaging/macos/build_dmg.sh VERSION
#
# Environment (all optional; without them the .dmg is built unsigned, for testing):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Ministry … (TEAMID)", in the keychain
#   NOTARY_APPLE_ID, NOTARY_TEAM_ID, NOTARY_PASSWORD   an app-specific password for notarytool
set -euo pipefail
version="${1:?usage: build_dmg.sh VERSION}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
app="$root/dist/ConsultDesk.app"
dmg="$root/dist/ConsultDesk-$version-macos.dmg"
[ -d "$app" ] || { echo "no $app: run python3 scripts/dev.py freeze first" >&2; exit 1; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    # Inside out: every library and the executable, then the bundle, hardened runtime on.
    find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' \) -print0 |
        xargs -0 codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY"
    codesign --force --timestamp --options runtime \
        --entitlements "$root/packaging/macos/entitlements.plist" \
        --sign "$MACOS_SIGN_IDENTITY" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"   # drag the app onto it to install
rm -f "$dmg"
hdiutil create -volname "ConsultDesk $version" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${NOTARY_APPLE_ID:-}" ] && [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$NOTARY_APPLE_ID" --team-id "$NOTARY_TEAM_ID" \
        --password "$NOTARY_PASSWORD" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi
echo "built $dmg"
