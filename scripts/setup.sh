#!/usr/bin/env bash
# Installs what Rollplan needs to build and run (and, with --test, to test), skipping
# whatever is already there. Safe to run again and again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# Debian 12 / Ubuntu packages: Tauri's WebKitGTK stack, and for tests a virtual display,
# a session bus, WebKit's WebDriver, python3-xlib to close the window like a person, and
# poppler-utils (pdftotext, pdffonts) to read exported PDFs back, ImageMagick's import to
# photograph the window for the screen checks, and readers none of us wrote for the
# exports (openpyxl for Excel, python-docx for Word, icalendar for calendars).
build_packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev librsvg2-dev)
test_packages=(xvfb xauth dbus dbus-x11 webkit2gtk-driver python3-xlib poppler-utils imagemagick
  python3-openpyxl python3-docx python3-icalendar)
# Team mode's tests start a throwaway PostgreSQL 15 cluster of their own (initdb and pg_ctl
# from /usr/lib/postgresql/15/bin; the system's own cluster is never used), and make its
# TLS certificates with the openssl command.
team_test_packages=(postgresql openssl)

wanted=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then wanted+=("${test_packages[@]}" "${team_test_packages[@]}"); fi
command -v node >/dev/null 2>&1 || wanted+=(nodejs npm)

# Windows installer, cross-built here (--windows; --test too, since the tests build and
# check it): MinGW-w64 links the .exe files, NSIS packs the installer, 7-Zip looks
# inside it, Wine runs the CLI that was built, osslsigncode signs for a release.
windows_packages=(mingw-w64 nsis p7zip-full wine64 file osslsigncode)
case " $* " in *" --windows "* | *" --test "*) wanted+=("${windows_packages[@]}") ;; esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  as_root=()
  [[ $EUID -ne 0 ]] && as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is not installed: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

# The Rust standard library for 64-bit Windows, for the cross-build.
case " $* " in *" --windows "* | *" --test "*)
  if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
    echo "Adding the Rust target for Windows (once)"
    rustup target add x86_64-pc-windows-gnu
  fi ;;
esac
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "Node.js $(node --version) is too old for the UI build: install Node.js 20 or newer." >&2
  exit 1
fi

# The UI's npm packages, reinstalled only when the lock file changed.
ui="$root/ui"
if [[ ! -f "$ui/node_modules/.package-lock.json" || "$ui/package-lock.json" -nt "$ui/node_modules/.package-lock.json" ]]; then
  echo "Installing the UI's npm packages"
  (cd "$ui" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ "${1:-}" == "--test" ]] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "Installing tauri-driver (once)"
  cargo install tauri-driver --version '^2' --locked --quiet
fi
