#!/usr/bin/env bash
# FOR TESTS ONLY (`make test-windows`, under Xvfb): wine has no WebView2 runtime, which is
# exactly a PC without it. Starts the staged podium-desktop.exe and checks that Podium says so
# in its one Japanese/English dialog (a window titled "Podium", taken as a screenshot), then
# ends with exit status 1 once OK is pressed — instead of failing silently.
#
#   webview2-missing.sh STAGED_FOLDER SCREENSHOT.png
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stage=$1
shot=$(realpath -m "$2")
fail() { echo "webview2-missing: $*" >&2; exit 1; }

# Japanese glyphs for wine's dialog font, from Debian's Noto CJK (a real Windows has its own).
links='HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontLink\SystemLink'
for face in Tahoma 'Microsoft Sans Serif'; do
  "$here/run.sh" reg add "$links" /v "$face" /t REG_MULTI_SZ \
    /d 'NotoSansCJK-Regular.ttc,Noto Sans CJK JP' /f >/dev/null 2>&1
done

cd "$stage"
"$here/run.sh" ./podium-desktop.exe >/dev/null 2>&1 &
app=$!
window=
for _ in $(seq 60); do
  window=$(xdotool search --name '^Podium$' 2>/dev/null | head -1) && [ -n "$window" ] && break
  kill -0 "$app" 2>/dev/null || fail "podium-desktop.exe ended without a dialog"
  sleep 1
done
[ -n "$window" ] || fail "no dialog within 60 s"
sleep 1
mkdir -p "$(dirname "$shot")"
import -window root "$shot"
xdotool key --window "$window" Return 2>/dev/null
status=0
wait "$app" || status=$?
[ "$status" -eq 1 ] || fail "exit status $status after the dialog, expected 1"
echo "webview2-missing: the dialog was shown ($shot), exit status 1"
