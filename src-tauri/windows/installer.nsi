; Rollplan's Windows installer: a per-user install that needs no administrator rights.
;
; scripts/build-windows.sh compiles this with Debian's makensis after cross-building the
; app. It follows the choices in src-tauri/tauri.windows.conf.json (per-user install,
; WebView2 bootstrapper fetched only when the runtime is missing) but needs no plugin
; beyond those NSIS ships: Tauri's own template loads a plugin DLL that its bundler
; downloads at build time, which a build machine without internet cannot do.
;
; What it does:
; - installs rollplan.exe, rollplan-cli.exe (for IT's scripts) and WebView2Loader.dll in
;   %LOCALAPPDATA%\Rollplan, adds a Start-menu entry and an entry in "Installed apps";
; - `/S` installs silently, `/D=<folder>` (last on the command line) picks the folder;
; - the uninstaller removes the program and never the person's data: the database,
;   its backups and the settings live in %APPDATA%\app.rollplan.desktop.
;
; Defined on the makensis command line: VERSION (1.2.3), VERSION_WITH_BUILD (1.2.3.0),
; APP_EXE, CLI_EXE, WEBVIEW2_LOADER, ICON (paths of the files to pack), OUTFILE, and
; UNINSTALLER_SIGN_COMMAND when the build signs.

; A 64-bit installer for a 64-bit app: 32-bit Windows cannot run either, and Wine on
; the build machine (64-bit only) can run it for the tests.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
; The app and the CLI each carry the PDF typesetter and its fonts: a dictionary larger
; than either program lets LZMA store that shared half once.
SetCompressorDictSize 64

!define PRODUCT_NAME "Rollplan"
!define PUBLISHER "Rollplan"
!define BUNDLE_ID "app.rollplan.desktop"
!define MAIN_EXE "rollplan.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT_NAME}"
; The Evergreen WebView2 runtime's client id, under which Edge Update records its version.
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
; Microsoft's WebView2 bootstrapper (about 2 MB); it installs the runtime for this user.
!define WEBVIEW2_BOOTSTRAPPER_URL "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

Name "${PRODUCT_NAME}"
OutFile "${OUTFILE}"
; Per user: the program goes in the person's own profile, so no administrator is asked.
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\${PRODUCT_NAME}"
; A reinstall or an update goes where the last install went.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT_NAME} ${VERSION}"

; Set by build-windows.sh when it signs: the uninstaller is signed as it is written.
!ifdef UNINSTALLER_SIGN_COMMAND
  !uninstfinalize '${UNINSTALLER_SIGN_COMMAND}'
!endif

VIProductVersion "${VERSION_WITH_BUILD}"
VIAddVersionKey "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey "FileDescription" "${PRODUCT_NAME} installer"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "LegalCopyright" "MIT licence"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${MAIN_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${PRODUCT_NAME}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${PRODUCT_NAME} will be removed from this computer. Your plans stay: the database, its backups and your settings are kept in $APPDATA\${BUNDLE_ID}."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; A running Rollplan locks its program file, and overwriting it half-way would leave a
; broken install. A file in use cannot be opened for writing, which tells without any
; plugin. Interactive: ask to close it and retry. Silent: stop with exit code 2.
!macro WAIT_UNTIL_CLOSED UN
Function ${UN}WaitUntilClosed
  ${IfNot} ${FileExists} "$INSTDIR\${MAIN_EXE}"
    Return
  ${EndIf}
  check:
    ClearErrors
    FileOpen $0 "$INSTDIR\${MAIN_EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      Return
    ${EndIf}
    IfSilent 0 ask
      SetErrorLevel 2
      Quit
  ask:
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${PRODUCT_NAME} is open. Close it (your work is saved as you go), then choose Retry." /SD IDCANCEL IDRETRY check
    SetErrorLevel 2
    Quit
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

; The window is drawn by Microsoft Edge WebView2, part of Windows 11 and of Windows 10
; kept up to date. Where it is missing, the bootstrapper is fetched and run for this user
; (Tauri's "downloadBootstrapper" mode): nothing is added to the installer's size.
Section "WebView2" SecWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    DetailPrint "Microsoft Edge WebView2 $0 is installed."
    Return
  ${EndIf}
  DetailPrint "Downloading Microsoft Edge WebView2, which draws ${PRODUCT_NAME}'s window..."
  StrCpy $1 "$TEMP\MicrosoftEdgeWebview2Setup.exe"
  Delete "$1"
  ; PowerShell is part of every Windows 10 and 11 and speaks HTTPS, which NSIS's own
  ; downloader does not.
  nsExec::ExecToLog 'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; Invoke-WebRequest -UseBasicParsing -Uri \"${WEBVIEW2_BOOTSTRAPPER_URL}\" -OutFile \"$1\""'
  Pop $2
  ${IfNot} ${FileExists} "$1"
    MessageBox MB_ICONSTOP "Microsoft Edge WebView2 could not be downloaded, and ${PRODUCT_NAME} needs it to open its window. Connect to the internet and run this installer again, or ask your IT support to install the WebView2 Runtime." /SD IDOK
    SetErrorLevel 4
    Quit
  ${EndIf}
  DetailPrint "Installing Microsoft Edge WebView2..."
  ExecWait '"$1" /silent /install' $2
  Delete "$1"
  ${If} $2 <> 0
    MessageBox MB_ICONSTOP "Microsoft Edge WebView2 could not be installed (code $2). Ask your IT support to install the WebView2 Runtime, then run this installer again." /SD IDOK
    SetErrorLevel 4
    Quit
  ${EndIf}
SectionEnd

Section "Rollplan" SecMain
  SectionIn RO
  Call WaitUntilClosed
  SetOutPath "$INSTDIR"
  File "/oname=${MAIN_EXE}" "${APP_EXE}"
  File "/oname=rollplan-cli.exe" "${CLI_EXE}"
  File "/oname=WebView2Loader.dll" "${WEBVIEW2_LOADER}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT_NAME}.lnk" "$INSTDIR\${MAIN_EXE}"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" '"$INSTDIR\${MAIN_EXE}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; Removes the program only. The person's database, backups and settings are in
; %APPDATA%\app.rollplan.desktop and the window's cache in %LOCALAPPDATA%\app.rollplan.desktop;
; neither is touched, so reinstalling finds every plan where it was.
Section "Uninstall"
  Call un.WaitUntilClosed
  Delete "$INSTDIR\${MAIN_EXE}"
  Delete "$INSTDIR\rollplan-cli.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  ; Only if empty: a folder the person chose may hold their own files too.
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT_NAME}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
