#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Completes the .deb that jpackage built (everything under /opt/m365-mail-wizard) with the desktop
# integration, as ordinary files in the package rather than files made by maintainer scripts:
# dpkg then lists them (dpkg -L, dpkg -S), verifies them (dpkg --verify) and removes them on
# `dpkg -r`. Debian's file triggers refresh the menu and icon caches, so no postinst is needed.
#   /usr/bin/m365-mail-wizard                     -> /opt/m365-mail-wizard/bin/m365-mail-wizard
#   /usr/share/applications/<id>.desktop          menu entry
#   /usr/share/metainfo/<id>.metainfo.xml         AppStream (software centres)
#   /usr/share/icons/hicolor/*/apps/<id>.png|svg  icons
#   /usr/share/doc/m365-mail-wizard/copyright     -> the licence jpackage installed
# Usage: finish-deb.sh JPACKAGE.deb OUT.deb FILTERED_LINUX_DIR   (run from the repository root)
set -euo pipefail

in_deb=$1
out_deb=$2
filtered=$3
name=m365-mail-wizard
app_id=org.m365mailwizard.M365MailWizard
app_dir=/opt/$name

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=$work/tree

dpkg-deb --raw-extract "$in_deb" "$tree"
[ -x "$tree$app_dir/bin/$name" ] || { echo "finish-deb: $in_deb has no $app_dir/bin/$name" >&2; exit 1; }

install -d "$tree/usr/bin"
ln -s "$app_dir/bin/$name" "$tree/usr/bin/$name"
install -D -m 644 "packaging/linux/$app_id.desktop" "$tree/usr/share/applications/$app_id.desktop"
install -D -m 644 "$filtered/$app_id.metainfo.xml" "$tree/usr/share/metainfo/$app_id.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "icons/png/app-$size.png" "$tree/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -D -m 644 icons/app.svg "$tree/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
install -d "$tree/usr/share/doc/$name"
ln -s "$app_dir/share/doc/copyright" "$tree/usr/share/doc/$name/copyright"

# Without desktop integration jpackage's maintainer scripts are empty case skeletons. Drop those:
# a package with a postrm stays registered as "config-files" after `dpkg -r` until purged.
for script in preinst postinst prerm postrm; do
  file=$tree/DEBIAN/$script
  [ -f "$file" ] || continue
  # shellcheck disable=SC2016  # "$1" is the scripts' text, matched literally
  if ! grep -Ev '^[[:space:]]*(#.*)?$' "$file" \
      | grep -Ev '^[[:space:]]*(set -e|case "\$1" in|[a-z|-]+\)|\*\)|;;|esac|exit [01]|echo ".* called with unknown argument .*" >&2)[[:space:]]*$' \
      | grep -q .; then
    rm "$file"
  fi
done

# jpackage writes no md5sums; with them `dpkg --verify` can tell whether installed files changed.
(cd "$tree" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
  | xargs -0 md5sum > DEBIAN/md5sums)
installed_kib=$(du --summarize --block-size=1K --exclude=DEBIAN "$tree" | cut -f1)
sed -i "s/^Installed-Size: .*/Installed-Size: $installed_kib/" "$tree/DEBIAN/control"

# xz explicitly: Ubuntu's dpkg-deb defaults to zstd, which Debian 11 and older cannot read.
dpkg-deb --root-owner-group -Zxz --build "$tree" "$out_deb" >/dev/null
echo "finish-deb: $out_deb ($(stat -c %s "$out_deb") bytes, Installed-Size $installed_kib KiB)"
