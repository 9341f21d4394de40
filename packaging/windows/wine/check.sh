#!/usr/bin/env bash
# FOR TESTS ONLY (`make test-windows`): the Windows installer and command line under wine.
#   check.sh SETUP.exe LINUX_PODIUM
# 1. Installs per user, silently, with the PATH option (no administrator: wine's user), and
#    checks the folder, the uninstall registration, the Start-menu shortcut and the PATH.
# 2. Runs the installed podium.exe — with the dictionary shipped beside it — and the Linux
#    `podium` on tests/data/address.md and every speech of tests/data/corpus/speeches:
#    `stats`, `lint`, `readings` and `export --to blog` must print the same bytes and end with
#    the same code; the Windows one, its IPADIC sources pointed nowhere, must say nothing on
#    stderr (the shipped dictionary loaded, none built or missing).
# 3. Uninstalls silently and checks that the folder, the registration and the PATH entry went.
# 4. The same for IT's machine-wide install (/ALLUSERS: wine's user counts as an administrator):
#    %ProgramFiles%\Podium, HKLM, the machine's PATH, the shared Start menu; then uninstalls.
set -euo pipefail
cd "$(dirname "$0")/../../.."
setup=$1 linux_podium=$2
run=packaging/windows/wine/run.sh
target=${CARGO_TARGET_DIR:-$PWD/target}
export WINEPREFIX=${WINEPREFIX:-$target/wine-prefix}
wineserver=/usr/lib/wine/wineserver
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Podium'
fail() { echo "FAIL: $*" >&2; exit 1; }
reg() { "$run" reg query "$@" 2>/dev/null | tr -d '\r' || true; }

# --- 1. install
"$run" "$setup" /S /ADDTOPATH
"$wineserver" --wait
local_app_data=$("$run" cmd /c echo %LOCALAPPDATA% | tr -d '\r')
install_win="$local_app_data\\Programs\\Podium"
install=$("$run" winepath -u "$install_win" 2>/dev/null | tr -d '\r')
install=${install%/}
for file in podium-desktop.exe podium.exe WebView2Loader.dll uninstall.exe README.txt \
  dictionary/metadata.json dictionary/dict.words licenses/IPADIC.txt licenses/Podium.txt \
  licenses/THIRD-PARTY-LICENSES.txt; do
  [ -f "$install/$file" ] || fail "not installed: $install/$file"
done
[ ! -e "$install/bcryptprimitives.dll" ] || fail "the test stub was installed"
registration=$(reg "$key")
for value in DisplayName DisplayVersion Publisher UninstallString InstallLocation; do
  grep -q "$value" <<<"$registration" || fail "uninstall registration lacks $value"
done
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml)
grep -q "DisplayVersion.*$version" <<<"$registration" || fail "DisplayVersion is not $version"
start_menu=$("$run" cmd /c echo %APPDATA% | tr -d '\r')'\Microsoft\Windows\Start Menu\Programs\Podium.lnk'
[ -f "$("$run" winepath -u "$start_menu" 2>/dev/null | tr -d '\r')" ] || fail "no Start-menu shortcut"
reg 'HKCU\Environment' /v Path | grep -qiF "$install_win" || fail "not on the user's PATH"
echo "ok: installed per user into $install_win ($(du -sh --apparent-size "$install" | cut -f1)), registered, on the PATH"

# --- 2. the same output as on Linux
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The Linux CLI without the user's library or settings (the Windows prefix has none either);
# its dictionary cache is the tests' one.
export XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$target/tmp/cache}
unset PODIUM_DB PODIUM_IPADIC
compared=0
for draft in tests/data/address.md tests/data/corpus/speeches/*.txt; do
  for command in stats lint readings "export --to blog"; do
    # shellcheck disable=SC2086 # the command's words
    set +e
    "$linux_podium" $command "$draft" >"$scratch/linux" 2>/dev/null
    linux_code=$?
    PODIUM_IPADIC='Z:\nonexistent' \
      "$run" "$install/podium.exe" $command "$draft" >"$scratch/windows" 2>"$scratch/stderr"
    windows_code=$?
    set -e
    [ "$linux_code" = "$windows_code" ] ||
      fail "podium $command $draft: exit $linux_code on Linux, $windows_code on Windows"
    cmp -s "$scratch/linux" "$scratch/windows" || {
      diff "$scratch/linux" "$scratch/windows" | head -20 >&2
      fail "podium $command $draft: the outputs differ"
    }
    [ ! -s "$scratch/stderr" ] || { cat "$scratch/stderr" >&2; fail "podium.exe $command $draft wrote to stderr"; }
    compared=$((compared + 1))
  done
done
echo "ok: $compared runs of podium.exe (stats, lint, readings, export --to blog) under wine gave the Linux output byte for byte, with the shipped dictionary"

# --- 3. uninstall
"$run" "$install/uninstall.exe" /S
"$wineserver" --wait
sleep 2
"$wineserver" --wait
[ ! -e "$install" ] || fail "the install folder is still there: $(ls "$install")"
! grep -q DisplayName <<<"$(reg "$key")" || fail "the uninstall registration is still there"
! reg 'HKCU\Environment' /v Path | grep -qiF "$install_win" || fail "still on the PATH"
echo "ok: uninstalled (folder, registration, shortcut and PATH entry removed)"

# --- 4. for all users
machine_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Podium'
machine_env='HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
"$run" "$setup" /ALLUSERS /S /ADDTOPATH
"$wineserver" --wait
program_files=$("$run" cmd /c echo %ProgramFiles% | tr -d '\r')
all_win="$program_files\\Podium"
all=$("$run" winepath -u "$all_win" 2>/dev/null | tr -d '\r')
all=${all%/}
[ -f "$all/podium.exe" ] && [ -f "$all/dictionary/metadata.json" ] || fail "not installed in $all_win"
grep -q "DisplayVersion.*$version" <<<"$(reg "$machine_key")" || fail "no machine-wide registration"
reg "$machine_env" /v Path | grep -qiF "$all_win" || fail "not on the machine's PATH"
[ -z "$(ls "$install" 2>/dev/null)" ] || fail "the all-users install wrote to the user's folder"
"$run" "$all/uninstall.exe" /S
"$wineserver" --wait
sleep 2
"$wineserver" --wait
[ ! -e "$all" ] || fail "the all-users folder is still there"
! grep -q DisplayName <<<"$(reg "$machine_key")" || fail "the machine-wide registration is still there"
! reg "$machine_env" /v Path | grep -qiF "$all_win" || fail "still on the machine's PATH"
echo "ok: /ALLUSERS installed into $all_win (HKLM, the machine's PATH) and uninstalled"
