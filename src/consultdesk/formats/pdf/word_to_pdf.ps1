# Convert a .docx to PDF with Microsoft Word (Windows), through Word's COM automation.
#   powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -File word_to_pdf.ps1 SOURCE TARGET
# Exit 0 with TARGET written, else 1 with the reason on stderr. Word stays invisible; a Word
# the user already had open keeps running (only an instance with no documents left is quit).
param(
    [Parameter(Mandatory = $true)][string]$Source,
    [Parameter(Mandatory = $true)][string]$Target
)
$ErrorActionPreference = 'Stop'
$wdExportFormatPDF = 17
$wdExportOptimizeForPrint = 0
$wdExportAllDocument = 0
$wdExportDocumentContent = 0
$wdExportCreateHeadingBookmarks = 1
$word = $null
try {
    $word = New-Object -ComObject Word.Application
    $word.Visible = $false
    $word.DisplayAlerts = 0  # wdAlertsNone: no dialog may wait for a user who cannot see it
    # Open(FileName, ConfirmConversions, ReadOnly, AddToRecentFiles)
    $doc = $word.Documents.Open($Source, $false, $true, $false)
    try {
        # ExportAsFixedFormat(OutputFileName, ExportFormat, OpenAfterExport, OptimizeFor, Range,
        #   From, To, Item, IncludeDocProps, KeepIRM, CreateBookmarks, DocStructureTags,
        #   BitmapMissingFonts, UseISO19005_1): headings become PDF bookmarks, tags for
        #   screen readers, document properties (title, author) kept.
        $doc.ExportAsFixedFormat($Target, $wdExportFormatPDF, $false, $wdExportOptimizeForPrint,
            $wdExportAllDocument, 1, 1, $wdExportDocumentContent, $true, $true,
            $wdExportCreateHeadingBookmarks, $true, $true, $false)
    }
    finally {
        $doc.Close($false)  # SaveChanges: wdDoNotSaveChanges
    }
    exit 0
}
catch {
    [Console]::Error.WriteLine($_.Exception.Message)
    exit 1
}
finally {
    if ($null -ne $word) {
        if ($word.Documents.Count -eq 0) { $word.Quit($false) }
        [void][System.Runtime.InteropServices.Marshal]::ReleaseComObject($word)
    }
}
