; Inno Setup script: a per-user installer for ConsultDesk (no administrator rights).
;
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\ConsultDesk packaging\windows\consultdesk.iss
;
; Installs dist\ConsultDesk (PyInstaller's one-folder app) into
; %LOCALAPPDATA%\Programs\ConsultDesk, with a Start menu entry and an uninstaller;
; the user's drafts (%LOCALAPPDATA%\ConsultDesk) are never touched by uninstalling.
; For Group Policy deployment to every user of a machine, run the same installer with
; /ALLUSERS from an elevated context (it then installs under Program Files).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ConsultDesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; A fixed id: an upgrade replaces the installed version instead of adding a second one.
AppId={{6C5F3B0E-8D1A-4C2B-9E47-2F0A9D3C7B15}
AppName=ConsultDesk
AppVersion={#AppVersion}
AppVerName=ConsultDesk {#AppVersion}
AppPublisher=ConsultDesk developers
DefaultDirName={autopf}\ConsultDesk
DefaultGroupName=ConsultDesk
DisableProgramGroupPage=yes
; Per user by default, no UAC prompt; the user may still choose "for all users" when admin.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=ConsultDesk-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\consultdesk.ico
UninstallDisplayIcon={app}\ConsultDesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The app must not be running while its files are replaced.
CloseApplications=yes
RestartApplications=no
MinVersion=10.0

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ConsultDesk"; Filename: "{app}\ConsultDesk.exe"
Name: "{autodesktop}\ConsultDesk"; Filename: "{app}\ConsultDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ConsultDesk.exe"; Description: "{cm:LaunchProgram,ConsultDesk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app itself left beside its program files (none of the user's data).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
