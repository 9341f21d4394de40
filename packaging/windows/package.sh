#!/usr/bin/env bash
# Podium for Windows x86_64, built on Debian (`make package-windows`, after the UI is built):
# the icon set, the app and the `podium` command (x86_64-pc-windows-gnu, mingw-w64), the
# dictionary built from Debian's mecab-ipadic, then the NSIS installer (podium.nsi) and the
# portable zip, both in $TARGET_DIR/x86_64-pc-windows-gnu/release/bundle/. Nothing is
# downloaded but crates.
set -euo pipefail
cd "$(dirname "$0")/../.."

CARGO=${CARGO:-cargo}
TARGET_DIR=${TARGET_DIR:-${CARGO_TARGET_DIR:-$PWD/target}}
TRIPLE=x86_64-pc-windows-gnu
release=$TARGET_DIR/$TRIPLE/release
out=$release/bundle

# One version (Cargo.toml's workspace), one product name and publisher (tauri.conf.json).
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml)
product=$(node -p 'require("./tauri.conf.json").productName')
publisher=$(node -p 'require("./tauri.conf.json").bundle.publisher')
core=${version%%[-+]*}
[[ $core =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "unexpected version: $version" >&2; exit 1; }

# The Windows icons, every size from the one project icon (tauri-build puts icons/icon.ico in
# the .exe; the installer shows it too).
mkdir -p icons
convert src-tauri/icons/icon.png -define icon:auto-resize=256,128,64,48,32,16 icons/icon.ico

started=$SECONDS
# tauri.conf.json carries no version of its own: the .exe's version resource gets Cargo's.
TAURI_CONFIG="{\"version\":\"$version\"}" "$CARGO" build --release --target "$TRIPLE" \
  -p podium-desktop -p podium-cli --features tauri/custom-protocol
# The dictionary is built by the core's own code, on this machine (no wine needed).
"$CARGO" build -p podium --example build_dictionary
echo "package-windows: built in $((SECONDS - started)) s"

stage=$out/stage/$product
rm -rf "$out/stage"
mkdir -p "$stage/licenses"
cp "$release/podium-desktop.exe" "$release/podium.exe" "$release/WebView2Loader.dll" "$stage/"
# The symbols (two thirds of the .exe files) stay in the build tree.
x86_64-w64-mingw32-strip "$stage/podium-desktop.exe" "$stage/podium.exe"
"$TARGET_DIR/debug/examples/build_dictionary" "$stage/dictionary"
cp /usr/share/doc/mecab-ipadic/copyright "$stage/licenses/IPADIC.txt"
cp packaging/windows/licenses/*.txt "$stage/licenses/"
# Every crate and npm package in what ships, with its licence texts (CRLF: see README.txt's).
node packaging/third-party-licenses.mjs --target "$TRIPLE" "$out/THIRD-PARTY-LICENSES.txt"
sed 's/$/\r/' "$out/THIRD-PARTY-LICENSES.txt" >"$stage/licenses/THIRD-PARTY-LICENSES.txt"
# Windows' Notepad reads CRLF and UTF-8 (with or without a BOM) alike; CRLF for older editors.
sed 's/$/\r/' packaging/windows/README.txt >"$stage/README.txt"

setup=$out/$product-$version-setup-x64.exe
zip=$out/$product-$version-windows-x64-portable.zip
rm -f "$setup" "$zip"
makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$version" -DVIVERSION="$core.0" -DPRODUCT="$product" -DPUBLISHER="$publisher" \
  -DICON="$PWD/icons/icon.ico" -DSTAGE="$stage" -DOUTFILE="$setup" \
  packaging/windows/podium.nsi
(cd "$out/stage" && zip -qr9X "$zip" "$product")

size() { du -sh --apparent-size "$1" | cut -f1; }
echo "dictionary: $(size "$stage/dictionary") installed (memory-mapped, so not compressed on disk)"
echo "installer:  $setup ($(size "$setup"))"
echo "portable:   $zip ($(size "$zip"))"
