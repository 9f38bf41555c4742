#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates every icon from the one source, icons/app.svg:
#   icons/png/app-N.png   PNG sizes 16..1024 (Linux menus, AppStream, docs)
#   icons/app.ico         Windows, multi-size (16..256), used by jpackage --icon on Windows
#   icons/app.icns        macOS, used by jpackage --icon on macOS
#   src/main/resources/org/m365mailwizard/app/icons/icon-N.png   window icons (AppIcons)
# The outputs are committed, so a build never needs these tools. Needs Debian packages:
#   librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns)
#   apt-get install -y librsvg2-bin icoutils icnsutils
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "build-icons: $tool missing; apt-get install librsvg2-bin icoutils icnsutils" >&2; exit 1; }
done

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --format png app.svg --output "png/app-$size.png"
done

# Windows: small sizes as BMP entries, 256 as an embedded PNG (what Explorer expects).
icotool --create --output app.ico \
  png/app-16.png png/app-24.png png/app-32.png png/app-48.png png/app-64.png png/app-128.png \
  --raw=png/app-256.png

# macOS: png2icns picks the icon type from each PNG's size.
png2icns app.icns png/app-16.png png/app-32.png png/app-48.png png/app-128.png \
  png/app-256.png png/app-512.png png/app-1024.png >/dev/null

window_icons=../src/main/resources/org/m365mailwizard/app/icons
mkdir -p "$window_icons"
for size in 16 32 48 64 128 256; do
  cp "png/app-$size.png" "$window_icons/icon-$size.png"
done
echo "build-icons: icons regenerated from app.svg"
