#!/usr/bin/env bash
# FOR TESTS ONLY: runs a Windows program (`run.sh prog.exe args…`) under Debian's wine 8.0 in
# Podium's own test prefix, $WINEPREFIX (default: <cargo target>/wine-prefix), made on first
# use with the ProcessPrng stub (bcryptprimitives.c) in its system32. `make test-windows` uses
# it as cargo's runner for x86_64-pc-windows-gnu and for the CLI and installer checks.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${CARGO_TARGET_DIR:-$here/../../../target}
export WINEPREFIX=${WINEPREFIX:-$target/wine-prefix}
export WINEDEBUG=${WINEDEBUG:--all}
# No Mono or Gecko install prompts: nothing here needs them.
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
# The core's tests read IPADIC's sources where Debian puts them (Z: is the Linux root).
export PODIUM_IPADIC=${PODIUM_IPADIC:-'Z:\usr\share\mecab\dic\ipadic'}
WINE=/usr/lib/wine/wine64

stub=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
if [ ! -f "$stub" ]; then
  mkdir -p "$WINEPREFIX"
  (
    flock 9
    if [ ! -f "$stub" ]; then
      "$WINE" wineboot --init >/dev/null 2>&1
      /usr/lib/wine/wineserver --wait
      x86_64-w64-mingw32-gcc -O2 -shared -o "$stub.tmp" "$here/bcryptprimitives.c" -ladvapi32
      mv "$stub.tmp" "$stub"
    fi
  ) 9>"$WINEPREFIX.lock"
fi
exec "$WINE" "$@"
