<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CliApp</name>
    <message>
        <source> (give it with --password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 takes no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no FILE given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: one FILE only (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 does not apply to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--embed-resources and --external-resources exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--dpi, --width and --height exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--index must be a number from 1 (see folio-cli attachments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs --out DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extract needs exactly one of --index N, --name NAME or --all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mixed (page 1: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: wrote %1 to %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: %1 has no attachments
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no attachment %2 (it has %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no attachment named &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 attachments named &quot;%3&quot;; use --index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: wrote %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-entry-size must be a size such as 2G, 512M or 0 for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-total-size must be a size such as 8G, 512M or 0 for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-ratio must be a whole number, 0 for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-entries must be a whole number, 0 for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--dpi must be a number from 1 to 4800, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a whole number of pixels from 1 to 1000000, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quality must be from 1 to 100, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--threads must be from 1 to 256, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--embed-resources applies to --format html only; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quality applies to --format jpg only; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --format &quot;%1&quot;: use png, jpg, html or pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--external-resources applies to --format html only, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--rotate must be 0, 90, 180 or 270, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--watermark needs a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs --watermark TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--watermark-color &quot;%1&quot; is not a colour: use a name such as red, or #RRGGBB, or #AARRGGBB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--watermark-size must be from 4 to 1000 points, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--watermark-angle must be from -360 to 360 degrees, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; choose another --out folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: wrote %1 (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find: one FILE and one TEXT only; quote a TEXT with spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out %1: the folder name is not valid UTF-8; choose another folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find: no TEXT given (folio-cli find FILE TEXT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>find: TEXT is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--archive-encoding: &quot;%1&quot; is not a code page this system knows (see iconv -l)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid page list &quot;%1&quot; at &quot;%2&quot;: use numbers and ranges such as 1,3-5,8-, or labels that name one page each (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli info --json lists them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this document has no page labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be searched; the first: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: 1 match
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: %1 matches
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: %1 holds no files; nothing to write
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 entries could not be extracted (listed above); the other %3 were written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown --colors &quot;%1&quot;: use %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs --colors custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot; is not a colour: use a name such as black, or #RRGGBB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--colors custom needs --paper COLOR and/or --ink COLOR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--keep-pictures needs --colors other than normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: %1 has no annotations on these pages
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folio-cli: %1 has no annotations
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AcroForm (1 field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AcroForm (%1 fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XFA (not supported)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::Annotation</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strike-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squiggly underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insertion mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other annotation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::AnnotationPanel</name>
    <message>
        <source>Page %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading annotations… page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no annotations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made here, saved in a copy (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made here, not saved yet (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading annotations… page %1 (the document is still being read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading annotations… page %1 of %2 so far</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ArchiveBackend</name>
    <message>
        <source>Archives</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::AttachmentExporter</name>
    <message>
        <source>Attachment %1 does not exist (the document has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chosen file name needs exactly one attachment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::AttachmentPanel</name>
    <message>
        <source>Save Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All Attachments Into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the attachment in a new tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the attachment to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;All…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every attachment into a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachments cannot be read while the window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the attachments of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachments could not be read.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the attachments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be opened: no temporary folder could be created.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the attachments of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the attachments of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be saved to %2.

%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachments could not be saved into %1. No file was written.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be opened.

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Some Attachments Were Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 attachments could not be saved into %3; the other %4 were.

%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::CancellableDevice</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ChmBackend</name>
    <message>
        <source>Compiled HTML Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ChmBook</name>
    <message>
        <source>Cannot create a temporary file for the CHM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CHM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write a temporary copy of the CHM file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ChunkedIo</name>
    <message>
        <source>Read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1, over the in-memory limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is larger than the in-memory limit of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ComicBackend</name>
    <message>
        <source>Comic books</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::CompressedBackend</name>
    <message>
        <source>Compressed files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a compressed file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compressed data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-compressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 file is empty once decompressed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::DjvuBackend</name>
    <message>
        <source>DjVu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::Document</name>
    <message>
        <source>Page %1 does not exist (the document has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid render request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 at %2 dpi would be %3×%4 pixels, over the limit of %5 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 could not be rendered (out of memory?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment %1 does not exist (the document has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output device is not open for writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no text positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages cannot be drawn as vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages have no flowing text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid flow request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document cannot be drawn as vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no flowing text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 has %2 annotations, over the limit of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 has %2 form fields, over the limit of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::DocumentOpener</name>
    <message>
        <source>Reloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reload %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is protected by a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Open Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio could not open “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1
Error: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could Not Open Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio could not open %1 documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::DocumentView</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnails of the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an XFA form, which Folio cannot show or fill in: the pages are what the file keeps for readers without XFA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document is a form: fill in its fields, then keep what you typed with File ▸ Save a Copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight Fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::EmailBackend</name>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook TNEF message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: message %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the mailbox holds no message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::EpubBackend</name>
    <message>
        <source>EPUB e-books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EPUB document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pictures, one per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG pictures, one per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML pages, one per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;PNG&lt;/b&gt; keeps every detail. &lt;b&gt;JPEG&lt;/b&gt; files are smaller, best for photographs. &lt;b&gt;HTML&lt;/b&gt; keeps the text selectable and searchable. &lt;b&gt;PDF&lt;/b&gt; puts the pages into one document.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rotated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90° clockwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upside down (180°)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>90° counter-clockwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns every exported page; the document itself does not change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher keeps more detail in bigger files; 90 is hard to tell from the original. Only JPEG has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside each page file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a “resources” folder beside the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside: every page is one file that can be mailed on its own. In a folder: each picture is written once, and the pages are smaller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forma&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;solution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG &amp;quality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML &amp;pictures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;otate pages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every page of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every page of the document, however many it turns out to have (it is still being read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the page on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1,3-5,8-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Pages and ranges separated by commas, written in this order: &lt;b&gt;1,3-5&lt;/b&gt;; &lt;b&gt;8-&lt;/b&gt; runs to the last page, &lt;b&gt;5-3&lt;/b&gt; counts down.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Pixels per inch of the page pictures: 96 matches a screen at 100%, 150 is sharp on screen, 300 is for printing. PDF and HTML use it for the pictures in the pages.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed &amp;width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make every page picture this many pixels wide instead, whatever its paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Water&amp;mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes a text such as DRAFT across every page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. DRAFT or CONFIDENTIAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour and how see-through it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text&apos;s size; a text too long for the page is made smaller to fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockwise turn of the text: 0 is level, −45 rises to the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An&amp;gle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder the files go into; it is created when missing. Files of the same names already there are replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1-export</source>
        <extracomment>The folder proposed for an export: the document&apos;s name without its extension.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2% opaque</source>
        <extracomment>A colour and its opacity: &quot;#C80000, 31% opaque&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watermark Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the pages to export, such as 1,3-5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no page to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It replaces the file of that name already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes page-1.%1, page-2.%1 and so on: one file per page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes “%1” and “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes %1 files, “%2” … “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their pictures go into “resources”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the same name already there will be replaced.</source>
        <translation>
            <numerusform>%n file of the same name already there will be replaced.</numerusform>
            <numerusform>%n files of the same name already there will be replaced.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the text to write across the pages, or turn the watermark off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the folder&apos;s full path, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This would replace “%1” itself: choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pages&apos; colours, as View ▸ Colours shows them. Turned pages are exported as pictures (with their text in PDF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page co&amp;lours:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ExportJob</name>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be exported to %2. No file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. The time limit is set in Preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1
Folder: %2
Error: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::Exporter</name>
    <message>
        <source>%1 would replace the document itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pages to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::Fb2Backend</name>
    <message>
        <source>FictionBook e-books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ZIP file holds no .fb2 book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FictionBook document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::FindBar</name>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search with a regular expression (Perl syntax), such as error|warn(ing)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search on from the page where the search stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::FindController</name>
    <message>
        <source>Searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n page(s) could not be searched)</source>
        <translation>
            <numerusform>(%n page could not be searched)</numerusform>
            <numerusform>(%n pages could not be searched)</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %L1 matches: the search stopped there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (searching… %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search stopped at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (search stopped at %2: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the first %1 pages (Enter searches again once more are counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::FindResultsPanel</name>
    <message>
        <source>p. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(on this page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search with Ctrl+F: the matches are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::HtmlBackend</name>
    <message>
        <source>Web pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page is larger than %1, the most Folio lays out as one page flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web archive holds no HTML page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MHTML web archive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::HtmlExporter</name>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – page %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::HtmlResources</name>
    <message>
        <source>Cannot encode a %1×%2 picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ImageBackend</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::Job</name>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::JobRunner</name>
    <message>
        <source>Out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left before the timeout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::LimitErrors</name>
    <message>
        <source>%1 expands to more than %2, the limit per entry (raise it with --max-entry-size or in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 expands to %2, over the limit of %3 per entry (raise it with --max-entry-size or in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data expands to more than %1, the limit in total (raise it with --max-total-size or in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting would write %1, over the limit of %2 in total (raise it with --max-total-size or in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive has %1 entries, over the limit of %2 (raise it with --max-entries or in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 expands more than %5 times (%3 from %4 so far, %2 times), over the compression ratio limit of %5:1 that guards against zip bombs (raise it with --max-ratio or in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 expands more than %5 times (%3 from %4, %2 times), over the compression ratio limit of %5:1 that guards against zip bombs (raise it with --max-ratio or in Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::LinkOpener</name>
    <message>
        <source>Open Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write an e-mail to this address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this address in your web browser?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link Not Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; is not a web or e-mail address, so Folio does not open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio does not open %1: links (&quot;%2&quot;); only web pages (http, https) and e-mail addresses (mailto) are opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program could open &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link leads to another file, &quot;%1&quot;, which Folio does not open from a link. Open it with File › Open if you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::LocalHtmlBook</name>
    <message>
        <source>“%1” is not next to the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::MainWindow</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the document again from disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous T&amp;ab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show pages at their printed size (100% = 96 pixels per inch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current page (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop counting pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, page %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting pages… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: all pages found: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: counting pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1 · %2 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was removed from disk; Folio keeps showing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> / %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Recent Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Folio %1&lt;/h3&gt;&lt;p&gt;A document viewer that no document can hold hostage: every long operation runs in the background, shows its progress and stops when you press Cancel or Esc, or when its time limit expires.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the document&apos;s file details and metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the document&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate &amp;Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate &amp;Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continuous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll through all pages, or show one page (or pair) at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Two Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show pages side by side, as in a printed book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the comments of word-processing documents, with their text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Speaker &amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the speaker notes of presentations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Hidden Sheets and Slides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the sheets and slides a document marks as hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save pages as PNG or JPEG pictures, HTML pages or a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the pages as they will be printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to where you were before the last jump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go again where Back came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archives and comics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inverted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inverted &amp;Lightness (Colours Kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sepia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Custom Paper and Ink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Pictures As They Are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave photos and comic pages in their own colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;lours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;over Page Alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With two pages: the first page alone, then pairs, as a book opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Right to Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages side by side from right to left, and Left turns forward (manga)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen Last &amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the documents that were open when Folio last closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the pages one at a time on a full screen, for a talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session had no documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session&apos;s documents are no longer there</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) of the last session are no longer there</source>
        <translation>
            <numerusform>%n document of the last session is no longer there</numerusform>
            <numerusform>%n documents of the last session are no longer there</numerusform>
        </translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the document with the annotations made here into another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the selected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Strike Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;quiggly Underline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a note on the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Last Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 •</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (annotated, not saved) — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the text to mark first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on page %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (annotated).%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the document itself. Folio writes annotations into a copy and never over the file it shows; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a copy of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the copy stopped: nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy could not be saved, and no file was written.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved a copy with %n annotation(s) as %1</source>
        <translation>
            <numerusform>Saved a copy with %n annotation as %1</numerusform>
            <numerusform>Saved a copy with %n annotations as %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotations Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has annotations that are not saved in a copy yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These documents have annotations that are not saved in a copy yet: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing loses them. Use File ▸ Save a Copy to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved a copy with %n annotation(s) and the form&apos;s entries as %1</source>
        <translation>
            <numerusform>Saved a copy with %n annotation and the form&apos;s entries as %1</numerusform>
            <numerusform>Saved a copy with %n annotations and the form&apos;s entries as %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Sheet &amp;Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the grid on every sheet, even where its print settings leave it out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Sheet H&amp;eadings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print column letters and row numbers on every sheet, even where its print settings leave them out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Trac&amp;ked Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the tracked changes of word processing documents as markup: insertions underlined, deletions struck through</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::MobiBackend</name>
    <message>
        <source>Mobipocket and Kindle e-books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PalmDoc e-book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kindle e-book (KF8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobipocket e-book</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::NativeFileName</name>
    <message>
        <source>cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name cannot be represented</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::NestedOpener</name>
    <message>
        <source>(stream)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>documents nested more than %1 levels deep (a file inside a file inside a file …) are not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported format: unrecognised binary data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported format: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content is %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no backend reads %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::OutlinePanel</name>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outline could not be read.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the outline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This document has no outline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PageColorModes</name>
    <message>
        <source>Inverted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inverted lightness (colours kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom paper and ink</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PageFailureBar</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry Without Time Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry with %1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PageLinkCache</name>
    <message>
        <source>Go to page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the last page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PageList</name>
    <message>
        <source>Invalid page list &quot;%1&quot; at &quot;%2&quot;: use numbers and ranges such as 1,3-5,8-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 does not exist (the document has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid duration &quot;%1&quot;: use a number with ms, s, m or h (e.g. 500ms, 30s, 2m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration &quot;%1&quot; is too long</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PageSpinBox</name>
    <message>
        <source>pages %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no page %1: the document has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page is called “%1”: the document has %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PageView</name>
    <message>
        <source>Page %1 could not be shown
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PdfEditor</name>
    <message>
        <source>Not a readable PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is encrypted and needs a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not correct for this PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 does not exist (the document has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 is not a text markup (highlight, underline, strike-out or squiggly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 on page %2 marks no region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note on page %1 has no place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotation &quot;%1&quot; was not made by Folio; Folio deletes only its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no annotation &quot;%1&quot; to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; is a push button</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; takes one choice, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a choice of the form field &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; cannot be filled in by Folio (a signature?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no form field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poppler could not write the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The written copy cannot be read back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The written copy has %1 instead of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the written copy cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotation &quot;%1&quot; is still in the written copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The annotation &quot;%1&quot; is missing from the written copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; does not hold its new value in the written copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file to write the copy to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy would replace the document it is made from; choose another file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The destination is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PdfExporter</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the PDF file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 has an invalid size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages can only be turned by multiples of 90 degrees</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PostScriptBackend</name>
    <message>
        <source>PostScript</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PreferencesDialog</name>
    <message>
        <source>Preferences — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered pages of the document on screen are kept up to this size, so scrolling back shows them at once. Documents in other tabs keep an eighth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time limit for long operations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory for rendered pages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening, searching and exporting stop by themselves after this time. Esc or Cancel stops them at any moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> : 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> thousand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive safety limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest &amp;entry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest &amp;total to extract:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest compression &amp;ratio (over 1 MiB):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most e&amp;ntries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archives, comic books and e-books that exceed these are refused before they can fill the memory or the disk. Raise them only for files you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code page of file names in archives that do not say theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry &amp;names without a code page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep pictures as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ink Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents &amp;open in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom &amp;paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom &amp;ink:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen the last session&apos;s documents at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio started without files opens the tabs that were open when it last closed, each at its page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window&apos;s screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 × %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the desktop&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;resentations on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name highlights and notes made in Folio carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthor of annotations:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PresentationBackend</name>
    <message>
        <source>Presentations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PresentationView</name>
    <message>
        <source>Presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PrintController</name>
    <message>
        <source>Scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Shrink oversized pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate landscape pages to fit the paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the print preview of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Preview of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PrintJob</name>
    <message>
        <source>Page %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the printing system (CUPS): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer %1 refused the job: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file to print to was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No printer was chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary file to print: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start printing on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer did not take page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The print job could not be completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no pages to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::PropertiesDialog</name>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIME type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all properties as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no metadata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading properties of</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln byte(s))</source>
        <translation>
            <numerusform>%1 (%Ln byte)</numerusform>
            <numerusform>%1 (%Ln bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) so far, still counting</source>
        <translation>
            <numerusform>%Ln page so far, still counting</numerusform>
            <numerusform>%Ln pages so far, still counting</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2 mm (%3 × %4 pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 landscape, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date and time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Producer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creation date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modification date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linearized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::RasterExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::SafeXmlReader</name>
    <message>
        <source>%1 is not well-formed XML: %2 (line %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ends too early: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declares XML entities, which Folio refuses to expand (they can expand without limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nests elements deeper than the limit of %2 levels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::SpreadsheetBackend</name>
    <message>
        <source>Spreadsheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDocument spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::StagedOutput</name>
    <message>
        <source>%1 exists and is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary file in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot rename to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a symbolic link; Folio does not write through links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a safe relative path: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::Status</name>
    <message>
        <source>Timed out after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by a newer request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled because the application is closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::TextBackend</name>
    <message>
        <source>Text documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No input device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::TextSearch</name>
    <message>
        <source>This document&apos;s format does not support search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid regular expression: %1 (at character %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::ThumbnailPanel</name>
    <message>
        <source>Page %1 could not be shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::Viewer</name>
    <message>
        <source>A document read from a stream cannot be opened twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file was deleted or moved after it was opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed on disk after it was opened; open it again to see the new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder, not a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (its name holds bytes that are not UTF-8; rename the file, or open it with folio-cli)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::WelcomeWidget</name>
    <message>
        <source>Open a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a file here, or choose one with File › Open (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  —  %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::WordProcessingBackend</name>
    <message>
        <source>Word-processing documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::XpsBackend</name>
    <message>
        <source>XPS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::ArchiveDocument</name>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 archive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::ArchiveReader</name>
    <message>
        <source>No readable input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an archive format Folio reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 7z archive is encrypted and needs a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is wrong, or the 7z archive is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable %1 archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable %1 archive: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is compressed with %2, which Folio cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is encrypted; Folio cannot read encrypted ZIP entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 is not a file in the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not where the archive&apos;s directory says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, more than the %3 Folio reads into memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a hard link to a file the archive does not hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not where the archive&apos;s listing said</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::ComicDocument</name>
    <message>
        <source>The comic book holds no images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comic book has %1 pages, over the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comic book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an image: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::CompressedDocument</name>
    <message>
        <source>%1 (%2-compressed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::Decompress</name>
    <message>
        <source>Cannot write the decompressed data to a temporary file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its %2 data cannot be decompressed%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is truncated: its %2 data ends early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it asks for more than %1 of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its %2 data cannot be decompressed (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::EntryDevice</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds more data than the %2 its header declares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be decrypted: the password is wrong or the archive is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: KArchive could not decode this 7z archive&apos;s data (a compression method it does not support, or damage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its compressed data cannot be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is truncated: it ends after %2 of its %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be decrypted: the password is wrong or missing (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its data does not match its CRC-32 (%2 stored, %3 computed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::LibarchivePass</name>
    <message>
        <source>Out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system&apos;s libarchive cannot read this format without an external program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is encrypted and the password is missing or wrong (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::Listing</name>
    <message>
        <source>%1 archive: 1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 archive: %2 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, 1 folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, 1 link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in files, %2 packed%3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions      Size    Packed  Modified          Path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::archive::SevenZipCheck</name>
    <message>
        <source>Not a readable 7z archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad LZMA properties in the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header cannot be decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the compressed header is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7z archives with archive properties are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad streams information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no 7z signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad CRC of the start header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header lies outside the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad CRC of the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown header type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad encoded header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 7z archive&apos;s header is compressed with a method Folio cannot check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 7z archive&apos;s header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad decoded header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 7z archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 7z archive expands to %1 and KArchive decodes 7z archives in memory, over the in-memory limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::book::BookDocument</name>
    <message>
        <source>The document has no readable text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio could not show all of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book has more than %1 pages, the limit of pages per document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::book::MemoryBook</name>
    <message>
        <source>The document has no part “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is larger than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::chm::Archive</name>
    <message>
        <source>Not a readable CHM file (CHMlib cannot read its directory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CHM file holds no files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CHM file has no file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CHM file&apos;s directory names %1, which cannot be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 claims an impossible size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, over the %3 Folio reads of such a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged or truncated (CHMlib read %2 of its %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table of contents has more than %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CHM file has no topic to show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::djvu::DjvuDocument</name>
    <message>
        <source>DjVu document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DjVu library could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DjVu file is damaged or truncated%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DjVu document keeps its pages in other files; only bundled documents are read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DjVu file has no pages%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has %1 pages, over the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the DjVu file is damaged%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 claims %2×%3 pixels, over the limit of %4 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the DjVu file could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::email::EmailDocument</name>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::email::MimeReader</name>
    <message>
        <source>%1: the MIME parts nest deeper than %2 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the message declares more than %2 nested MIME containers (multipart or message parts): refused as a MIME bomb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not an Internet message (no header could be read)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::email::OutlookMessage</name>
    <message>
        <source>%1: the stream %2 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not a readable Outlook message: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attached Outlook item (%1) is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment-%1.dat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::email::TnefReader</name>
    <message>
        <source>%1: not a readable TNEF stream (winmail.dat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message.rtf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment-%1.dat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::epub::Package</name>
    <message>
        <source>The EPUB has no file “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is encrypted (DRM), which Folio cannot read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an EPUB: META-INF/container.xml is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an EPUB: META-INF/container.xml names no package document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EPUB&apos;s package document “%1” (named by META-INF/container.xml) is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EPUB&apos;s spine lists no readable document (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The EPUB is protected by DRM (“%1” is encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable EPUB (ZIP) file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::fb2::Fb2Converter</name>
    <message>
        <source>Not a FictionBook: its root element is &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FictionBook has no text (no &lt;body&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picture “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FictionBook has more than %1 top-level sections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::html::LenientHtml</name>
    <message>
        <source>%1 is too large to be read as HTML (%2 MB; the limit is %3 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may nest elements %2 levels deep, over the limit of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read as HTML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::html::Mhtml</name>
    <message>
        <source>The web archive nests multipart sections more than %1 deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The web archive has more than %1 parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part %1 of the web archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A multipart section of the web archive has no valid boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A multipart section of the web archive has no parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a web archive: its content is not multipart/related</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::image::RasterDocument</name>
    <message>
        <source>%1 image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is not an image Qt can read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has more than %1 frames, the limit of pages per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to decode the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 of the image is %2×%3 pixels, over the limit of %4 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is %1×%2 pixels, over the limit of %3 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 of the image is damaged or truncated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is damaged or truncated: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::image::SvgDocument</name>
    <message>
        <source>SVG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressed SVG (svgz) is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtSvg cannot read this SVG document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::image::SvgScanner</name>
    <message>
        <source>Invalid SVG at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SVG nests elements deeper than the limit of %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an SVG document: the root element is &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::mobi::Reader</name>
    <message>
        <source>The book has more than %1 page breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libmobi could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book could not be read from memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book is protected by DRM (digital rights management), which Folio does not remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable Mobipocket book (libmobi: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book&apos;s text size is not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book&apos;s text is not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book&apos;s text is not readable (libmobi: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book has more than %1 parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book has no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable Mobipocket book: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ends inside its header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has no records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file claims %1 records, more than it can hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 starts outside the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::office::Chart</name>
    <message>
        <source>%1 has more than %2 elements: not drawn as a chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart&apos;s part is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an embedded object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::office::Package</name>
    <message>
        <source>No input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the part is missing from the package</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::office::math</name>
    <message>
        <source>%1 holds no MathML formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an embedded object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::pdf::PdfDocument</name>
    <message>
        <source>Not a readable PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is encrypted and needs a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is not correct for this PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has no pages (its page tree is broken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has %1 pages, over the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 could not be rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 has %2 annotations, over the limit of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::pdf::PdfPictureFinder</name>
    <message>
        <source>Not a readable PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::postscript::PostScriptDocument</name>
    <message>
        <source>libspectre could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a PostScript file libspectre can read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostScript file has no pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostScript file has %1 pages, over the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libspectre did not finish reading the PostScript file&apos;s DSC comments within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write a temporary copy for Ghostscript: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EPS image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostScript document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start Ghostscript: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghostscript did not finish the PostScript program within %1 s (it may loop forever)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghostscript stopped without rendering the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghostscript could not render the page (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghostscript rendered the page at an unexpected size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory for a page of %1 × %2 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghostscript stopped in the middle of the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages %1 to %2 of the PostScript file have more than %3 MiB of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ghostscript stopped before giving the page&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::presentation::PresentationDocument</name>
    <message>
        <source>the presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenDocument presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerPoint presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 slides, more than the limit of %3 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to render slide %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::presentation::SlidePainter</name>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::spreadsheet::OdsReader</name>
    <message>
        <source>%1 has no content.xml part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::spreadsheet::SheetDocument</name>
    <message>
        <source>The workbook has more than %1 pages, the page limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workbook has no visible sheets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::spreadsheet::XlsxReader</name>
    <message>
        <source>%1 has no workbook part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::text::CsvDocument</name>
    <message>
        <source>CSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSV table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::text::MarkdownDocument</name>
    <message>
        <source>Markdown document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has more than %1 pages, the limit of pages per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::text::PlainTextDocument</name>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::text::StreamedDocument</name>
    <message>
        <source>The document has more than %1 pages, the limit of pages per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::text::TextPage</name>
    <message>
        <source>Text documents need fonts, which are only available in a graphical application (QGuiApplication)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::wordprocessing::FlowDocument</name>
    <message>
        <source>The document has more than %1 pages, the limit of pages per document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::wordprocessing::FlowTableBuilder</name>
    <message numerus="yes">
        <source>[%n more table rows not shown]</source>
        <translation>
            <numerusform>[%n more table row not shown]</numerusform>
            <numerusform>[%n more table rows not shown]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::wordprocessing::docx::DocxReader</name>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::wordprocessing::odt::OdtReader</name>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::xps::Package</name>
    <message>
        <source>The XPS package has no _rels/.rels part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XPS package has no FixedDocumentSequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The FixedDocument %1 named by the FixedDocumentSequence is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XPS document has more than %1 pages, the limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>folio::xps::XpsDocument</name>
    <message>
        <source>libgxps cannot read the XPS file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XPS file has no documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document %1 of the XPS file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XPS file has more than %1 pages, the limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the XPS file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the XPS file has no valid size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XPS file has no pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the temporary copy for libgxps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture claims %1×%2 pixels, over the limit of %3 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An XPS document is a ZIP package; this is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write a temporary copy for libgxps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenXPS document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XPS document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the XPS file cannot be drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A document viewer that no document can hold hostage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show page N (from 1) of the first document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop operations after DURATION (500ms, 2s, 1m; 0 = no limit). Overrides the saved setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page needs a page number from 1, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a window of its own, even when Folio is already running (the files otherwise open as tabs of the running window). --timeout implies it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
