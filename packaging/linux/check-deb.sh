#!/usr/bin/env bash
# Checks the .deb `make package` built: both programs, the licence notice, and a desktop entry
# that offers .md files to Podium and passes the files on (%F). Run by `make package`.
set -euo pipefail
deb=$1
fail() { echo "check-deb: $*" >&2; exit 1; }
listing=$(dpkg-deb -c "$deb")
for file in usr/bin/podium-desktop usr/bin/podium \
  usr/share/doc/podium-desktop/THIRD-PARTY-LICENSES.txt usr/share/applications/Podium.desktop; do
  grep -Eq " (\./)?$file\$" <<<"$listing" || fail "$file is not in $deb"
done
entry=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards "*usr/share/applications/Podium.desktop")
grep -qx 'Exec=podium-desktop %F' <<<"$entry" || fail "the desktop entry does not pass files on"
grep -qx 'MimeType=text/markdown' <<<"$entry" || fail "the desktop entry does not offer .md files"
dpkg-deb -f "$deb" Depends | grep -q mecab-ipadic || fail "the package does not depend on mecab-ipadic"
echo "check-deb: $deb holds podium-desktop, podium, the licence notice and the .md entry"
