-- Convert a .docx to PDF with Microsoft Word (macOS).
--   osascript word_to_pdf.applescript SOURCE TARGET
-- Both paths are POSIX paths inside Word's sandbox container (ConsultDesk copies the
-- document there first), so Word needs no "Grant File Access" prompt. Exit 0 with
-- TARGET written; an error ends osascript with a non-zero status and the reason on stderr.
on run argv
	set sourcePath to item 1 of argv
	set targetPath to item 2 of argv
	set wasRunning to application "Microsoft Word" is running
	tell application "Microsoft Word"
		open (POSIX file sourcePath) with read only
		set theDocument to active document
		try
			save as theDocument file name targetPath file format format PDF
		on error message
			close theDocument saving no
			error message
		end try
		close theDocument saving no
		-- Leave a Word the user had open as it was; quit one started for this export.
		if not wasRunning and (count of documents) is 0 then quit saving no
	end tell
end run
