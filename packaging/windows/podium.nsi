; Podium's Windows installer, for Debian's makensis (nsis). `make package-windows` stages the
; files and runs it through packaging/windows/package.sh, which defines:
;   VERSION (Cargo.toml), VIVERSION (the same as four numbers), PUBLISHER and PRODUCT
;   (tauri.conf.json), ICON (icons/icon.ico), STAGE (the folder whose files are installed)
;   and OUTFILE.
;
; Per user by default: no administrator rights, installed into %LOCALAPPDATA%\Programs\Podium,
; registered under HKCU. For IT, `/ALLUSERS` (run as administrator) installs for every user of
; the PC into %ProgramFiles%\Podium, registered under HKLM. `/S` installs silently; the
; optional parts are chosen on the components page or, silently, with `/ASSOCIATE` (open .md
; drafts with Podium) and `/ADDTOPATH` (the `podium` command in new terminals); `/D=folder`,
; last, chooses the folder. The user's library (%APPDATA%\podium) is never touched.

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WordFunc.nsh
!include Sections.nsh
!include WinMessages.nsh

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Podium"
!define PROGID "Podium.Draft"
!define ENV_USER "Environment"
!define ENV_MACHINE "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails show

; 1 when installing (or uninstalling) for all users of the PC.
Var AllUsers

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\podium-desktop.exe"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${PRODUCT} ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

LangString SecAppName ${LANG_JAPANESE} "Podium（アプリ、podium コマンド、辞書）"
LangString SecAppName ${LANG_ENGLISH} "Podium (the app, the podium command, the dictionary)"
LangString SecStartName ${LANG_JAPANESE} "スタートメニューに登録"
LangString SecStartName ${LANG_ENGLISH} "Start menu shortcut"
LangString SecAssociateName ${LANG_JAPANESE} ".md ファイルを Podium で開けるようにする"
LangString SecAssociateName ${LANG_ENGLISH} "Open .md drafts with Podium"
LangString SecPathName ${LANG_JAPANESE} "podium コマンドを PATH に追加"
LangString SecPathName ${LANG_ENGLISH} "Add the podium command to the PATH"
LangString DraftType ${LANG_JAPANESE} "Podium 原稿 (Markdown)"
LangString DraftType ${LANG_ENGLISH} "Podium draft (Markdown)"
LangString NeedAdmin ${LANG_JAPANESE} "/ALLUSERS（PC のすべてのユーザーに入れる）には管理者として実行してください。$\r$\n/ALLUSERS を付けなければ、管理者の権限なしにこのユーザーだけに入ります。"
LangString NeedAdmin ${LANG_ENGLISH} "/ALLUSERS (install for every user of this PC) needs the installer to run as administrator.$\r$\nWithout /ALLUSERS it installs for this user only, with no administrator rights."
LangString PathTooLong ${LANG_JAPANESE} "PATH が長すぎるため変更しませんでした。必要なら次のフォルダーを PATH に手で追加してください: $INSTDIR"
LangString PathTooLong ${LANG_ENGLISH} "The PATH is too long to change safely and was left as it is. Add this folder to it by hand if needed: $INSTDIR"
LangString PathLeft ${LANG_JAPANESE} "PATH が長すぎるため変更しませんでした。必要なら次のフォルダーを PATH から手で削除してください: $INSTDIR"
LangString PathLeft ${LANG_ENGLISH} "The PATH is too long to change safely and was left as it is. Remove this folder from it by hand if needed: $INSTDIR"

Section "!$(SecAppName)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\podium-desktop.exe"
  File "${STAGE}\podium.exe"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\README.txt"
  SetOutPath "$INSTDIR\dictionary"
  File "${STAGE}\dictionary\*.*"
  SetOutPath "$INSTDIR\licenses"
  File "${STAGE}\licenses\*.*"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\podium-desktop.exe,0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecStartName)" SecStart
  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\podium-desktop.exe"
SectionEnd

; Offered in "Open with"; the default program for .md only where none is set (Windows keeps
; the user's own choice of default apps for itself).
Section /o "$(SecAssociateName)" SecAssociate
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "$(DraftType)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\podium-desktop.exe,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\podium-desktop.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\.md\OpenWithProgids" "${PROGID}" ""
  ReadRegStr $0 SHCTX "Software\Classes\.md" ""
  ${If} $0 == ""
    WriteRegStr SHCTX "Software\Classes\.md" "" "${PROGID}"
  ${EndIf}
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "Associated" 1
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section /o "$(SecPathName)" SecPath
  Call ReadPath
  ${If} $1 == "long"
    MessageBox MB_ICONINFORMATION "$(PathTooLong)" /SD IDOK
    Return
  ${EndIf}
  ${WordFind} ";$0;" ";$INSTDIR;" "E+1{" $2
  ${IfNot} ${Errors}
    Goto recorded ; already on it
  ${EndIf}
  ${If} $0 == ""
    StrCpy $0 "$INSTDIR"
  ${Else}
    StrCpy $0 "$0;$INSTDIR"
  ${EndIf}
  Call WritePath
  recorded:
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "AddedToPath" 1
SectionEnd

; The PATH of this install's scope, read whole or not at all: NSIS strings hold 1,024
; characters, and a PATH cut short must never be written back. Sets $1 to "ok", "absent" or
; "long" (not to be changed) and $0 to the PATH ("" unless ok).
!macro READ_PATH_FROM ROOT KEY
  StrCpy $1 "absent"
  StrCpy $5 0
  ${Do}
    ClearErrors
    EnumRegValue $6 ${ROOT} "${KEY}" $5
    ${If} ${Errors}
    ${OrIf} $6 == ""
      ${Break}
    ${EndIf}
    ${If} $6 == "Path"
      StrCpy $1 "ok"
      ${Break}
    ${EndIf}
    IntOp $5 $5 + 1
  ${Loop}
  StrCpy $0 ""
  ${If} $1 == "ok"
    ClearErrors
    ReadRegStr $0 ${ROOT} "${KEY}" "Path"
    ${If} ${Errors}
      StrCpy $1 "long" ; too long for NSIS, or not a string
      StrCpy $0 ""
    ${EndIf}
  ${EndIf}
!macroend

!macro PATH_FUNCTIONS un
Function ${un}ReadPath
  ${If} $AllUsers == 1
    !insertmacro READ_PATH_FROM HKLM "${ENV_MACHINE}"
  ${Else}
    !insertmacro READ_PATH_FROM HKCU "${ENV_USER}"
  ${EndIf}
  StrLen $4 "$0$INSTDIR"
  ${If} $4 >= 1000
    StrCpy $1 "long"
    StrCpy $0 ""
  ${EndIf}
FunctionEnd

; Writes $0 as the PATH of this install's scope (removes it when empty) and tells running
; programs (Explorer: new terminals see it).
Function ${un}WritePath
  ${If} $AllUsers == 1
    ${If} $0 == ""
      DeleteRegValue HKLM "${ENV_MACHINE}" "Path"
    ${Else}
      WriteRegExpandStr HKLM "${ENV_MACHINE}" "Path" "$0"
    ${EndIf}
  ${Else}
    ${If} $0 == ""
      DeleteRegValue HKCU "${ENV_USER}" "Path"
    ${Else}
      WriteRegExpandStr HKCU "${ENV_USER}" "Path" "$0"
    ${EndIf}
  ${EndIf}
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
FunctionEnd
!macroend
!insertmacro PATH_FUNCTIONS ""
!insertmacro PATH_FUNCTIONS "un."

; Per user unless /ALLUSERS; the folder from /D=, else the one of an earlier install, else the
; default of the scope.
Function .onInit
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${If} ${Errors}
    StrCpy $AllUsers 0
    SetShellVarContext current
  ${Else}
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "Admin"
      MessageBox MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
      SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED
      Quit
    ${EndIf}
    StrCpy $AllUsers 1
    SetShellVarContext all
  ${EndIf}
  ${If} $INSTDIR == ""
    ReadRegStr $INSTDIR SHCTX "${UNINSTALL_KEY}" "InstallLocation"
  ${EndIf}
  ${If} $INSTDIR == ""
    ${If} $AllUsers == 1
      StrCpy $INSTDIR "$PROGRAMFILES64\${PRODUCT}"
    ${Else}
      StrCpy $INSTDIR "$LOCALAPPDATA\Programs\${PRODUCT}"
    ${EndIf}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/ASSOCIATE" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecAssociate}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/ADDTOPATH" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecPath}
  ${EndIf}
FunctionEnd

; For all users when the machine-wide registration names this folder.
Function un.onInit
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    StrCpy $AllUsers 1
    SetShellVarContext all
  ${Else}
    StrCpy $AllUsers 0
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ReadRegDWORD $0 SHCTX "${UNINSTALL_KEY}" "AddedToPath"
  ${If} $0 = 1
    Call un.ReadPath
    ${If} $1 == "long"
      MessageBox MB_ICONINFORMATION "$(PathLeft)" /SD IDOK
    ${ElseIf} $1 == "ok"
      ${WordReplace} ";$0;" ";$INSTDIR;" ";" "+" $0
      StrCpy $0 $0 "" 1
      StrCpy $0 $0 -1
      Call un.WritePath
    ${EndIf}
  ${EndIf}
  ReadRegDWORD $0 SHCTX "${UNINSTALL_KEY}" "Associated"
  ${If} $0 = 1
    DeleteRegValue SHCTX "Software\Classes\.md\OpenWithProgids" "${PROGID}"
    ReadRegStr $1 SHCTX "Software\Classes\.md" ""
    ${If} $1 == "${PROGID}"
      DeleteRegValue SHCTX "Software\Classes\.md" ""
    ${EndIf}
    DeleteRegKey SHCTX "Software\Classes\${PROGID}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ${EndIf}
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$INSTDIR\podium-desktop.exe"
  Delete "$INSTDIR\podium.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\README.txt"
  RMDir /r "$INSTDIR\dictionary"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd
