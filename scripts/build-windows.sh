#!/usr/bin/env bash
# Cross-builds Rollplan for 64-bit Windows on Debian and packs the per-user installer
# Rollplan_<version>_x64-setup.exe. Prints where it landed, its size and the build time.
#
# The app and rollplan-cli are built for x86_64-pc-windows-gnu (linked by MinGW-w64) in
# the release profile, into the shared target dir ($CARGO_TARGET_DIR/x86_64-pc-windows-gnu),
# so a warm cache makes the next build quick. The installer is made by Debian's makensis
# from src-tauri/windows/installer.nsi rather than by Tauri's NSIS bundler: on a Linux
# host that bundler downloads its nsis_tauri_utils plugin from GitHub on every run (and
# checks its hash, so no copy built here would do), which a machine that reaches only
# the package registries cannot do.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --windows
cd "$root"

fail() {
  echo "build-windows: $*" >&2
  exit 1
}

target=x86_64-pc-windows-gnu
out="$CARGO_TARGET_DIR/$target/release"
bundle_dir="$out/bundle/nsis"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "cannot read the workspace version from Cargo.toml (found '$version')"
installer="$bundle_dir/Rollplan_${version}_x64-setup.exe"

started=$(date +%s)
# The app embeds the built UI (the custom-protocol feature is on by default), as
# `tauri build` would after its beforeBuildCommand; tauri-build merges
# tauri.windows.conf.json for this target (the .ico, the bundle settings).
# Rebuilt only when a UI source is newer than the last build: new files in ui/dist make
# the app's build script run again, and the Windows app then relinks (minutes of LTO).
ui_stamp=ui/dist/index.html
if [[ ! -f "$ui_stamp" ]] ||
  [[ -n "$(find ui/src ui/public ui/index.html ui/svelte.config.js ui/package.json ui/package-lock.json ui/vite.config.* \
    -newer "$ui_stamp" -print -quit 2>/dev/null)" ]]; then
  (cd ui && npm run --silent build)
fi
cargo build --release --locked --target "$target" -p rollplan -p rollplan-cli
built=$(date +%s)

app="$out/rollplan.exe"
cli="$out/rollplan-cli.exe"
# Built by webview2-com-sys for the GNU target: the app loads WebView2 through it.
loader="$out/WebView2Loader.dll"
for file in "$app" "$cli" "$loader"; do
  [[ -f "$file" ]] || fail "the build did not produce $file"
done

# A Windows laptop has its system DLLs and nothing of MinGW's: a MinGW runtime DLL left
# as a dependency by the linker would keep the program from starting there.
for file in "$app" "$cli"; do
  foreign=$(x86_64-w64-mingw32-objdump -p "$file" | sed -n 's/^\s*DLL Name: //p' |
    grep -Ei '^(libgcc|libwinpthread|libstdc\+\+|libssp|libatomic)' || true)
  [[ -z "$foreign" ]] || fail "$(basename "$file") needs MinGW DLLs a Windows laptop does not have: $foreign"
done

mkdir -p "$bundle_dir"
rm -f "$installer"

# Signing, for a release: with ROLLPLAN_SIGN_PKCS12 (the organisation's code-signing
# certificate as a .p12 file) and ROLLPLAN_SIGN_PASSWORD_FILE (its password), the two
# programs, the uninstaller and the installer are signed with osslsigncode and
# timestamped (ROLLPLAN_SIGN_TIMESTAMP_URL, DigiCert's by default; empty: none).
signing=()
if [[ -n "${ROLLPLAN_SIGN_PKCS12:-}" ]]; then
  [[ -f "$ROLLPLAN_SIGN_PKCS12" ]] || fail "ROLLPLAN_SIGN_PKCS12 names no file: $ROLLPLAN_SIGN_PKCS12"
  [[ -f "${ROLLPLAN_SIGN_PASSWORD_FILE:-}" ]] || fail "set ROLLPLAN_SIGN_PASSWORD_FILE to the file holding the certificate's password"
  timestamp=${ROLLPLAN_SIGN_TIMESTAMP_URL-http://timestamp.digicert.com}
  sign_args=(-pkcs12 "$ROLLPLAN_SIGN_PKCS12" -readpass "$ROLLPLAN_SIGN_PASSWORD_FILE" -h sha256 -n Rollplan)
  [[ -n "$timestamp" ]] && sign_args+=(-t "$timestamp")
  sign() { # sign FILE: replaces FILE with its signed copy
    osslsigncode sign "${sign_args[@]}" -in "$1" -out "$1.signed" >/dev/null &&
      mv -f "$1.signed" "$1" || fail "osslsigncode could not sign $1"
  }
  signed="$bundle_dir/signed"
  mkdir -p "$signed"
  cp "$app" "$cli" "$signed/"
  app="$signed/rollplan.exe"
  cli="$signed/rollplan-cli.exe"
  sign "$app"
  sign "$cli"
  # makensis signs the uninstaller it writes into the installer (%1 is its path).
  printf -v quoted '%q ' "${sign_args[@]}"
  signing=(-DUNINSTALLER_SIGN_COMMAND="osslsigncode sign $quoted-in %1 -out %1.signed && mv -f %1.signed %1")
fi

makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$version" -DVERSION_WITH_BUILD="$version.0" \
  -DAPP_EXE="$app" -DCLI_EXE="$cli" -DWEBVIEW2_LOADER="$loader" \
  -DICON="$root/src-tauri/icons/icon.ico" -DOUTFILE="$installer" "${signing[@]}" \
  src-tauri/windows/installer.nsi
[[ -f "$installer" ]] || fail "makensis did not write $installer"
if ((${#signing[@]})); then
  sign "$installer"
  echo "Signed with $ROLLPLAN_SIGN_PKCS12"
fi
finished=$(date +%s)

size=$(stat -c %s "$installer")
echo "Windows installer: $installer"
echo "Installer size: $size bytes ($(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }') MB)"
echo "Cross-build time: $((built - started)) s (compile), $((finished - started)) s with the installer"
