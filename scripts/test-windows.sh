#!/usr/bin/env bash
# Checks the Windows installer on Debian: builds it (scripts/build-windows.sh), checks it
# is a Windows program that 7-Zip can open and that holds rollplan.exe and
# rollplan-cli.exe, then runs the CLI it holds under Wine as a practice manager's laptop
# would: the sample clinic in the per-user AppData folder (the Windows account is named
# "Médecins Associés"), a roster saved by Excel on Windows (Windows-1252, CRLF) imported
# from a folder with spaces and accents, every export format read back with the readers
# the Linux tests use, backup, restore and check, and a database on a network share
# refused. Last, the installer itself runs silently under Wine and its uninstaller
# removes the program but keeps the database. Prints the installer's size (budget
# 25 MB) and the cross-build time. Stops at the first failure, saying what failed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"

fail() {
  echo "test-windows: FAILED: $*" >&2
  exit 1
}
step() { printf -- '--- %s\n' "$*"; }

budget_bytes=$((25 * 1024 * 1024))
work=$(mktemp -d /tmp/rollplan-windows.XXXXXX)
export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEARCH=win64
# No Wine Mono or Gecko: nothing here needs .NET or Internet Explorer, and asking to
# install them would wait for a click. No display either: the CLI is a console program.
export WINEDLLOVERRIDES="mscoree,mshtml=" LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY
# Wine names the Windows profile after $USER: an account with a space and accents.
export USER="Médecins Associés"
cleanup() {
  wineserver -k >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step "Build"
"$root/scripts/build-windows.sh" | tee "$work/build.log"
installer=$(sed -n 's/^Windows installer: //p' "$work/build.log")
[[ -f "$installer" ]] || fail "build-windows.sh named no installer"
size=$(stat -c %s "$installer")
((size < budget_bytes)) || fail "the installer is $size bytes, over the budget of $budget_bytes"

step "The installer is a Windows program and unpacks"
kind=$(file -b "$installer")
[[ "$kind" == PE32* && "$kind" == *"MS Windows"* ]] || fail "the installer is not a Windows executable: $kind"
7z l "$installer" >"$work/listing.txt" || fail "7-Zip cannot list the installer"
for name in rollplan.exe rollplan-cli.exe WebView2Loader.dll; do
  grep -q " $name\$" "$work/listing.txt" || fail "7-Zip does not list $name in the installer"
done
7z x -y -o"$work/unpacked" "$installer" >/dev/null || fail "7-Zip cannot unpack the installer"
cli_exe=$(find "$work/unpacked" -name rollplan-cli.exe -print -quit)
app_exe=$(find "$work/unpacked" -name rollplan.exe -print -quit)
[[ -n "$cli_exe" && -n "$app_exe" ]] || fail "rollplan.exe or rollplan-cli.exe is missing after unpacking"
[[ "$(file -b "$app_exe")" == *"PE32+ executable (GUI) x86-64"* ]] || fail "rollplan.exe is not a 64-bit Windows GUI program: $(file -b "$app_exe")"
[[ "$(file -b "$cli_exe")" == *"PE32+ executable (console) x86-64"* ]] || fail "rollplan-cli.exe is not a 64-bit Windows console program: $(file -b "$cli_exe")"

step "Wine: a fresh Windows profile"
wineboot --init >/dev/null 2>&1 || fail "wineboot could not make a Windows profile in $WINEPREFIX"
profile="$WINEPREFIX/drive_c/users/$USER"
[[ -d "$profile/AppData/Roaming" ]] || fail "Wine made no profile at $profile"
# Rust's standard library draws random numbers with ProcessPrng from
# bcryptprimitives.dll, which every Windows 10 and 11 has and Debian 12's Wine 8 lacks.
# A stand-in for this Wine only (never in the installer) forwards to RtlGenRandom.
cat >"$work/bcryptprimitives.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length) {
    ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
C
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  "$work/bcryptprimitives.c" -ladvapi32 || fail "cannot build Wine's stand-in for bcryptprimitives.dll"

# Runs the unpacked CLI under Wine; its output is kept in $work/out.txt, its errors in
# $work/err.txt, and a failure stops the test showing both.
cli() {
  if ! wine "$cli_exe" "$@" >"$work/out.txt" 2>"$work/err.txt"; then
    cat "$work/out.txt" "$work/err.txt" >&2
    fail "rollplan-cli.exe $* exited with an error"
  fi
  tr -d '\r' <"$work/out.txt" >"$work/out.unix.txt"
}
# A Linux path as Windows programs under Wine name it (Z:\...).
win() { winepath -w "$1" 2>/dev/null; }
python=/usr/bin/python3

step "The sample clinic, in the per-user application data folder"
cli demo
db="$profile/AppData/Roaming/app.rollplan.desktop/rollplan.db"
[[ -f "$db" ]] || fail "the database is not in the per-user AppData folder (expected $db)"
cli rollouts list --json
grep -q "SMS appointment reminders" "$work/out.unix.txt" || fail "the sample clinic's rollouts are not listed"

step "A roster saved by Excel on Windows, from a folder with spaces and accents"
documents="$work/Médecins Associés/Documents"
mkdir -p "$documents"
"$python" - "$documents/Liste du personnel.csv" <<'PY'
import sys
rows = [
    "Name,Role,Email",
    "Zoë Lefèvre,Registered nurse (RN),zoe.lefevre@medecins-associes.fr",
    "René Côté,Front desk,rene.cote@medecins-associes.fr",
    "Siobhán O’Neill,Medical assistant (MA),siobhan.oneill@medecins-associes.fr",
]
with open(sys.argv[1], "wb") as f:
    f.write(("\r\n".join(rows) + "\r\n").encode("cp1252"))
PY
cli import roster "$(win "$documents/Liste du personnel.csv")" --json
cli people list --json
for name in "Zoë Lefèvre" "René Côté" "Siobhán O’Neill"; do
  grep -qF "\"$name\"" "$work/out.unix.txt" || fail "$name is not in the directory after the Windows-1252 roster import"
done

step "Every export format, read back"
exports="$documents/Exports Rollplan"
mkdir -p "$exports"
for format in pdf html md xlsx ics mspdi bundle; do
  extension=$format
  [[ $format == mspdi ]] && extension=xml
  [[ $format == bundle ]] && extension=rollplan
  cli export "SMS appointment" --format "$format" --out "$(win "$exports/rollout.$extension")"
done
cli export "SMS appointment" --format csv --out "$(win "$exports/tables")"
cli export "SMS appointment" --format csv --out "$(win "$exports/tables.zip")"
for format in pdf html md docx; do
  cli export-sop cl-031 --format "$format" --out "$(win "$exports/sop.$format")"
done
cli export-library --title "Médecins Associés" --out "$(win "$exports/library.pdf")"
for pdf in rollout sop library; do
  pdftotext -layout "$exports/$pdf.pdf" "$work/$pdf.txt" || fail "pdftotext cannot read $pdf.pdf"
done
grep -q "SMS appointment reminders" "$work/rollout.txt" || fail "the PDF report does not name its rollout"
[[ -s "$work/sop.txt" ]] || fail "the SOP's PDF holds no text"
grep -q "Médecins Associés" "$work/library.txt" || fail "the binder's PDF does not carry its accented title"
grep -q "SMS appointment reminders" "$exports/rollout.html" || fail "the HTML report does not name its rollout"
grep -q "SMS appointment reminders" "$exports/rollout.md" || fail "the Markdown report does not name its rollout"
"$python" - "$exports" <<'PY' || fail "an export did not read back (see above)"
import csv, json, sys, zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import icalendar
import openpyxl

exports = Path(sys.argv[1])
def check(ok, message):
    if not ok:
        sys.exit(f"export check failed: {message}")

book = openpyxl.load_workbook(exports / "rollout.xlsx", read_only=True)
check(len(book.sheetnames) > 1, f"the workbook has one sheet per table: {book.sheetnames}")
cells = [c for ws in book.worksheets for row in ws.iter_rows(values_only=True) for c in row if c]
check(any("SMS appointment reminders" in str(c) for c in cells), "the workbook names its rollout")

calendar = icalendar.Calendar.from_ical((exports / "rollout.ics").read_bytes())
events = [e for e in calendar.walk("VEVENT")]
check(events, "the calendar holds events")

document = docx.Document(str(exports / "sop.docx"))
check(any(p.text.strip() for p in document.paragraphs), "the SOP document holds text")

tables = sorted((exports / "tables").glob("*.csv"))
check(any(t.name == "tasks.csv" for t in tables), f"a CSV per table, tasks included: {tables}")
for table in tables:
    with open(table, newline="", encoding="utf-8-sig") as f:
        check(next(csv.reader(f), None), f"{table.name} has a header row")
with zipfile.ZipFile(exports / "tables.zip") as z:
    check(sorted(z.namelist()) == sorted(t.name for t in tables), "the zip holds the same tables")

plan = ET.parse(exports / "rollout.xml").getroot()
tasks = [e for e in plan.iter() if e.tag.endswith("}Task") or e.tag == "Task"]
check(len(tasks) > 1, "the Microsoft Project plan holds tasks")

bundle = json.loads((exports / "rollout.rollplan").read_text(encoding="utf-8"))
check(isinstance(bundle, dict) and bundle, "the bundle is a JSON object")
print(f"read back: {len(book.sheetnames)} sheets, {len(events)} events, {len(tables)} CSV tables, {len(tasks)} tasks")
PY

step "The same exports as the Linux CLI, byte for byte"
linux_cli="$CARGO_TARGET_DIR/debug/rollplan-cli"
(cd "$root" && cargo build --locked --quiet -p rollplan-cli) || fail "the Linux CLI did not build"
cp "$db" "$work/linux.db"
for sidecar in -wal -shm; do [[ -f "$db$sidecar" ]] && cp "$db$sidecar" "$work/linux.db$sidecar"; done
mkdir -p "$work/linux"
"$linux_cli" --db "$work/linux.db" export "SMS appointment" --format md --out "$work/linux/rollout.md" >/dev/null
"$linux_cli" --db "$work/linux.db" export "SMS appointment" --format html --out "$work/linux/rollout.html" >/dev/null
"$linux_cli" --db "$work/linux.db" export "SMS appointment" --format csv --out "$work/linux/tables" >/dev/null
cmp -s "$work/linux/rollout.md" "$exports/rollout.md" || fail "the Markdown export differs between Windows and Linux"
cmp -s "$work/linux/rollout.html" "$exports/rollout.html" || fail "the HTML export differs between Windows and Linux"
diff -rq "$work/linux/tables" "$exports/tables" >/dev/null || fail "the CSV export differs between Windows and Linux"

step "Backup, restore and check"
cli backup --json
backup_name=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["file_name"])' "$work/out.unix.txt")
[[ "$backup_name" != *:* ]] || fail "the backup's name has a colon, which Windows refuses: $backup_name"
[[ -f "$(dirname "$db")/backups/$backup_name" ]] || fail "the backup is not beside the database in AppData"
cli rollouts create --name "Added after the backup"
cli restore "$backup_name" --json
cli rollouts list --json
grep -q "Added after the backup" "$work/out.unix.txt" && fail "the restore did not bring the backup back"
grep -q "SMS appointment reminders" "$work/out.unix.txt" || fail "the restored database lost the sample clinic"
# check exits with an error for an unhealthy file; the report must also say sound.
cli check --json
"$python" -c '
import json, sys
report = json.load(open(sys.argv[1]))
report = report.get("report", report)
sound = report["integrity_problems"] == [] and report["foreign_key_violations"] == 0
sys.exit(0 if sound else 1)' "$work/out.unix.txt" ||
  fail "check does not find the restored database sound: $(cat "$work/out.unix.txt")"

step "A database on a network share is refused"
if wine "$cli_exe" --db '\\fileserver\clinic\rollplan.db' rollouts list >"$work/out.txt" 2>"$work/err.txt"; then
  fail "a database on \\\\fileserver\\clinic was opened"
fi
grep -q "network drive" "$work/err.txt" || fail "the refusal does not say why: $(cat "$work/err.txt")"

step "The installer: silent install, then uninstall keeping the database"
# Wine has no WebView2; recording a version where Edge Update does stands for the one
# Windows 10 and 11 carry, so the installer does not try to download it.
wine reg add 'HKCU\Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}' /v pv /d 120.0.2210.91 /f >/dev/null 2>&1 ||
  fail "cannot record WebView2 in Wine's registry"
# start /wait: Wine returns at once from a windowed program otherwise.
wine start /wait /unix "$installer" /S || fail "the silent install exited with code $?"
installed="$profile/AppData/Local/Rollplan"
for name in rollplan.exe rollplan-cli.exe WebView2Loader.dll uninstall.exe; do
  [[ -f "$installed/$name" ]] || fail "the silent install did not put $name in %LOCALAPPDATA%\\Rollplan"
done
find "$profile" -iname 'Rollplan.lnk' -path '*Start Menu*' | grep -q . || fail "no Start-menu entry was made"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Rollplan' /v DisplayVersion >"$work/reg.txt" 2>&1 ||
  fail "the install is not listed in Installed apps (no uninstall key under HKCU)"
wine "$installed/rollplan-cli.exe" check >/dev/null 2>&1 || fail "the installed CLI cannot check the database"
# The uninstaller copies itself to %TEMP% and runs from there (so it can delete
# itself); waiting for Wine's server to stop waits for that copy to finish.
wine start /wait /unix "$installed/uninstall.exe" /S || fail "the silent uninstall exited with code $?"
wineserver -w
[[ ! -e "$installed" ]] || fail "the uninstaller left $(ls "$installed" | tr '\n' ' ')behind in %LOCALAPPDATA%\\Rollplan"
find "$profile" -iname 'Rollplan.lnk' | grep -q . && fail "the uninstaller left the Start-menu entry"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Rollplan' >/dev/null 2>&1 &&
  fail "the uninstaller left its entry in Installed apps"
[[ -f "$db" ]] || fail "the uninstaller removed the database"
[[ -f "$(dirname "$db")/backups/$backup_name" ]] || fail "the uninstaller removed the backups"

echo
echo "Windows installer: $installer"
echo "Installer size: $size bytes ($(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1048576 }') MB; budget 25 MB)"
sed -n 's/^Cross-build time: /Cross-build time: /p' "$work/build.log"
echo "test-windows: every check passed"
