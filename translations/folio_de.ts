<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CliApp</name>
    <message>
        <source> (give it with --password)</source>
        <translation> (mit --password angeben)</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>unbekannte Option --%1</translation>
    </message>
    <message>
        <source>--%1 needs a value</source>
        <translation>--%1 erwartet einen Wert</translation>
    </message>
    <message>
        <source>--%1 takes no value</source>
        <translation>--%1 erwartet keinen Wert</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>%1: no FILE given</source>
        <translation>%1: keine DATEI angegeben</translation>
    </message>
    <message>
        <source>%1: one FILE only (got %2)</source>
        <translation>%1: nur eine DATEI (erhalten: %2)</translation>
    </message>
    <message>
        <source>--%1 does not apply to %2</source>
        <translation>--%1 gilt nicht für %2</translation>
    </message>
    <message>
        <source>--embed-resources and --external-resources exclude each other</source>
        <translation>--embed-resources und --external-resources schließen einander aus</translation>
    </message>
    <message>
        <source>--dpi, --width and --height exclude each other</source>
        <translation>--dpi, --width und --height schließen einander aus</translation>
    </message>
    <message>
        <source>--index must be a number from 1 (see folio-cli attachments)</source>
        <translation>--index muss eine Zahl ab 1 sein (siehe folio-cli attachments)</translation>
    </message>
    <message>
        <source>%1 needs --out DIR</source>
        <translation>%1 erwartet --out ORDNER</translation>
    </message>
    <message>
        <source>extract needs exactly one of --index N, --name NAME or --all</source>
        <translation>extract erwartet genau eine der Optionen --index N, --name NAME oder --all</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Öffne</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lese</translation>
    </message>
    <message>
        <source>Counting pages</source>
        <translation>Zähle Seiten</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>mixed (page 1: %1)</source>
        <translation>gemischt (Seite 1: %1)</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Zeichne</translation>
    </message>
    <message>
        <source>folio-cli: wrote %1 to %2
</source>
        <translation>folio-cli: %1 nach %2 geschrieben
</translation>
    </message>
    <message>
        <source>folio-cli: %1 has no attachments
</source>
        <translation>folio-cli: %1 hat keine Anhänge
</translation>
    </message>
    <message>
        <source>%1 has no attachments</source>
        <translation>%1 hat keine Anhänge</translation>
    </message>
    <message>
        <source>%1 has no attachment %2 (it has %3)</source>
        <translation>%1 hat keinen Anhang %2 (es hat %3)</translation>
    </message>
    <message>
        <source>%1 has no attachment named &quot;%2&quot;</source>
        <translation>%1 hat keinen Anhang namens „%2“</translation>
    </message>
    <message>
        <source>%1 has %2 attachments named &quot;%3&quot;; use --index</source>
        <translation>%1 hat %2 Anhänge namens „%3“; verwenden Sie --index</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Entpacke</translation>
    </message>
    <message>
        <source>folio-cli: wrote %1
</source>
        <translation>folio-cli: %1 geschrieben
</translation>
    </message>
    <message>
        <source>--max-entry-size must be a size such as 2G, 512M or 0 for no limit</source>
        <translation>--max-entry-size muss eine Größe wie 2G oder 512M sein, oder 0 für keine Begrenzung</translation>
    </message>
    <message>
        <source>--max-total-size must be a size such as 8G, 512M or 0 for no limit</source>
        <translation>--max-total-size muss eine Größe wie 8G oder 512M sein, oder 0 für keine Begrenzung</translation>
    </message>
    <message>
        <source>--max-ratio must be a whole number, 0 for no limit</source>
        <translation>--max-ratio muss eine ganze Zahl sein, 0 für keine Begrenzung</translation>
    </message>
    <message>
        <source>--max-entries must be a whole number, 0 for no limit</source>
        <translation>--max-entries muss eine ganze Zahl sein, 0 für keine Begrenzung</translation>
    </message>
    <message>
        <source>--dpi must be a number from 1 to 4800, not &quot;%1&quot;</source>
        <translation>--dpi muss eine Zahl von 1 bis 4800 sein, nicht „%1“</translation>
    </message>
    <message>
        <source>--%1 must be a whole number of pixels from 1 to 1000000, not &quot;%2&quot;</source>
        <translation>--%1 muss eine ganze Pixelzahl von 1 bis 1000000 sein, nicht „%2“</translation>
    </message>
    <message>
        <source>--quality must be from 1 to 100, not &quot;%1&quot;</source>
        <translation>--quality muss zwischen 1 und 100 liegen, nicht „%1“</translation>
    </message>
    <message>
        <source>--threads must be from 1 to 256, not &quot;%1&quot;</source>
        <translation>--threads muss zwischen 1 und 256 liegen, nicht „%1“</translation>
    </message>
    <message>
        <source>--embed-resources applies to --format html only; ignored</source>
        <translation>--embed-resources gilt nur für --format html; wird ignoriert</translation>
    </message>
    <message>
        <source>--quality applies to --format jpg only; ignored</source>
        <translation>--quality gilt nur für --format jpg; wird ignoriert</translation>
    </message>
    <message>
        <source>unknown --format &quot;%1&quot;: use png, jpg, html or pdf</source>
        <translation>unbekanntes --format „%1“: Verwenden Sie png, jpg, html oder pdf</translation>
    </message>
    <message>
        <source>--external-resources applies to --format html only, not %1</source>
        <translation>--external-resources gilt nur für --format html, nicht für %1</translation>
    </message>
    <message>
        <source>--rotate must be 0, 90, 180 or 270, not &quot;%1&quot;</source>
        <translation>--rotate muss 0, 90, 180 oder 270 sein, nicht „%1“</translation>
    </message>
    <message>
        <source>--watermark needs a text</source>
        <translation>--watermark erwartet einen Text</translation>
    </message>
    <message>
        <source>--%1 needs --watermark TEXT</source>
        <translation>--%1 erfordert --watermark TEXT</translation>
    </message>
    <message>
        <source>--watermark-color &quot;%1&quot; is not a colour: use a name such as red, or #RRGGBB, or #AARRGGBB</source>
        <translation>--watermark-color „%1“ ist keine Farbe: Verwenden Sie einen Namen wie red, #RRGGBB oder #AARRGGBB</translation>
    </message>
    <message>
        <source>--watermark-size must be from 4 to 1000 points, not &quot;%1&quot;</source>
        <translation>--watermark-size muss zwischen 4 und 1000 Punkt liegen, nicht „%1“</translation>
    </message>
    <message>
        <source>--watermark-angle must be from -360 to 360 degrees, not &quot;%1&quot;</source>
        <translation>--watermark-angle muss zwischen -360 und 360 Grad liegen, nicht „%1“</translation>
    </message>
    <message>
        <source>%1; choose another --out folder</source>
        <translation>%1; wählen Sie einen anderen Ordner für --out</translation>
    </message>
    <message>
        <source>folio-cli: wrote %1 (%2)
</source>
        <translation>folio-cli: %1 geschrieben (%2)
</translation>
    </message>
    <message>
        <source>find: one FILE and one TEXT only; quote a TEXT with spaces</source>
        <translation>find: nur eine DATEI und ein TEXT; setzen Sie einen TEXT mit Leerzeichen in Anführungszeichen</translation>
    </message>
    <message>
        <source>--out %1: the folder name is not valid UTF-8; choose another folder</source>
        <translation>--out %1: Der Ordnername ist kein gültiges UTF-8; wählen Sie einen anderen Ordner</translation>
    </message>
    <message>
        <source>find: no TEXT given (folio-cli find FILE TEXT)</source>
        <translation>find: kein TEXT angegeben (folio-cli find DATEI TEXT)</translation>
    </message>
    <message>
        <source>find: TEXT is empty</source>
        <translation>find: TEXT ist leer</translation>
    </message>
    <message>
        <source>--archive-encoding: &quot;%1&quot; is not a code page this system knows (see iconv -l)</source>
        <translation>--archive-encoding: „%1“ ist keine Codepage, die dieses System kennt (siehe iconv -l)</translation>
    </message>
    <message>
        <source>Invalid page list &quot;%1&quot; at &quot;%2&quot;: use numbers and ranges such as 1,3-5,8-, or labels that name one page each (%3)</source>
        <translation>Ungültige Seitenliste „%1“ bei „%2“: Verwenden Sie Zahlen und Bereiche wie 1,3-5,8- oder Seitenbezeichnungen, die jeweils genau eine Seite benennen (%3)</translation>
    </message>
    <message>
        <source>folio-cli info --json lists them</source>
        <translation>folio-cli info --json listet sie auf</translation>
    </message>
    <message>
        <source>this document has no page labels</source>
        <translation>dieses Dokument hat keine Seitenbezeichnungen</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>%1 could not be searched; the first: %2</source>
        <translation>Nicht durchsuchbar: %1; die erste: %2</translation>
    </message>
    <message>
        <source>folio-cli: 1 match
</source>
        <translation>folio-cli: 1 Treffer
</translation>
    </message>
    <message>
        <source>folio-cli: %1 matches
</source>
        <translation>folio-cli: %1 Treffer
</translation>
    </message>
    <message>
        <source>folio-cli: %1 holds no files; nothing to write
</source>
        <translation>folio-cli: %1 enthält keine Dateien; nichts zu schreiben
</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <source>%1 of %2 entries could not be extracted (listed above); the other %3 were written</source>
        <translation>%1 von %2 Einträgen konnten nicht entpackt werden (oben aufgeführt); die übrigen %3 wurden geschrieben</translation>
    </message>
    <message>
        <source>unknown --colors &quot;%1&quot;: use %2</source>
        <translation>unbekannte --colors &quot;%1&quot;: möglich sind %2</translation>
    </message>
    <message>
        <source>--%1 needs --colors custom</source>
        <translation>--%1 braucht --colors custom</translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot; is not a colour: use a name such as black, or #RRGGBB</source>
        <translation>--%1 &quot;%2&quot; ist keine Farbe: einen Namen wie black oder #RRGGBB angeben</translation>
    </message>
    <message>
        <source>--colors custom needs --paper COLOR and/or --ink COLOR</source>
        <translation>--colors custom braucht --paper FARBE und/oder --ink FARBE</translation>
    </message>
    <message>
        <source>--keep-pictures needs --colors other than normal</source>
        <translation>--keep-pictures braucht --colors außer normal</translation>
    </message>
    <message>
        <source>folio-cli: %1 has no annotations on these pages
</source>
        <translation>folio-cli: %1 hat auf diesen Seiten keine Anmerkungen
</translation>
    </message>
    <message>
        <source>folio-cli: %1 has no annotations
</source>
        <translation>folio-cli: %1 hat keine Anmerkungen
</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>AcroForm (1 field)</source>
        <translation>AcroForm (1 Feld)</translation>
    </message>
    <message>
        <source>AcroForm (%1 fields)</source>
        <translation>AcroForm (%1 Felder)</translation>
    </message>
    <message>
        <source>XFA (not supported)</source>
        <translation>XFA (nicht unterstützt)</translation>
    </message>
</context>
<context>
    <name>folio::Annotation</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Text box</source>
        <translation>Textfeld</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Hervorhebung</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Unterstreichung</translation>
    </message>
    <message>
        <source>Strike-out</source>
        <translation>Durchstreichung</translation>
    </message>
    <message>
        <source>Squiggly underline</source>
        <translation>Wellenlinie</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <source>Attached file</source>
        <translation>Angehängte Datei</translation>
    </message>
    <message>
        <source>Insertion mark</source>
        <translation>Einfügemarke</translation>
    </message>
    <message>
        <source>Other annotation</source>
        <translation>Andere Anmerkung</translation>
    </message>
</context>
<context>
    <name>folio::AnnotationPanel</name>
    <message>
        <source>Page %1: %2</source>
        <translation>Seite %1: %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Page %1 (%2)</source>
        <translation>Seite %1 (%2)</translation>
    </message>
    <message>
        <source>Reading annotations… page %1 of %2</source>
        <translation>Anmerkungen werden gelesen … Seite %1 von %2</translation>
    </message>
    <message>
        <source>This document has no annotations.</source>
        <translation>Dieses Dokument hat keine Anmerkungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n Anmerkung</numerusform>
            <numerusform>%n Anmerkungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>Nicht gelesen: %1</translation>
    </message>
    <message>
        <source>Made here, saved in a copy (%1)</source>
        <translation>Hier gemacht, in einer Kopie gespeichert (%1)</translation>
    </message>
    <message>
        <source>Made here, not saved yet (%1)</source>
        <translation>Hier gemacht, noch nicht gespeichert (%1)</translation>
    </message>
    <message>
        <source>Page %1 · %2</source>
        <translation>Seite %1 · %2</translation>
    </message>
    <message>
        <source>Reading annotations… page %1 (the document is still being read)</source>
        <translation>Anmerkungen werden gelesen… Seite %1 (das Dokument wird noch gelesen)</translation>
    </message>
    <message>
        <source>Reading annotations… page %1 of %2 so far</source>
        <translation>Anmerkungen werden gelesen… Seite %1 von bisher %2</translation>
    </message>
</context>
<context>
    <name>folio::ArchiveBackend</name>
    <message>
        <source>Archives</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>folio::AttachmentExporter</name>
    <message>
        <source>Attachment %1 does not exist (the document has %2)</source>
        <translation>Anhang %1 existiert nicht (das Dokument hat %2)</translation>
    </message>
    <message>
        <source>A chosen file name needs exactly one attachment</source>
        <translation>Ein gewählter Dateiname erfordert genau einen Anhang</translation>
    </message>
</context>
<context>
    <name>folio::AttachmentPanel</name>
    <message>
        <source>Save Attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Save All Attachments Into</source>
        <translation>Alle Anhänge speichern in</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Open the attachment in a new tab</source>
        <translation>Den Anhang in einem neuen Tab öffnen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern …</translation>
    </message>
    <message>
        <source>Save the attachment to a file</source>
        <translation>Den Anhang in eine Datei speichern</translation>
    </message>
    <message>
        <source>Save &amp;All…</source>
        <translation>&amp;Alle speichern …</translation>
    </message>
    <message>
        <source>Save every attachment into a folder</source>
        <translation>Alle Anhänge in einen Ordner speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>The attachments cannot be read while the window closes.</source>
        <translation>Die Anhänge können nicht gelesen werden, während das Fenster geschlossen wird.</translation>
    </message>
    <message>
        <source>Reading the attachments of</source>
        <translation>Lese Anhänge von</translation>
    </message>
    <message>
        <source>The attachments could not be read.
%1</source>
        <translation>Die Anhänge konnten nicht gelesen werden.
%1</translation>
    </message>
    <message>
        <source>Reading the attachments…</source>
        <translation>Anhänge werden gelesen …</translation>
    </message>
    <message>
        <source>This document has no attachments</source>
        <translation>Dieses Dokument hat keine Anhänge</translation>
    </message>
    <message>
        <source>Opening Failed</source>
        <translation>Öffnen fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” could not be opened: no temporary folder could be created.

%2</source>
        <translation>„%1“ konnte nicht geöffnet werden: Es konnte kein temporärer Ordner angelegt werden.

%2</translation>
    </message>
    <message>
        <source>the attachments of %1</source>
        <translation>die Anhänge von %1</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Speichere</translation>
    </message>
    <message>
        <source>Saving the attachments</source>
        <translation>Speichere Anhänge</translation>
    </message>
    <message>
        <source>Saving the attachments of</source>
        <translation>Speichere Anhänge von</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Öffne</translation>
    </message>
    <message>
        <source>Saving Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” could not be saved to %2.

%3</source>
        <translation>„%1“ konnte nicht unter %2 gespeichert werden.

%3</translation>
    </message>
    <message>
        <source>The attachments could not be saved into %1. No file was written.

%2</source>
        <translation>Die Anhänge konnten nicht in %1 gespeichert werden. Es wurde keine Datei geschrieben.

%2</translation>
    </message>
    <message>
        <source>“%1” could not be opened.

%2</source>
        <translation>„%1“ konnte nicht geöffnet werden.

%2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Some Attachments Were Not Saved</source>
        <translation>Einige Anhänge wurden nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 of %2 attachments could not be saved into %3; the other %4 were.

%5</source>
        <translation>%1 von %2 Anhängen konnten nicht in %3 gespeichert werden; die übrigen %4 wurden gespeichert.

%5</translation>
    </message>
</context>
<context>
    <name>folio::CancellableDevice</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>folio::ChmBackend</name>
    <message>
        <source>Compiled HTML Help</source>
        <translation>Kompilierte HTML-Hilfe</translation>
    </message>
    <message>
        <source>No input device</source>
        <translation>Kein Eingabegerät</translation>
    </message>
</context>
<context>
    <name>folio::ChmBook</name>
    <message>
        <source>Cannot create a temporary file for the CHM file</source>
        <translation>Für die CHM-Datei kann keine temporäre Datei angelegt werden</translation>
    </message>
    <message>
        <source>The CHM file</source>
        <translation>Die CHM-Datei</translation>
    </message>
    <message>
        <source>Cannot write a temporary copy of the CHM file</source>
        <translation>Die temporäre Kopie der CHM-Datei kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>folio::ChunkedIo</name>
    <message>
        <source>Read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>The file is %1, over the in-memory limit of %2</source>
        <translation>Die Datei ist %1 groß und überschreitet die Grenze von %2 im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>The data is larger than the in-memory limit of %1</source>
        <translation>Die Daten überschreiten die Grenze von %1 im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Write error: %1</source>
        <translation>Schreibfehler: %1</translation>
    </message>
</context>
<context>
    <name>folio::ComicBackend</name>
    <message>
        <source>Comic books</source>
        <translation>Comics</translation>
    </message>
</context>
<context>
    <name>folio::CompressedBackend</name>
    <message>
        <source>Compressed files</source>
        <translation>Komprimierte Dateien</translation>
    </message>
    <message>
        <source>Not a compressed file</source>
        <translation>Keine komprimierte Datei</translation>
    </message>
    <message>
        <source>The compressed data</source>
        <translation>Die komprimierten Daten</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>%1-compressed</source>
        <translation>%1-komprimierte</translation>
    </message>
    <message>
        <source>The %1 file is empty once decompressed</source>
        <translation>Die %1 Datei ist nach dem Dekomprimieren leer</translation>
    </message>
</context>
<context>
    <name>folio::DjvuBackend</name>
    <message>
        <source>DjVu</source>
        <translation>DjVu</translation>
    </message>
</context>
<context>
    <name>folio::Document</name>
    <message>
        <source>Page %1 does not exist (the document has %2)</source>
        <translation>Seite %1 existiert nicht (das Dokument hat %2)</translation>
    </message>
    <message>
        <source>Invalid render request</source>
        <translation>Ungültige Anforderung zum Zeichnen</translation>
    </message>
    <message>
        <source>Page %1 at %2 dpi would be %3×%4 pixels, over the limit of %5 megapixels</source>
        <translation>Seite %1 wäre bei %2 dpi %3×%4 Pixel groß und würde die Grenze von %5 Megapixeln überschreiten</translation>
    </message>
    <message>
        <source>Page %1 could not be rendered (out of memory?)</source>
        <translation>Seite %1 konnte nicht gezeichnet werden (Speicher voll?)</translation>
    </message>
    <message>
        <source>Attachment %1 does not exist (the document has %2)</source>
        <translation>Anhang %1 existiert nicht (das Dokument hat %2)</translation>
    </message>
    <message>
        <source>The output device is not open for writing</source>
        <translation>Das Ausgabegerät ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>This document has no text positions</source>
        <translation>Dieses Dokument enthält keine Textpositionen</translation>
    </message>
    <message>
        <source>This document has no attachments</source>
        <translation>Dieses Dokument hat keine Anhänge</translation>
    </message>
    <message>
        <source>%1 pages cannot be drawn as vectors</source>
        <translation>Seiten vom Typ %1 können nicht als Vektorgrafik gezeichnet werden</translation>
    </message>
    <message>
        <source>%1 pages have no flowing text</source>
        <translation>Seiten vom Typ %1 haben keinen Fließtext</translation>
    </message>
    <message>
        <source>Invalid flow request</source>
        <translation>Ungültige Anforderung für den Textfluss</translation>
    </message>
    <message>
        <source>This document cannot be drawn as vectors</source>
        <translation>Dieses Dokument kann nicht als Vektorgrafik gezeichnet werden</translation>
    </message>
    <message>
        <source>This document has no flowing text</source>
        <translation>Dieses Dokument hat keinen Fließtext</translation>
    </message>
    <message>
        <source>Page %1 has %2 annotations, over the limit of %3</source>
        <translation>Seite %1 hat %2 Anmerkungen, mehr als die Grenze von %3</translation>
    </message>
    <message>
        <source>Page %1 has %2 form fields, over the limit of %3</source>
        <translation>Seite %1 hat %2 Formularfelder, mehr als die Grenze von %3</translation>
    </message>
</context>
<context>
    <name>folio::DocumentOpener</name>
    <message>
        <source>Reloading</source>
        <translation>Lade neu</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Öffne</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Öffne %1 …</translation>
    </message>
    <message>
        <source>Could not reload %1: %2</source>
        <translation>%1 konnte nicht neu geladen werden: %2</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <source>“%1” is protected by a password.</source>
        <translation>„%1“ ist durch ein Passwort geschützt.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 needs a password</source>
        <translation>%1 benötigt ein Passwort</translation>
    </message>
    <message>
        <source>Could Not Open Document</source>
        <translation>Dokument konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Folio could not open “%1”.</source>
        <translation>Folio konnte „%1“ nicht öffnen.</translation>
    </message>
    <message>
        <source>File: %1
Error: %2</source>
        <translation>Datei: %1
Fehler: %2</translation>
    </message>
    <message>
        <source>Could Not Open Documents</source>
        <translation>Dokumente konnten nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Folio could not open %1 documents.</source>
        <translation>Folio konnte %1 Dokumente nicht öffnen.</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
</context>
<context>
    <name>folio::DocumentView</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Thumbnails of the pages</source>
        <translation>Vorschaubilder der Seiten</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Anhänge (%1)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <source>Annotations (%1)</source>
        <translation>Anmerkungen (%1)</translation>
    </message>
    <message>
        <source>This is an XFA form, which Folio cannot show or fill in: the pages are what the file keeps for readers without XFA.</source>
        <translation>Dies ist ein XFA-Formular, das Folio weder anzeigen noch ausfüllen kann: Die Seiten sind das, was die Datei für Programme ohne XFA bereithält.</translation>
    </message>
    <message>
        <source>This document is a form: fill in its fields, then keep what you typed with File ▸ Save a Copy.</source>
        <translation>Dieses Dokument ist ein Formular: Füllen Sie die Felder aus und behalten Sie die Eingaben mit Datei ▸ Kopie speichern.</translation>
    </message>
    <message>
        <source>&amp;Highlight Fields</source>
        <translation>Felder &amp;hervorheben</translation>
    </message>
</context>
<context>
    <name>folio::EmailBackend</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>die Nachricht</translation>
    </message>
    <message>
        <source>Outlook TNEF message</source>
        <translation>Outlook-TNEF-Nachricht</translation>
    </message>
    <message>
        <source>Outlook message</source>
        <translation>Outlook-Nachricht</translation>
    </message>
    <message>
        <source>%1: message %2</source>
        <translation>%1: Nachricht %2</translation>
    </message>
    <message>
        <source>%1: the mailbox holds no message</source>
        <translation>%1: Das Postfach enthält keine Nachricht</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Email message</source>
        <translation>E-Mail-Nachricht</translation>
    </message>
</context>
<context>
    <name>folio::EpubBackend</name>
    <message>
        <source>EPUB e-books</source>
        <translation>EPUB-E-Books</translation>
    </message>
    <message>
        <source>No input device</source>
        <translation>Kein Eingabegerät</translation>
    </message>
    <message>
        <source>EPUB document</source>
        <translation>EPUB-Dokument</translation>
    </message>
</context>
<context>
    <name>folio::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export — %1</source>
        <translation>Exportieren — %1</translation>
    </message>
    <message>
        <source>PNG pictures, one per page</source>
        <translation>PNG-Bilder, eines pro Seite</translation>
    </message>
    <message>
        <source>JPEG pictures, one per page</source>
        <translation>JPEG-Bilder, eines pro Seite</translation>
    </message>
    <message>
        <source>HTML pages, one per page</source>
        <translation>HTML-Dateien, eine pro Seite</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;PNG&lt;/b&gt; keeps every detail. &lt;b&gt;JPEG&lt;/b&gt; files are smaller, best for photographs. &lt;b&gt;HTML&lt;/b&gt; keeps the text selectable and searchable. &lt;b&gt;PDF&lt;/b&gt; puts the pages into one document.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;PNG&lt;/b&gt; erhält jedes Detail. &lt;b&gt;JPEG&lt;/b&gt;-Dateien sind kleiner und eignen sich am besten für Fotos. &lt;b&gt;HTML&lt;/b&gt; lässt den Text auswählbar und durchsuchbar. &lt;b&gt;PDF&lt;/b&gt; fasst die Seiten in einem Dokument zusammen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not rotated</source>
        <translation>Nicht gedreht</translation>
    </message>
    <message>
        <source>90° clockwise</source>
        <translation>90° im Uhrzeigersinn</translation>
    </message>
    <message>
        <source>Upside down (180°)</source>
        <translation>Auf dem Kopf (180°)</translation>
    </message>
    <message>
        <source>90° counter-clockwise</source>
        <translation>90° gegen den Uhrzeigersinn</translation>
    </message>
    <message>
        <source>Turns every exported page; the document itself does not change.</source>
        <translation>Dreht jede exportierte Seite; das Dokument selbst bleibt unverändert.</translation>
    </message>
    <message>
        <source>Higher keeps more detail in bigger files; 90 is hard to tell from the original. Only JPEG has it.</source>
        <translation>Höhere Werte erhalten mehr Details, ergeben aber größere Dateien; 90 ist kaum vom Original zu unterscheiden. Gilt nur für JPEG.</translation>
    </message>
    <message>
        <source>Inside each page file</source>
        <translation>In jeder Seitendatei</translation>
    </message>
    <message>
        <source>In a “resources” folder beside the pages</source>
        <translation>In einem Ordner „resources“ neben den Seiten</translation>
    </message>
    <message>
        <source>Inside: every page is one file that can be mailed on its own. In a folder: each picture is written once, and the pages are smaller.</source>
        <translation>In jeder Seitendatei: Jede Seite ist eine einzige Datei, die sich für sich allein per E-Mail verschicken lässt. In einem Ordner: Jedes Bild wird nur einmal geschrieben, und die Seiten sind kleiner.</translation>
    </message>
    <message>
        <source>Forma&amp;t:</source>
        <translation>For&amp;mat:</translation>
    </message>
    <message>
        <source>Pages:</source>
        <translation>Seiten:</translation>
    </message>
    <message>
        <source>Re&amp;solution:</source>
        <translation>Auf&amp;lösung:</translation>
    </message>
    <message>
        <source>JPEG &amp;quality:</source>
        <translation>JPEG-&amp;Qualität:</translation>
    </message>
    <message>
        <source>HTML &amp;pictures:</source>
        <translation>HTML-B&amp;ilder:</translation>
    </message>
    <message>
        <source>R&amp;otate pages:</source>
        <translation>Seiten &amp;drehen:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>&amp;All (%1)</source>
        <translation>&amp;Alle (%1)</translation>
    </message>
    <message>
        <source>Every page of the document</source>
        <translation>Alle Seiten des Dokuments</translation>
    </message>
    <message>
        <source>Every page of the document, however many it turns out to have (it is still being read)</source>
        <translation>Alle Seiten des Dokuments, wie viele es am Ende auch sein werden (es wird noch gelesen)</translation>
    </message>
    <message>
        <source>C&amp;urrent (%1)</source>
        <translation>A&amp;ktuelle (%1)</translation>
    </message>
    <message>
        <source>Only the page on screen</source>
        <translation>Nur die angezeigte Seite</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>Be&amp;reich:</translation>
    </message>
    <message>
        <source>e.g. 1,3-5,8-</source>
        <translation>z. B. 1,3-5,8-</translation>
    </message>
    <message>
        <source>Page range</source>
        <translation>Seitenbereich</translation>
    </message>
    <message>
        <source>&lt;p&gt;Pages and ranges separated by commas, written in this order: &lt;b&gt;1,3-5&lt;/b&gt;; &lt;b&gt;8-&lt;/b&gt; runs to the last page, &lt;b&gt;5-3&lt;/b&gt; counts down.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seiten und Bereiche, durch Kommas getrennt und in der gewünschten Reihenfolge: &lt;b&gt;1,3-5&lt;/b&gt;; &lt;b&gt;8-&lt;/b&gt; reicht bis zur letzten Seite, &lt;b&gt;5-3&lt;/b&gt; zählt rückwärts.&lt;/p&gt;</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>&lt;p&gt;Pixels per inch of the page pictures: 96 matches a screen at 100%, 150 is sharp on screen, 300 is for printing. PDF and HTML use it for the pictures in the pages.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pixel pro Zoll der Seitenbilder: 96 entspricht einem Bildschirm bei 100 %, 150 ist auf dem Bildschirm scharf, 300 ist für den Druck. PDF und HTML verwenden den Wert für die Bilder in den Seiten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Fixed &amp;width:</source>
        <translation>Feste &amp;Breite:</translation>
    </message>
    <message>
        <source>Make every page picture this many pixels wide instead, whatever its paper size</source>
        <translation>Stattdessen jedes Seitenbild so viele Pixel breit machen, unabhängig vom Papierformat</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation>Breite in Pixeln</translation>
    </message>
    <message>
        <source>Water&amp;mark</source>
        <translation>&amp;Wasserzeichen</translation>
    </message>
    <message>
        <source>Writes a text such as DRAFT across every page</source>
        <translation>Schreibt einen Text wie ENTWURF quer über jede Seite</translation>
    </message>
    <message>
        <source>e.g. DRAFT or CONFIDENTIAL</source>
        <translation>z. B. ENTWURF oder VERTRAULICH</translation>
    </message>
    <message>
        <source>The colour and how see-through it is</source>
        <translation>Die Farbe und wie durchsichtig sie ist</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>The text&apos;s size; a text too long for the page is made smaller to fit</source>
        <translation>Die Schriftgröße; ein für die Seite zu langer Text wird passend verkleinert</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Clockwise turn of the text: 0 is level, −45 rises to the right</source>
        <translation>Drehung des Textes im Uhrzeigersinn: 0 ist waagerecht, −45 steigt nach rechts an</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>An&amp;gle:</source>
        <translation>Wi&amp;nkel:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>The folder the files go into; it is created when missing. Files of the same names already there are replaced.</source>
        <translation>Der Ordner, in den die Dateien geschrieben werden; er wird angelegt, falls er fehlt. Gleichnamige Dateien, die dort bereits liegen, werden ersetzt.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen …</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Ordner auswählen</translation>
    </message>
    <message>
        <source>%1-export</source>
        <extracomment>The folder proposed for an export: the document&apos;s name without its extension.</extracomment>
        <translation>%1-Export</translation>
    </message>
    <message>
        <source>%1, %2% opaque</source>
        <extracomment>A colour and its opacity: &quot;#C80000, 31% opaque&quot;</extracomment>
        <translation>%1, %2 % deckend</translation>
    </message>
    <message>
        <source>Watermark Colour</source>
        <translation>Farbe des Wasserzeichens</translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Type the pages to export, such as 1,3-5.</source>
        <translation>Geben Sie die zu exportierenden Seiten ein, z. B. 1,3-5.</translation>
    </message>
    <message>
        <source>The document has no page to export.</source>
        <translation>Das Dokument enthält keine Seite zum Exportieren.</translation>
    </message>
    <message>
        <source>Writes “%1”.</source>
        <translation>Schreibt „%1“.</translation>
    </message>
    <message>
        <source>It replaces the file of that name already there.</source>
        <translation>Die dort bereits vorhandene gleichnamige Datei wird ersetzt.</translation>
    </message>
    <message>
        <source>Writes page-1.%1, page-2.%1 and so on: one file per page.</source>
        <translation>Schreibt page-1.%1, page-2.%1 usw.: eine Datei pro Seite.</translation>
    </message>
    <message>
        <source>Writes “%1” and “%2”.</source>
        <translation>Schreibt „%1“ und „%2“.</translation>
    </message>
    <message>
        <source>Writes %1 files, “%2” … “%3”.</source>
        <translation>Schreibt %1 Dateien, „%2“ … „%3“.</translation>
    </message>
    <message>
        <source>Their pictures go into “resources”.</source>
        <translation>Die Bilder der Seiten werden in „resources“ abgelegt.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the same name already there will be replaced.</source>
        <translation>
            <numerusform>%n bereits vorhandene Datei gleichen Namens wird ersetzt.</numerusform>
            <numerusform>%n bereits vorhandene Dateien gleichen Namens werden ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the text to write across the pages, or turn the watermark off.</source>
        <translation>Geben Sie den Text ein, der quer über die Seiten geschrieben werden soll, oder schalten Sie das Wasserzeichen aus.</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>Wählen Sie den Ordner, in den exportiert werden soll.</translation>
    </message>
    <message>
        <source>Give the folder&apos;s full path, such as %1.</source>
        <translation>Geben Sie den vollständigen Pfad des Ordners an, z. B. %1.</translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder.</source>
        <translation>„%1“ ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>This would replace “%1” itself: choose another folder.</source>
        <translation>Dadurch würde „%1“ selbst ersetzt: Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>As in the document</source>
        <translation>Wie im Dokument</translation>
    </message>
    <message>
        <source>The pages&apos; colours, as View ▸ Colours shows them. Turned pages are exported as pictures (with their text in PDF).</source>
        <translation>Die Farben der Seiten, wie Ansicht ▸ Farben sie zeigt. Umgefärbte Seiten werden als Bilder exportiert (im PDF mit ihrem Text).</translation>
    </message>
    <message>
        <source>Page co&amp;lours:</source>
        <translation>Seiten&amp;farben:</translation>
    </message>
</context>
<context>
    <name>folio::ExportJob</name>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” could not be exported to %2. No file was written.</source>
        <translation>„%1“ konnte nicht nach %2 exportiert werden. Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>%1. The time limit is set in Preferences.</source>
        <translation>%1. Das Zeitlimit lässt sich in den Einstellungen festlegen.</translation>
    </message>
    <message>
        <source>File: %1
Folder: %2
Error: %3</source>
        <translation>Datei: %1
Ordner: %2
Fehler: %3</translation>
    </message>
</context>
<context>
    <name>folio::Exporter</name>
    <message>
        <source>%1 would replace the document itself</source>
        <translation>%1 würde das Dokument selbst ersetzen</translation>
    </message>
    <message>
        <source>No document is open</source>
        <translation>Es ist kein Dokument geöffnet</translation>
    </message>
    <message>
        <source>No pages to export</source>
        <translation>Keine Seiten zum Exportieren</translation>
    </message>
    <message>
        <source>Page %1 does not exist</source>
        <translation>Seite %1 existiert nicht</translation>
    </message>
</context>
<context>
    <name>folio::Fb2Backend</name>
    <message>
        <source>FictionBook e-books</source>
        <translation>FictionBook-E-Books</translation>
    </message>
    <message>
        <source>No input device</source>
        <translation>Kein Eingabegerät</translation>
    </message>
    <message>
        <source>The book</source>
        <translation>Das Buch</translation>
    </message>
    <message>
        <source>The ZIP file holds no .fb2 book</source>
        <translation>Die ZIP-Datei enthält kein .fb2-Buch</translation>
    </message>
    <message>
        <source>FictionBook document</source>
        <translation>FictionBook-Dokument</translation>
    </message>
</context>
<context>
    <name>folio::FindBar</name>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>Im Dokument suchen</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>Zu suchender Text</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Stop searching</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <source>Search with a regular expression (Perl syntax), such as error|warn(ing)?</source>
        <translation>Mit einem regulären Ausdruck (Perl-Syntax) suchen, z. B. error|warn(ing)?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Search on from the page where the search stopped</source>
        <translation>Ab der Seite weitersuchen, an der die Suche angehalten hat</translation>
    </message>
</context>
<context>
    <name>folio::FindController</name>
    <message>
        <source>Searching</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>(%n page(s) could not be searched)</source>
        <translation>
            <numerusform>(%n Seite konnte nicht durchsucht werden)</numerusform>
            <numerusform>(%n Seiten konnten nicht durchsucht werden)</numerusform>
        </translation>
    </message>
    <message>
        <source>More than %L1 matches: the search stopped there</source>
        <translation>Mehr als %L1 Treffer: Die Suche wurde dort beendet</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Searching… %1</source>
        <translation>Suche läuft … %1</translation>
    </message>
    <message>
        <source>%1 (searching… %2)</source>
        <translation>%1 (Suche läuft … %2)</translation>
    </message>
    <message>
        <source>Search stopped at %1: %2</source>
        <translation>Suche bei %1 angehalten: %2</translation>
    </message>
    <message>
        <source>%1 (search stopped at %2: %3)</source>
        <translation>%1 (Suche bei %2 angehalten: %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>in the first %1 pages (Enter searches again once more are counted)</source>
        <translation>in den ersten %1 Seiten (Eingabe sucht erneut, sobald weitere gezählt sind)</translation>
    </message>
    <message>
        <source>Reading the text</source>
        <translation>Lese den Text</translation>
    </message>
</context>
<context>
    <name>folio::FindResultsPanel</name>
    <message>
        <source>p. %1</source>
        <translation>S. %1</translation>
    </message>
    <message>
        <source>Page %1: %2</source>
        <translation>Seite %1: %2</translation>
    </message>
    <message>
        <source>(on this page)</source>
        <translation>(auf dieser Seite)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Search with Ctrl+F: the matches are listed here.</source>
        <translation>Suchen Sie mit Strg+F: Die Treffer werden hier aufgeführt.</translation>
    </message>
</context>
<context>
    <name>folio::HtmlBackend</name>
    <message>
        <source>Web pages</source>
        <translation>Webseiten</translation>
    </message>
    <message>
        <source>No input device</source>
        <translation>Kein Eingabegerät</translation>
    </message>
    <message>
        <source>The page is larger than %1, the most Folio lays out as one page flow</source>
        <translation>Die Seite ist größer als %1, das Höchste, was Folio als einen Seitenfluss setzt</translation>
    </message>
    <message>
        <source>HTML document</source>
        <translation>HTML-Dokument</translation>
    </message>
    <message>
        <source>The web archive holds no HTML page</source>
        <translation>Das Webarchiv enthält keine HTML-Seite</translation>
    </message>
    <message>
        <source>MHTML web archive</source>
        <translation>MHTML-Webarchiv</translation>
    </message>
</context>
<context>
    <name>folio::HtmlExporter</name>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>%1 – page %2</source>
        <translation>%1 – Seite %2</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Weiter →</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>folio::HtmlResources</name>
    <message>
        <source>Cannot encode a %1×%2 picture</source>
        <translation>Ein Bild mit %1×%2 Pixeln kann nicht kodiert werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>folio::ImageBackend</name>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>folio::Job</name>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1 …</translation>
    </message>
    <message>
        <source>%1 “%2”…</source>
        <translation>%1 „%2“ …</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>No time limit</source>
        <translation>Keine Zeitbegrenzung</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: fertig</translation>
    </message>
</context>
<context>
    <name>folio::JobRunner</name>
    <message>
        <source>Out of memory</source>
        <translation>Nicht genügend Speicher</translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation>Interner Fehler: %1</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Interner Fehler</translation>
    </message>
    <message>
        <source>Timing out…</source>
        <translation>Zeit läuft ab …</translation>
    </message>
    <message>
        <source>%1 left before the timeout</source>
        <translation>Noch %1 bis zur Zeitüberschreitung</translation>
    </message>
</context>
<context>
    <name>folio::LimitErrors</name>
    <message>
        <source>%1 expands to more than %2, the limit per entry (raise it with --max-entry-size or in Preferences)</source>
        <translation>%1 wird beim Entpacken größer als %2, die Grenze pro Eintrag (erhöhen Sie sie mit --max-entry-size oder in den Einstellungen)</translation>
    </message>
    <message>
        <source>%1 expands to %2, over the limit of %3 per entry (raise it with --max-entry-size or in Preferences)</source>
        <translation>%1 wird beim Entpacken %2 groß und überschreitet die Grenze von %3 pro Eintrag (erhöhen Sie sie mit --max-entry-size oder in den Einstellungen)</translation>
    </message>
    <message>
        <source>The data expands to more than %1, the limit in total (raise it with --max-total-size or in Preferences)</source>
        <translation>Die Daten werden beim Entpacken größer als %1, die Gesamtgrenze (erhöhen Sie sie mit --max-total-size oder in den Einstellungen)</translation>
    </message>
    <message>
        <source>Extracting would write %1, over the limit of %2 in total (raise it with --max-total-size or in Preferences)</source>
        <translation>Das Entpacken würde %1 schreiben und die Gesamtgrenze von %2 überschreiten (erhöhen Sie sie mit --max-total-size oder in den Einstellungen)</translation>
    </message>
    <message>
        <source>The archive has %1 entries, over the limit of %2 (raise it with --max-entries or in Preferences)</source>
        <translation>Das Archiv hat %1 Einträge und überschreitet die Grenze von %2 (erhöhen Sie sie mit --max-entries oder in den Einstellungen)</translation>
    </message>
    <message>
        <source>%1 expands more than %5 times (%3 from %4 so far, %2 times), over the compression ratio limit of %5:1 that guards against zip bombs (raise it with --max-ratio or in Preferences)</source>
        <translation>%1 wird beim Entpacken mehr als %5-mal so groß (bisher %3 aus %4, %2-fach) und überschreitet die Grenze des Kompressionsverhältnisses von %5:1, die vor ZIP-Bomben schützt (erhöhen Sie sie mit --max-ratio oder in den Einstellungen)</translation>
    </message>
    <message>
        <source>%1 expands more than %5 times (%3 from %4, %2 times), over the compression ratio limit of %5:1 that guards against zip bombs (raise it with --max-ratio or in Preferences)</source>
        <translation>%1 wird beim Entpacken mehr als %5-mal so groß (%3 aus %4, %2-fach) und überschreitet die Grenze des Kompressionsverhältnisses von %5:1, die vor ZIP-Bomben schützt (erhöhen Sie sie mit --max-ratio oder in den Einstellungen)</translation>
    </message>
</context>
<context>
    <name>folio::LinkOpener</name>
    <message>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>Write an e-mail to this address?</source>
        <translation>Eine E-Mail an diese Adresse schreiben?</translation>
    </message>
    <message>
        <source>Open this address in your web browser?</source>
        <translation>Diese Adresse im Webbrowser öffnen?</translation>
    </message>
    <message>
        <source>Link Not Opened</source>
        <translation>Link nicht geöffnet</translation>
    </message>
    <message>
        <source>The link &quot;%1&quot; is not a web or e-mail address, so Folio does not open it.</source>
        <translation>Der Link „%1“ ist keine Web- oder E-Mail-Adresse, daher öffnet Folio ihn nicht.</translation>
    </message>
    <message>
        <source>Folio does not open %1: links (&quot;%2&quot;); only web pages (http, https) and e-mail addresses (mailto) are opened.</source>
        <translation>Folio öffnet keine %1:-Links („%2“); geöffnet werden nur Webseiten (http, https) und E-Mail-Adressen (mailto).</translation>
    </message>
    <message>
        <source>No program could open &quot;%1&quot;.</source>
        <translation>Kein Programm konnte „%1“ öffnen.</translation>
    </message>
    <message>
        <source>This link leads to another file, &quot;%1&quot;, which Folio does not open from a link. Open it with File › Open if you trust it.</source>
        <translation>Dieser Link führt zu einer anderen Datei, „%1“, die Folio nicht über einen Link öffnet. Öffnen Sie sie mit Datei › Öffnen, wenn Sie ihr vertrauen.</translation>
    </message>
</context>
<context>
    <name>folio::LocalHtmlBook</name>
    <message>
        <source>“%1” is not next to the page</source>
        <translation>„%1“ liegt nicht neben der Seite</translation>
    </message>
    <message>
        <source>cannot read “%1”: %2</source>
        <translation>„%1“ kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>folio::MainWindow</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Folio</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen …</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>Ein Dokument öffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read the document again from disk</source>
        <translation>Das Dokument erneut von der Festplatte lesen</translation>
    </message>
    <message>
        <source>Next &amp;Tab</source>
        <translation>&amp;Nächster Tab</translation>
    </message>
    <message>
        <source>Previous T&amp;ab</source>
        <translation>&amp;Vorheriger Tab</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Show pages at their printed size (100% = 96 pixels per inch)</source>
        <translation>Seiten in Druckgröße anzeigen (100 % = 96 Pixel pro Zoll)</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>An &amp;Breite anpassen</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>&amp;Ganze Seite</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>&amp;Vorherige Seite</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>&amp;First Page</source>
        <translation>&amp;Erste Seite</translation>
    </message>
    <message>
        <source>&amp;Last Page</source>
        <translation>&amp;Letzte Seite</translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation>Gehe &amp;zu Seite …</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>&amp;About Folio</source>
        <translation>&amp;Über Folio</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>Aktuelle Seite</translation>
    </message>
    <message>
        <source>Current page (%1)</source>
        <translation>Aktuelle Seite (%1)</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Fit Width</source>
        <translation>An Breite anpassen</translation>
    </message>
    <message>
        <source>Fit Page</source>
        <translation>Ganze Seite</translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Stop counting pages</source>
        <translation>Seitenzählung abbrechen</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Document</source>
        <translation>Dokument öffnen</translation>
    </message>
    <message>
        <source>%1, page %2: %3</source>
        <translation>%1, Seite %2: %3</translation>
    </message>
    <message>
        <source>Counting pages…</source>
        <translation>Seiten werden gezählt …</translation>
    </message>
    <message>
        <source>Counting pages… %1</source>
        <translation>Seiten werden gezählt … %1</translation>
    </message>
    <message>
        <source>%1: all pages found: %2</source>
        <translation>%1: alle Seiten gefunden: %2</translation>
    </message>
    <message>
        <source>%1: counting pages: %2</source>
        <translation>%1: Seitenzählung: %2</translation>
    </message>
    <message>
        <source>Reloaded %1 · %2</source>
        <translation>%1 neu geladen · %2</translation>
    </message>
    <message>
        <source>Opened %1 · %2</source>
        <translation>%1 geöffnet · %2</translation>
    </message>
    <message>
        <source>Opened %1 · %2 so far</source>
        <translation>%1 geöffnet · bisher %2</translation>
    </message>
    <message>
        <source>%1 was removed from disk; Folio keeps showing it</source>
        <translation>%1 wurde von der Festplatte entfernt; Folio zeigt es weiterhin an</translation>
    </message>
    <message>
        <source>%1 — Folio</source>
        <translation>%1 — Folio</translation>
    </message>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source> / %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No Recent Documents</source>
        <translation>Keine zuletzt geöffneten Dokumente</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>About Folio</source>
        <translation>Über Folio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Folio %1&lt;/h3&gt;&lt;p&gt;A document viewer that no document can hold hostage: every long operation runs in the background, shows its progress and stops when you press Cancel or Esc, or when its time limit expires.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Folio %1&lt;/h3&gt;&lt;p&gt;Ein Dokumentbetrachter, den kein Dokument als Geisel nehmen kann: Jeder lange Vorgang läuft im Hintergrund, zeigt seinen Fortschritt und endet, sobald Sie „Abbrechen“ oder Esc drücken oder sein Zeitlimit abläuft.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>Sei&amp;tenleiste anzeigen</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>E&amp;igenschaften</translation>
    </message>
    <message>
        <source>Alt+Return</source>
        <translation>Alt+Return</translation>
    </message>
    <message>
        <source>Show the document&apos;s file details and metadata</source>
        <translation>Dateiangaben und Metadaten des Dokuments anzeigen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Search the document&apos;s text</source>
        <translation>Den Text des Dokuments durchsuchen</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected text</source>
        <translation>Den ausgewählten Text kopieren</translation>
    </message>
    <message>
        <source>Rotate &amp;Left</source>
        <translation>Nach &amp;links drehen</translation>
    </message>
    <message>
        <source>Ctrl+Left</source>
        <translation>Ctrl+Left</translation>
    </message>
    <message>
        <source>Rotate &amp;Right</source>
        <translation>Nach &amp;rechts drehen</translation>
    </message>
    <message>
        <source>Ctrl+Right</source>
        <translation>Ctrl+Right</translation>
    </message>
    <message>
        <source>&amp;Continuous</source>
        <translation>&amp;Fortlaufend</translation>
    </message>
    <message>
        <source>Scroll through all pages, or show one page (or pair) at a time</source>
        <translation>Durch alle Seiten scrollen oder jeweils nur eine Seite (bzw. ein Seitenpaar) anzeigen</translation>
    </message>
    <message>
        <source>&amp;Two Pages</source>
        <translation>&amp;Zwei Seiten</translation>
    </message>
    <message>
        <source>Show pages side by side, as in a printed book</source>
        <translation>Seiten nebeneinander anzeigen, wie in einem gedruckten Buch</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Show &amp;Comments</source>
        <translation>&amp;Kommentare anzeigen</translation>
    </message>
    <message>
        <source>Show the comments of word-processing documents, with their text</source>
        <translation>Die Kommentare von Textdokumenten mit ihrem Text anzeigen</translation>
    </message>
    <message>
        <source>Show Speaker &amp;Notes</source>
        <translation>&amp;Sprechernotizen anzeigen</translation>
    </message>
    <message>
        <source>Show the speaker notes of presentations</source>
        <translation>Die Sprechernotizen von Präsentationen anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Hidden Sheets and Slides</source>
        <translation>&amp;Ausgeblendete Tabellen und Folien anzeigen</translation>
    </message>
    <message>
        <source>Show the sheets and slides a document marks as hidden</source>
        <translation>Tabellenblätter und Folien anzeigen, die ein Dokument als ausgeblendet markiert</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Save pages as PNG or JPEG pictures, HTML pages or a PDF document</source>
        <translation>Seiten als PNG- oder JPEG-Bilder, als HTML-Dateien oder als PDF-Dokument speichern</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportiere</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportiere %1 …</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>%1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Could not export %1: %2</source>
        <translation>%1 konnte nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation>Das Dokument drucken</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>Druck&amp;vorschau …</translation>
    </message>
    <message>
        <source>See the pages as they will be printed</source>
        <translation>Die Seiten so anzeigen, wie sie gedruckt werden</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Zu&amp;rück</translation>
    </message>
    <message>
        <source>Return to where you were before the last jump</source>
        <translation>Dorthin zurückkehren, wo Sie vor dem letzten Sprung waren</translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation>Vor&amp;wärts</translation>
    </message>
    <message>
        <source>Go again where Back came from</source>
        <translation>Wieder dorthin gehen, von wo aus Sie zurückgegangen sind</translation>
    </message>
    <message>
        <source>PDF documents</source>
        <translation>PDF-Dokumente</translation>
    </message>
    <message>
        <source>Office documents</source>
        <translation>Office-Dokumente</translation>
    </message>
    <message>
        <source>E-books</source>
        <translation>E-Books</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Text files</source>
        <translation>Textdateien</translation>
    </message>
    <message>
        <source>Archives and comics</source>
        <translation>Archive und Comics</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle Dokumente</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <source>&amp;Inverted</source>
        <translation>&amp;Invertiert</translation>
    </message>
    <message>
        <source>Inverted &amp;Lightness (Colours Kept)</source>
        <translation>&amp;Helligkeit invertiert (Farben bleiben)</translation>
    </message>
    <message>
        <source>&amp;Sepia</source>
        <translation>&amp;Sepia</translation>
    </message>
    <message>
        <source>&amp;Custom Paper and Ink</source>
        <translation>&amp;Eigenes Papier und Tinte</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>&amp;Keep Pictures As They Are</source>
        <translation>&amp;Bilder unverändert lassen</translation>
    </message>
    <message>
        <source>Leave photos and comic pages in their own colours</source>
        <translation>Fotos und Comicseiten in ihren eigenen Farben lassen</translation>
    </message>
    <message>
        <source>Co&amp;lours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <source>C&amp;over Page Alone</source>
        <translation>&amp;Titelseite allein</translation>
    </message>
    <message>
        <source>With two pages: the first page alone, then pairs, as a book opens</source>
        <translation>Bei zwei Seiten: die erste Seite allein, dann Paare, wie ein Buch sich öffnet</translation>
    </message>
    <message>
        <source>&amp;Right to Left</source>
        <translation>Von &amp;rechts nach links</translation>
    </message>
    <message>
        <source>Pages side by side from right to left, and Left turns forward (manga)</source>
        <translation>Seiten nebeneinander von rechts nach links; Links blättert vor (Manga)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Reopen Last &amp;Session</source>
        <translation>Letzte &amp;Sitzung wieder öffnen</translation>
    </message>
    <message>
        <source>Open the documents that were open when Folio last closed</source>
        <translation>Die Dokumente öffnen, die beim letzten Schließen von Folio offen waren</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>&amp;Präsentation</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Show the pages one at a time on a full screen, for a talk</source>
        <translation>Die Seiten einzeln im Vollbild zeigen, für einen Vortrag</translation>
    </message>
    <message>
        <source>The last session had no documents</source>
        <translation>Die letzte Sitzung hatte keine Dokumente</translation>
    </message>
    <message>
        <source>The last session&apos;s documents are no longer there</source>
        <translation>Die Dokumente der letzten Sitzung sind nicht mehr da</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) of the last session are no longer there</source>
        <translation>
            <numerusform>%n Dokument der letzten Sitzung ist nicht mehr da</numerusform>
            <numerusform>%n Dokumente der letzten Sitzung sind nicht mehr da</numerusform>
        </translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>&amp;Kopie speichern …</translation>
    </message>
    <message>
        <source>Write the document with the annotations made here into another file</source>
        <translation>Das Dokument mit den hier gemachten Anmerkungen in eine andere Datei schreiben</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>&amp;Hervorheben</translation>
    </message>
    <message>
        <source>Ctrl+Alt+H</source>
        <translation>Ctrl+Alt+H</translation>
    </message>
    <message>
        <source>Highlight the selected text</source>
        <translation>Den ausgewählten Text hervorheben</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>&amp;Unterstreichen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+U</source>
        <translation>Ctrl+Alt+U</translation>
    </message>
    <message>
        <source>&amp;Strike Out</source>
        <translation>&amp;Durchstreichen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+S</source>
        <translation>Ctrl+Alt+S</translation>
    </message>
    <message>
        <source>S&amp;quiggly Underline</source>
        <translation>&amp;Wellenlinie</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>&amp;Notiz hinzufügen …</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <source>Put a note on the page</source>
        <translation>Eine Notiz auf die Seite setzen</translation>
    </message>
    <message>
        <source>&amp;Remove Last Annotation</source>
        <translation>Letzte Anmerkung &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;Anmerken</translation>
    </message>
    <message>
        <source>%1 •</source>
        <translation>%1 •</translation>
    </message>
    <message>
        <source>%1 (annotated, not saved) — Folio</source>
        <translation>%1 (angemerkt, nicht gespeichert) — Folio</translation>
    </message>
    <message>
        <source>Select the text to mark first</source>
        <translation>Zuerst den zu markierenden Text auswählen</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Note on page %1:</source>
        <translation>Notiz auf Seite %1:</translation>
    </message>
    <message>
        <source>%1 (annotated).%2</source>
        <translation>%1 (angemerkt).%2</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>%1 is the document itself. Folio writes annotations into a copy and never over the file it shows; choose another name.</source>
        <translation>%1 ist das Dokument selbst. Folio schreibt Anmerkungen in eine Kopie und nie über die angezeigte Datei; bitte einen anderen Namen wählen.</translation>
    </message>
    <message>
        <source>Saving a copy of</source>
        <translation>Kopie wird gespeichert von</translation>
    </message>
    <message>
        <source>Saving the copy stopped: nothing was written</source>
        <translation>Speichern der Kopie abgebrochen: nichts wurde geschrieben</translation>
    </message>
    <message>
        <source>The copy could not be saved, and no file was written.

%1</source>
        <translation>Die Kopie konnte nicht gespeichert werden; keine Datei wurde geschrieben.

%1</translation>
    </message>
    <message numerus="yes">
        <source>Saved a copy with %n annotation(s) as %1</source>
        <translation>
            <numerusform>Kopie mit %n Anmerkung als %1 gespeichert</numerusform>
            <numerusform>Kopie mit %n Anmerkungen als %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Annotations Not Saved</source>
        <translation>Anmerkungen nicht gespeichert</translation>
    </message>
    <message>
        <source>%1 has annotations that are not saved in a copy yet.</source>
        <translation>%1 hat Anmerkungen, die noch in keiner Kopie gespeichert sind.</translation>
    </message>
    <message>
        <source>These documents have annotations that are not saved in a copy yet: %1.</source>
        <translation>Diese Dokumente haben Anmerkungen, die noch in keiner Kopie gespeichert sind: %1.</translation>
    </message>
    <message>
        <source>Closing loses them. Use File ▸ Save a Copy to keep them.</source>
        <translation>Beim Schließen gehen sie verloren. Mit Datei ▸ Kopie speichern bleiben sie erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Saved a copy with %n annotation(s) and the form&apos;s entries as %1</source>
        <translation>
            <numerusform>Kopie mit %n Anmerkung und den Formulareingaben als %1 gespeichert</numerusform>
            <numerusform>Kopie mit %n Anmerkungen und den Formulareingaben als %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Sheet &amp;Grid</source>
        <translation>Tabellen&amp;gitter anzeigen</translation>
    </message>
    <message>
        <source>Print the grid on every sheet, even where its print settings leave it out</source>
        <translation>Das Gitter auf jeder Tabelle drucken, auch wo ihre Druckeinstellungen es weglassen</translation>
    </message>
    <message>
        <source>Show Sheet H&amp;eadings</source>
        <translation>Spalten- und Zeilenk&amp;öpfe anzeigen</translation>
    </message>
    <message>
        <source>Print column letters and row numbers on every sheet, even where its print settings leave them out</source>
        <translation>Spaltenbuchstaben und Zeilennummern auf jeder Tabelle drucken, auch wo ihre Druckeinstellungen sie weglassen</translation>
    </message>
    <message>
        <source>Show Trac&amp;ked Changes</source>
        <translation>Nachverfolgte Änderungen an&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the tracked changes of word processing documents as markup: insertions underlined, deletions struck through</source>
        <translation>Nachverfolgte Änderungen in Textdokumenten markiert zeigen: Einfügungen unterstrichen, Löschungen durchgestrichen</translation>
    </message>
</context>
<context>
    <name>folio::MobiBackend</name>
    <message>
        <source>Mobipocket and Kindle e-books</source>
        <translation>Mobipocket- und Kindle-E-Books</translation>
    </message>
    <message>
        <source>No input device</source>
        <translation>Kein Eingabegerät</translation>
    </message>
    <message>
        <source>PalmDoc e-book</source>
        <translation>PalmDoc-E-Book</translation>
    </message>
    <message>
        <source>Kindle e-book (KF8)</source>
        <translation>Kindle-E-Book (KF8)</translation>
    </message>
    <message>
        <source>Mobipocket e-book</source>
        <translation>Mobipocket-E-Book</translation>
    </message>
</context>
<context>
    <name>folio::NativeFileName</name>
    <message>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>the file name cannot be represented</source>
        <translation>der Dateiname kann nicht dargestellt werden</translation>
    </message>
</context>
<context>
    <name>folio::NestedOpener</name>
    <message>
        <source>(stream)</source>
        <translation>(Datenstrom)</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>documents nested more than %1 levels deep (a file inside a file inside a file …) are not opened</source>
        <translation>Dokumente, die mehr als %1 Ebenen tief verschachtelt sind (eine Datei in einer Datei in einer Datei …), werden nicht geöffnet</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>unsupported format: unrecognised binary data</source>
        <translation>nicht unterstütztes Format: unbekannte Binärdaten</translation>
    </message>
    <message>
        <source>unsupported format: %1 (%2)</source>
        <translation>nicht unterstütztes Format: %1 (%2)</translation>
    </message>
    <message>
        <source>the content is %1 (%2)</source>
        <translation>der Inhalt ist %1 (%2)</translation>
    </message>
    <message>
        <source>no backend reads %1</source>
        <translation>kein Backend liest %1</translation>
    </message>
</context>
<context>
    <name>folio::OutlinePanel</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter the outline</source>
        <translation>Das Inhaltsverzeichnis filtern</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>The outline could not be read.
%1</source>
        <translation>Das Inhaltsverzeichnis konnte nicht gelesen werden.
%1</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Reading the outline…</source>
        <translation>Inhaltsverzeichnis wird gelesen …</translation>
    </message>
    <message>
        <source>This document has no outline</source>
        <translation>Dieses Dokument hat kein Inhaltsverzeichnis</translation>
    </message>
</context>
<context>
    <name>folio::PageColorModes</name>
    <message>
        <source>Inverted</source>
        <translation>Invertiert</translation>
    </message>
    <message>
        <source>Inverted lightness (colours kept)</source>
        <translation>Helligkeit invertiert (Farben bleiben)</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <source>Custom paper and ink</source>
        <translation>Eigenes Papier und Tinte</translation>
    </message>
</context>
<context>
    <name>folio::PageFailureBar</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry Without Time Limit</source>
        <translation>Ohne Zeitlimit erneut versuchen</translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation>Seite %1 konnte nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>Retry with %1 s</source>
        <translation>Mit %1 s erneut versuchen</translation>
    </message>
</context>
<context>
    <name>folio::PageLinkCache</name>
    <message>
        <source>Go to page %1</source>
        <translation>Gehe zu Seite %1</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, Seite %2</translation>
    </message>
    <message>
        <source>Go to the first page</source>
        <translation>Gehe zur ersten Seite</translation>
    </message>
    <message>
        <source>Go to the previous page</source>
        <translation>Gehe zur vorherigen Seite</translation>
    </message>
    <message>
        <source>Go to the next page</source>
        <translation>Gehe zur nächsten Seite</translation>
    </message>
    <message>
        <source>Go to the last page</source>
        <translation>Gehe zur letzten Seite</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Gehe zurück</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Gehe vorwärts</translation>
    </message>
</context>
<context>
    <name>folio::PageList</name>
    <message>
        <source>Invalid page list &quot;%1&quot; at &quot;%2&quot;: use numbers and ranges such as 1,3-5,8-</source>
        <translation>Ungültige Seitenliste „%1“ bei „%2“: Verwenden Sie Zahlen und Bereiche wie 1,3-5,8-</translation>
    </message>
    <message>
        <source>Page %1 does not exist (the document has %2)</source>
        <translation>Seite %1 existiert nicht (das Dokument hat %2)</translation>
    </message>
    <message>
        <source>Invalid duration &quot;%1&quot;: use a number with ms, s, m or h (e.g. 500ms, 30s, 2m)</source>
        <translation>Ungültige Dauer „%1“: Verwenden Sie eine Zahl mit ms, s, m oder h (z. B. 500ms, 30s, 2m)</translation>
    </message>
    <message>
        <source>Duration &quot;%1&quot; is too long</source>
        <translation>Die Dauer „%1“ ist zu lang</translation>
    </message>
</context>
<context>
    <name>folio::PageSpinBox</name>
    <message>
        <source>pages %1 to %2</source>
        <translation>die Seiten %1 bis %2</translation>
    </message>
    <message>
        <source>There is no page %1: the document has %2.</source>
        <translation>Es gibt keine Seite %1: Das Dokument hat %2.</translation>
    </message>
    <message>
        <source>No page is called “%1”: the document has %2.</source>
        <translation>Keine Seite heißt „%1“: Das Dokument hat %2.</translation>
    </message>
</context>
<context>
    <name>folio::PageView</name>
    <message>
        <source>Page %1 could not be shown
%2</source>
        <translation>Seite %1 konnte nicht angezeigt werden
%2</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Wird gezeichnet …</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>folio::PdfEditor</name>
    <message>
        <source>Not a readable PDF file</source>
        <translation>Keine lesbare PDF-Datei</translation>
    </message>
    <message>
        <source>The PDF is encrypted and needs a password</source>
        <translation>Die PDF-Datei ist verschlüsselt und braucht ein Passwort</translation>
    </message>
    <message>
        <source>The password is not correct for this PDF</source>
        <translation>Das Passwort passt nicht zu dieser PDF-Datei</translation>
    </message>
    <message>
        <source>Page %1 does not exist (the document has %2)</source>
        <translation>Seite %1 gibt es nicht (das Dokument hat %2)</translation>
    </message>
    <message>
        <source>A %1 is not a text markup (highlight, underline, strike-out or squiggly)</source>
        <translation>%1 ist keine Textmarkierung (Hervorhebung, Unterstreichung, Durchstreichung oder Wellenlinie)</translation>
    </message>
    <message>
        <source>Page %1 cannot be read</source>
        <translation>Seite %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The %1 on page %2 marks no region</source>
        <translation>%1 auf Seite %2 markiert keinen Bereich</translation>
    </message>
    <message>
        <source>The note on page %1 has no place</source>
        <translation>Die Notiz auf Seite %1 hat keinen Ort</translation>
    </message>
    <message>
        <source>The annotation &quot;%1&quot; was not made by Folio; Folio deletes only its own</source>
        <translation>Die Anmerkung „%1“ stammt nicht von Folio; Folio löscht nur eigene</translation>
    </message>
    <message>
        <source>The document has no annotation &quot;%1&quot; to delete</source>
        <translation>Das Dokument hat keine Anmerkung „%1“ zum Löschen</translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; is read-only</source>
        <translation>Das Formularfeld „%1“ ist schreibgeschützt</translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; is a push button</source>
        <translation>Das Formularfeld „%1“ ist eine Schaltfläche</translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; takes one choice, not %2</source>
        <translation>Das Formularfeld „%1“ nimmt eine Auswahl, nicht %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a choice of the form field &quot;%2&quot;</source>
        <translation>„%1“ ist keine Auswahl des Formularfelds „%2“</translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; cannot be filled in by Folio (a signature?)</source>
        <translation>Das Formularfeld „%1“ kann Folio nicht ausfüllen (eine Unterschrift?)</translation>
    </message>
    <message>
        <source>The document has no form field &quot;%1&quot;</source>
        <translation>Das Dokument hat kein Formularfeld „%1“</translation>
    </message>
    <message>
        <source>Poppler could not write the PDF</source>
        <translation>Poppler konnte die PDF-Datei nicht schreiben</translation>
    </message>
    <message>
        <source>The written copy cannot be read back</source>
        <translation>Die geschriebene Kopie lässt sich nicht wieder lesen</translation>
    </message>
    <message>
        <source>The written copy has %1 instead of %2</source>
        <translation>Die geschriebene Kopie hat %1 statt %2</translation>
    </message>
    <message>
        <source>Page %1 of the written copy cannot be read</source>
        <translation>Seite %1 der geschriebenen Kopie kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The annotation &quot;%1&quot; is still in the written copy</source>
        <translation>Die Anmerkung „%1“ ist noch in der geschriebenen Kopie</translation>
    </message>
    <message>
        <source>The annotation &quot;%1&quot; is missing from the written copy</source>
        <translation>Die Anmerkung „%1“ fehlt in der geschriebenen Kopie</translation>
    </message>
    <message>
        <source>The form field &quot;%1&quot; does not hold its new value in the written copy</source>
        <translation>Das Formularfeld „%1“ hat in der geschriebenen Kopie nicht seinen neuen Wert</translation>
    </message>
    <message>
        <source>No file to write the copy to</source>
        <translation>Keine Datei, in die die Kopie geschrieben werden kann</translation>
    </message>
    <message>
        <source>The copy would replace the document it is made from; choose another file name</source>
        <translation>Die Kopie würde das Dokument ersetzen, aus dem sie entsteht; bitte einen anderen Dateinamen wählen</translation>
    </message>
    <message>
        <source>The destination is a folder</source>
        <translation>Das Ziel ist ein Ordner</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the PDF</source>
        <translation>die PDF-Datei</translation>
    </message>
    <message>
        <source>Cannot write the copy: %1</source>
        <translation>Die Kopie kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>folio::PdfExporter</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write the PDF file: %1</source>
        <translation>Die PDF-Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Page %1 has an invalid size</source>
        <translation>Seite %1 hat eine ungültige Größe</translation>
    </message>
    <message>
        <source>Pages can only be turned by multiples of 90 degrees</source>
        <translation>Seiten können nur um Vielfache von 90 Grad gedreht werden</translation>
    </message>
</context>
<context>
    <name>folio::PostScriptBackend</name>
    <message>
        <source>PostScript</source>
        <translation>PostScript</translation>
    </message>
</context>
<context>
    <name>folio::PreferencesDialog</name>
    <message>
        <source>Preferences — Folio</source>
        <translation>Einstellungen — Folio</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Begrenzung</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Rendered pages of the document on screen are kept up to this size, so scrolling back shows them at once. Documents in other tabs keep an eighth.</source>
        <translation>Gezeichnete Seiten des angezeigten Dokuments werden bis zu dieser Größe behalten, sodass sie beim Zurückblättern sofort erscheinen. Dokumente in anderen Tabs behalten ein Achtel.</translation>
    </message>
    <message>
        <source>&amp;Time limit for long operations:</source>
        <translation>&amp;Zeitlimit für lange Vorgänge:</translation>
    </message>
    <message>
        <source>&amp;Memory for rendered pages:</source>
        <translation>&amp;Speicher für gezeichnete Seiten:</translation>
    </message>
    <message>
        <source>Opening, searching and exporting stop by themselves after this time. Esc or Cancel stops them at any moment.</source>
        <translation>Öffnen, Suchen und Exportieren enden nach dieser Zeit von selbst. Esc oder „Abbrechen“ beendet sie jederzeit.</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source> : 1</source>
        <translation> : 1</translation>
    </message>
    <message>
        <source> thousand</source>
        <translation> Tausend</translation>
    </message>
    <message>
        <source>Archive safety limits</source>
        <translation>Sicherheitsgrenzen für Archive</translation>
    </message>
    <message>
        <source>Largest &amp;entry:</source>
        <translation>Größter &amp;Eintrag:</translation>
    </message>
    <message>
        <source>Largest &amp;total to extract:</source>
        <translation>Größte &amp;Gesamtmenge beim Entpacken:</translation>
    </message>
    <message>
        <source>Highest compression &amp;ratio (over 1 MiB):</source>
        <translation>Höchstes &amp;Kompressionsverhältnis (über 1 MiB):</translation>
    </message>
    <message>
        <source>Most e&amp;ntries:</source>
        <translation>&amp;Höchstzahl an Einträgen:</translation>
    </message>
    <message>
        <source>Archives, comic books and e-books that exceed these are refused before they can fill the memory or the disk. Raise them only for files you trust.</source>
        <translation>Archive, Comics und E-Books, die diese Grenzen überschreiten, werden abgelehnt, bevor sie den Arbeitsspeicher oder die Festplatte füllen können. Erhöhen Sie die Grenzen nur für Dateien, denen Sie vertrauen.</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>The code page of file names in archives that do not say theirs</source>
        <translation>Die Codepage der Dateinamen in Archiven, die ihre eigene nicht angeben</translation>
    </message>
    <message>
        <source>Entry &amp;names without a code page:</source>
        <translation>Eintrags&amp;namen ohne Codepage:</translation>
    </message>
    <message>
        <source>&amp;Keep pictures as they are</source>
        <translation>&amp;Bilder unverändert lassen</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Paper Colour</source>
        <translation>Papierfarbe</translation>
    </message>
    <message>
        <source>Ink Colour</source>
        <translation>Tintenfarbe</translation>
    </message>
    <message>
        <source>Page colours</source>
        <translation>Seitenfarben</translation>
    </message>
    <message>
        <source>Documents &amp;open in:</source>
        <translation>Dokumente &amp;öffnen in:</translation>
    </message>
    <message>
        <source>Custom &amp;paper:</source>
        <translation>Eigenes &amp;Papier:</translation>
    </message>
    <message>
        <source>Custom &amp;ink:</source>
        <translation>Eigene &amp;Tinte:</translation>
    </message>
    <message>
        <source>&amp;Reopen the last session&apos;s documents at start</source>
        <translation>Beim Start die Dokumente der letzten Sitzung wieder ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Folio started without files opens the tabs that were open when it last closed, each at its page</source>
        <translation>Ohne Dateien gestartet öffnet Folio die Tabs, die beim letzten Schließen offen waren, jeden an seiner Seite</translation>
    </message>
    <message>
        <source>The window&apos;s screen</source>
        <translation>Der Bildschirm des Fensters</translation>
    </message>
    <message>
        <source>%1 (%2 × %3)</source>
        <translation>%1 (%2 × %3)</translation>
    </message>
    <message>
        <source>As the desktop&apos;s</source>
        <translation>Wie die Arbeitsumgebung</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Window colours:</source>
        <translation>&amp;Fensterfarben:</translation>
    </message>
    <message>
        <source>P&amp;resentations on:</source>
        <translation>P&amp;räsentationen auf:</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht angeschlossen)</translation>
    </message>
    <message>
        <source>The name highlights and notes made in Folio carry</source>
        <translation>Der Name, den in Folio gemachte Hervorhebungen und Notizen tragen</translation>
    </message>
    <message>
        <source>A&amp;uthor of annotations:</source>
        <translation>A&amp;utor von Anmerkungen:</translation>
    </message>
</context>
<context>
    <name>folio::PresentationBackend</name>
    <message>
        <source>Presentations</source>
        <translation>Präsentationen</translation>
    </message>
</context>
<context>
    <name>folio::PresentationView</name>
    <message>
        <source>Presentation</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <source>Page %1 could not be shown: %2</source>
        <translation>Seite %1 konnte nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Go to page %1</source>
        <translation>Gehe zu Seite %1</translation>
    </message>
</context>
<context>
    <name>folio::PrintController</name>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>&amp;Fit to page</source>
        <translation>An Seite &amp;anpassen</translation>
    </message>
    <message>
        <source>&amp;Shrink oversized pages</source>
        <translation>Übergroße Seiten &amp;verkleinern</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Rotate landscape pages to fit the paper</source>
        <translation>Querformatige Seiten passend zum Papier &amp;drehen</translation>
    </message>
    <message>
        <source>Printing %1…</source>
        <translation>Drucke %1 …</translation>
    </message>
    <message>
        <source>Print “%1”</source>
        <translation>„%1“ drucken</translation>
    </message>
    <message>
        <source>Preparing the print preview of</source>
        <translation>Erstelle Druckvorschau von</translation>
    </message>
    <message>
        <source>Print Preview of “%1”</source>
        <translation>Druckvorschau von „%1“</translation>
    </message>
</context>
<context>
    <name>folio::PrintJob</name>
    <message>
        <source>Page %1 does not exist</source>
        <translation>Seite %1 existiert nicht</translation>
    </message>
    <message>
        <source>Cannot reach the printing system (CUPS): %1</source>
        <translation>Das Drucksystem (CUPS) ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The printer %1 refused the job: %2</source>
        <translation>Der Drucker %1 hat den Auftrag abgelehnt: %2</translation>
    </message>
    <message>
        <source>No file to print to was given</source>
        <translation>Es wurde keine Datei angegeben, in die gedruckt werden soll</translation>
    </message>
    <message>
        <source>No printer was chosen</source>
        <translation>Es wurde kein Drucker ausgewählt</translation>
    </message>
    <message>
        <source>Cannot create a temporary file to print: %1</source>
        <translation>Für den Druck kann keine temporäre Datei angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot start printing on %1</source>
        <translation>Der Druck auf %1 kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>The printer did not take page %1</source>
        <translation>Der Drucker hat Seite %1 nicht angenommen</translation>
    </message>
    <message>
        <source>The print job could not be completed</source>
        <translation>Der Druckauftrag konnte nicht abgeschlossen werden</translation>
    </message>
    <message>
        <source>There are no pages to print</source>
        <translation>Es gibt keine Seiten zum Drucken</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Drucke</translation>
    </message>
</context>
<context>
    <name>folio::PropertiesDialog</name>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Properties — %1</source>
        <translation>Eigenschaften — %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>MIME type</source>
        <translation>MIME-Typ</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>Verschlüsselt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy all properties as text</source>
        <translation>Alle Eigenschaften als Text kopieren</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The document has no metadata.</source>
        <translation>Das Dokument hat keine Metadaten.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading properties of</source>
        <translation>Lese Eigenschaften von</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln byte(s))</source>
        <translation>
            <numerusform>%1 (%Ln Byte)</numerusform>
            <numerusform>%1 (%Ln Byte)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Byte)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln Seite</numerusform>
            <numerusform>%Ln Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s) so far, still counting</source>
        <translation>
            <numerusform>bisher %Ln Seite, Zählung läuft</numerusform>
            <numerusform>bisher %Ln Seiten, Zählung läuft</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2 mm (%3 × %4 pt)</source>
        <translation>%1 × %2 mm (%3 × %4 pt)</translation>
    </message>
    <message>
        <source>%1 landscape, %2</source>
        <translation>%1 quer, %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date and time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Schlüsselwörter</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Erstellt mit</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Erzeugt mit</translation>
    </message>
    <message>
        <source>Creation date</source>
        <translation>Erstellungsdatum</translation>
    </message>
    <message>
        <source>Modification date</source>
        <translation>Änderungsdatum</translation>
    </message>
    <message>
        <source>PDF version</source>
        <translation>PDF-Version</translation>
    </message>
    <message>
        <source>Linearized</source>
        <translation>Linearisiert</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Kodierung</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Einzelbilder</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Byte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::RasterExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>folio::SafeXmlReader</name>
    <message>
        <source>%1 is not well-formed XML: %2 (line %3)</source>
        <translation>%1 ist kein wohlgeformtes XML: %2 (Zeile %3)</translation>
    </message>
    <message>
        <source>%1 ends too early: %2</source>
        <translation>%1 endet zu früh: %2</translation>
    </message>
    <message>
        <source>%1 declares XML entities, which Folio refuses to expand (they can expand without limit)</source>
        <translation>%1 deklariert XML-Entitäten, die Folio nicht auflöst (sie können sich unbegrenzt ausdehnen)</translation>
    </message>
    <message>
        <source>%1 nests elements deeper than the limit of %2 levels</source>
        <translation>%1 verschachtelt Elemente tiefer als die Grenze von %2 Ebenen</translation>
    </message>
</context>
<context>
    <name>folio::SpreadsheetBackend</name>
    <message>
        <source>Spreadsheets</source>
        <translation>Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>The spreadsheet</source>
        <translation>Die Tabellenkalkulation</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheet</source>
        <translation>OpenDocument-Tabelle</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel-Arbeitsmappe</translation>
    </message>
</context>
<context>
    <name>folio::StagedOutput</name>
    <message>
        <source>%1 exists and is not a folder</source>
        <translation>%1 existiert und ist kein Ordner</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create a temporary file in %1</source>
        <translation>In %1 kann keine temporäre Datei angelegt werden</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>Schreiben von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot rename to %1: %2</source>
        <translation>Umbenennen in %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1 is a symbolic link; Folio does not write through links</source>
        <translation>%1 ist eine symbolische Verknüpfung; Folio schreibt nicht über Verknüpfungen</translation>
    </message>
    <message>
        <source>Not a safe relative path: %1</source>
        <translation>Kein sicherer relativer Pfad: %1</translation>
    </message>
</context>
<context>
    <name>folio::Status</name>
    <message>
        <source>Timed out after %1</source>
        <translation>Zeitüberschreitung nach %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled by a newer request</source>
        <translation>Durch eine neuere Anfrage abgebrochen</translation>
    </message>
    <message>
        <source>Cancelled because the application is closing</source>
        <translation>Abgebrochen, weil die Anwendung beendet wird</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 Seite</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 Seiten</translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation>1 Anhang</translation>
    </message>
    <message>
        <source>%1 attachments</source>
        <translation>%1 Anhänge</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>folio::TextBackend</name>
    <message>
        <source>Text documents</source>
        <translation>Textdokumente</translation>
    </message>
    <message>
        <source>No input device</source>
        <translation>Kein Eingabegerät</translation>
    </message>
</context>
<context>
    <name>folio::TextSearch</name>
    <message>
        <source>This document&apos;s format does not support search</source>
        <translation>Das Format dieses Dokuments unterstützt keine Suche</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1 (at character %2)</source>
        <translation>Ungültiger regulärer Ausdruck: %1 (bei Zeichen %2)</translation>
    </message>
</context>
<context>
    <name>folio::ThumbnailPanel</name>
    <message>
        <source>Page %1 could not be shown</source>
        <translation>Seite %1 konnte nicht angezeigt werden</translation>
    </message>
</context>
<context>
    <name>folio::Viewer</name>
    <message>
        <source>A document read from a stream cannot be opened twice</source>
        <translation>Ein aus einem Datenstrom gelesenes Dokument kann nicht zweimal geöffnet werden</translation>
    </message>
    <message>
        <source>No document is open</source>
        <translation>Es ist kein Dokument geöffnet</translation>
    </message>
    <message>
        <source>the file was deleted or moved after it was opened</source>
        <translation>die Datei wurde nach dem Öffnen gelöscht oder verschoben</translation>
    </message>
    <message>
        <source>the file changed on disk after it was opened; open it again to see the new version</source>
        <translation>die Datei wurde nach dem Öffnen auf der Festplatte geändert; öffnen Sie sie erneut, um die neue Version zu sehen</translation>
    </message>
    <message>
        <source>is a folder, not a document</source>
        <translation>ist ein Ordner, kein Dokument</translation>
    </message>
    <message>
        <source> (its name holds bytes that are not UTF-8; rename the file, or open it with folio-cli)</source>
        <translation> (der Dateiname enthält Bytes, die kein gültiges UTF-8 sind; benennen Sie die Datei um oder öffnen Sie sie mit folio-cli)</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>kann nicht geöffnet werden: %1</translation>
    </message>
</context>
<context>
    <name>folio::WelcomeWidget</name>
    <message>
        <source>Open a document</source>
        <translation>Ein Dokument öffnen</translation>
    </message>
    <message>
        <source>Drop a file here, or choose one with File › Open (%1).</source>
        <translation>Legen Sie eine Datei hier ab oder wählen Sie eine mit Datei › Öffnen (%1).</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <source>Recent documents</source>
        <translation>Zuletzt geöffnete Dokumente</translation>
    </message>
    <message>
        <source>%1  —  %2</source>
        <translation>%1  —  %2</translation>
    </message>
</context>
<context>
    <name>folio::WordProcessingBackend</name>
    <message>
        <source>Word-processing documents</source>
        <translation>Textverarbeitungsdokumente</translation>
    </message>
    <message>
        <source>The document</source>
        <translation>Das Dokument</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>OpenDocument-Text</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word-Dokument</translation>
    </message>
</context>
<context>
    <name>folio::XpsBackend</name>
    <message>
        <source>XPS</source>
        <translation>XPS</translation>
    </message>
</context>
<context>
    <name>folio::archive::ArchiveDocument</name>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>%1 archive</source>
        <translation>%1-Archiv</translation>
    </message>
</context>
<context>
    <name>folio::archive::ArchiveReader</name>
    <message>
        <source>No readable input</source>
        <translation>Keine lesbare Eingabe</translation>
    </message>
    <message>
        <source>%1 is not an archive format Folio reads</source>
        <translation>%1 ist kein Archivformat, das Folio lesen kann</translation>
    </message>
    <message>
        <source>The archive</source>
        <translation>Das Archiv</translation>
    </message>
    <message>
        <source>Read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>The 7z archive is encrypted and needs a password</source>
        <translation>Das 7z-Archiv ist verschlüsselt und benötigt ein Passwort</translation>
    </message>
    <message>
        <source>The password is wrong, or the 7z archive is damaged: %1</source>
        <translation>Das Passwort ist falsch oder das 7z-Archiv ist beschädigt: %1</translation>
    </message>
    <message>
        <source>Not a readable %1 archive</source>
        <translation>Kein lesbares %1-Archiv</translation>
    </message>
    <message>
        <source>Not a readable %1 archive: %2</source>
        <translation>Kein lesbares %1-Archiv: %2</translation>
    </message>
    <message>
        <source>%1 is compressed with %2, which Folio cannot read</source>
        <translation>%1 ist mit %2 komprimiert, was Folio nicht lesen kann</translation>
    </message>
    <message>
        <source>%1 is encrypted; Folio cannot read encrypted ZIP entries</source>
        <translation>%1 ist verschlüsselt; Folio kann keine verschlüsselten ZIP-Einträge lesen</translation>
    </message>
    <message>
        <source>Entry %1 is not a file in the archive</source>
        <translation>Eintrag %1 ist keine Datei im Archiv</translation>
    </message>
    <message>
        <source>%1 is not where the archive&apos;s directory says</source>
        <translation>%1 liegt nicht dort, wo das Verzeichnis des Archivs angibt</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 is %2, more than the %3 Folio reads into memory</source>
        <translation>%1 ist %2 groß, mehr als die %3, die Folio in den Arbeitsspeicher liest</translation>
    </message>
    <message>
        <source>%1 is truncated</source>
        <translation>%1 ist abgeschnitten</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 ist beschädigt</translation>
    </message>
    <message>
        <source>Write error: %1</source>
        <translation>Schreibfehler: %1</translation>
    </message>
    <message>
        <source>The entry “%1”</source>
        <translation>Der Eintrag „%1“</translation>
    </message>
    <message>
        <source>%1 is a hard link to a file the archive does not hold</source>
        <translation>%1 ist ein harter Link auf eine Datei, die das Archiv nicht enthält</translation>
    </message>
    <message>
        <source>%1 is not where the archive&apos;s listing said</source>
        <translation>%1 liegt nicht dort, wo die Auflistung des Archivs angab</translation>
    </message>
</context>
<context>
    <name>folio::archive::ComicDocument</name>
    <message>
        <source>The comic book holds no images</source>
        <translation>Der Comic enthält keine Bilder</translation>
    </message>
    <message>
        <source>The comic book has %1 pages, over the limit of %2</source>
        <translation>Der Comic hat %1 Seiten und überschreitet die Grenze von %2</translation>
    </message>
    <message>
        <source>Comic book</source>
        <translation>Comic</translation>
    </message>
    <message>
        <source>not an image: %1</source>
        <translation>kein Bild: %1</translation>
    </message>
</context>
<context>
    <name>folio::archive::CompressedDocument</name>
    <message>
        <source>%1 (%2-compressed)</source>
        <translation>%1 (%2-komprimiert)</translation>
    </message>
</context>
<context>
    <name>folio::archive::Decompress</name>
    <message>
        <source>Cannot write the decompressed data to a temporary file: %1</source>
        <translation>Die dekomprimierten Daten können nicht in eine temporäre Datei geschrieben werden: %1</translation>
    </message>
    <message>
        <source>%1 is damaged: its %2 data cannot be decompressed%3</source>
        <translation>%1 ist beschädigt: Die %2-Daten können nicht dekomprimiert werden%3</translation>
    </message>
    <message>
        <source>%1 is truncated: its %2 data ends early</source>
        <translation>%1 ist abgeschnitten: Die %2-Daten enden zu früh</translation>
    </message>
    <message>
        <source>Read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>it asks for more than %1 of memory</source>
        <translation>es benötigt mehr als %1 Arbeitsspeicher</translation>
    </message>
    <message>
        <source>its check failed</source>
        <translation>die Prüfsumme stimmt nicht</translation>
    </message>
    <message>
        <source>%1 is damaged: its %2 data cannot be decompressed (%3)</source>
        <translation>%1 ist beschädigt: Die %2-Daten können nicht dekomprimiert werden (%3)</translation>
    </message>
</context>
<context>
    <name>folio::archive::EntryDevice</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds more data than the %2 its header declares</source>
        <translation>%1 enthält mehr Daten als die im Header angegebenen %2</translation>
    </message>
    <message>
        <source>%1 cannot be decrypted: the password is wrong or the archive is damaged</source>
        <translation>%1 kann nicht entschlüsselt werden: Das Passwort ist falsch oder das Archiv ist beschädigt</translation>
    </message>
    <message>
        <source>%1 cannot be read: KArchive could not decode this 7z archive&apos;s data (a compression method it does not support, or damage)</source>
        <translation>%1 kann nicht gelesen werden: KArchive konnte die Daten dieses 7z-Archivs nicht dekodieren (ein nicht unterstütztes Kompressionsverfahren oder eine Beschädigung)</translation>
    </message>
    <message>
        <source>%1 is damaged: its compressed data cannot be decoded</source>
        <translation>%1 ist beschädigt: Die komprimierten Daten können nicht dekodiert werden</translation>
    </message>
    <message>
        <source>%1 is truncated: it ends after %2 of its %3</source>
        <translation>%1 ist abgeschnitten: Nur %2 von %3 sind vorhanden</translation>
    </message>
    <message>
        <source>%1 cannot be decrypted: the password is wrong or missing (%2)</source>
        <translation>%1 kann nicht entschlüsselt werden: Das Passwort ist falsch oder fehlt (%2)</translation>
    </message>
    <message>
        <source>%1 is damaged: its data does not match its CRC-32 (%2 stored, %3 computed)</source>
        <translation>%1 ist beschädigt: Die Daten stimmen nicht mit der CRC-32-Prüfsumme überein (%2 gespeichert, %3 berechnet)</translation>
    </message>
</context>
<context>
    <name>folio::archive::LibarchivePass</name>
    <message>
        <source>Out of memory</source>
        <translation>Nicht genügend Speicher</translation>
    </message>
    <message>
        <source>This system&apos;s libarchive cannot read this format without an external program</source>
        <translation>Die libarchive dieses Systems kann dieses Format nicht ohne ein externes Programm lesen</translation>
    </message>
    <message>
        <source>Read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>The archive</source>
        <translation>Das Archiv</translation>
    </message>
    <message>
        <source>%1 is encrypted and the password is missing or wrong (%2)</source>
        <translation>%1 ist verschlüsselt und das Passwort fehlt oder ist falsch (%2)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged</source>
        <translation>%1 ist beschädigt</translation>
    </message>
</context>
<context>
    <name>folio::archive::Listing</name>
    <message>
        <source>%1 archive: 1 file</source>
        <translation>%1-Archiv: 1 Datei</translation>
    </message>
    <message>
        <source>%1 archive: %2 files</source>
        <translation>%1-Archiv: %2 Dateien</translation>
    </message>
    <message>
        <source>, 1 folder</source>
        <translation>, 1 Ordner</translation>
    </message>
    <message>
        <source>, %1 folders</source>
        <translation>, %1 Ordner</translation>
    </message>
    <message>
        <source>, 1 link</source>
        <translation>, 1 Verknüpfung</translation>
    </message>
    <message>
        <source>, %1 links</source>
        <translation>, %1 Verknüpfungen</translation>
    </message>
    <message>
        <source>%1 in files, %2 packed%3
</source>
        <translation>%1 in Dateien, %2 gepackt%3
</translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation>, verschlüsselt</translation>
    </message>
    <message>
        <source>Permissions      Size    Packed  Modified          Path</source>
        <translation>Rechte          Größe   Gepackt  Geändert          Pfad</translation>
    </message>
</context>
<context>
    <name>folio::archive::SevenZipCheck</name>
    <message>
        <source>Not a readable 7z archive: %1</source>
        <translation>Kein lesbares 7z-Archiv: %1</translation>
    </message>
    <message>
        <source>bad LZMA properties in the header</source>
        <translation>fehlerhafte LZMA-Eigenschaften im Header</translation>
    </message>
    <message>
        <source>the header cannot be decoded</source>
        <translation>der Header kann nicht dekodiert werden</translation>
    </message>
    <message>
        <source>the compressed header is damaged</source>
        <translation>der komprimierte Header ist beschädigt</translation>
    </message>
    <message>
        <source>7z archives with archive properties are not supported</source>
        <translation>7z-Archive mit Archiveigenschaften werden nicht unterstützt</translation>
    </message>
    <message>
        <source>bad streams information</source>
        <translation>fehlerhafte Datenstrom-Informationen</translation>
    </message>
    <message>
        <source>cannot read the signature</source>
        <translation>die Signatur kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>no 7z signature</source>
        <translation>keine 7z-Signatur</translation>
    </message>
    <message>
        <source>bad CRC of the start header</source>
        <translation>fehlerhafte CRC des Start-Headers</translation>
    </message>
    <message>
        <source>the header lies outside the file</source>
        <translation>der Header liegt außerhalb der Datei</translation>
    </message>
    <message>
        <source>cannot read the header</source>
        <translation>der Header kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>bad CRC of the header</source>
        <translation>fehlerhafte CRC des Headers</translation>
    </message>
    <message>
        <source>unknown header type %1</source>
        <translation>unbekannter Header-Typ %1</translation>
    </message>
    <message>
        <source>bad encoded header</source>
        <translation>fehlerhafter kodierter Header</translation>
    </message>
    <message>
        <source>The 7z archive&apos;s header is compressed with a method Folio cannot check</source>
        <translation>Der Header des 7z-Archivs ist mit einem Verfahren komprimiert, das Folio nicht prüfen kann</translation>
    </message>
    <message>
        <source>The 7z archive&apos;s header</source>
        <translation>Der Header des 7z-Archivs</translation>
    </message>
    <message>
        <source>bad decoded header</source>
        <translation>fehlerhafter dekodierter Header</translation>
    </message>
    <message>
        <source>The 7z archive</source>
        <translation>Das 7z-Archiv</translation>
    </message>
    <message>
        <source>The 7z archive expands to %1 and KArchive decodes 7z archives in memory, over the in-memory limit of %2</source>
        <translation>Das 7z-Archiv wird beim Entpacken %1 groß, und KArchive dekodiert 7z-Archive im Arbeitsspeicher; das überschreitet die Grenze von %2 im Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>folio::book::BookDocument</name>
    <message>
        <source>The document has no readable text</source>
        <translation>Das Dokument hat keinen lesbaren Text</translation>
    </message>
    <message>
        <source>Folio could not show all of “%1”: %2</source>
        <translation>Folio konnte „%1“ nicht vollständig anzeigen: %2</translation>
    </message>
    <message>
        <source>The book has more than %1 pages, the limit of pages per document</source>
        <translation>Das Buch hat mehr als %1 Seiten, die Höchstzahl an Seiten pro Dokument</translation>
    </message>
</context>
<context>
    <name>folio::book::MemoryBook</name>
    <message>
        <source>The document has no part “%1”</source>
        <translation>Das Dokument hat keinen Teil „%1“</translation>
    </message>
    <message>
        <source>“%1” is larger than %2 bytes</source>
        <translation>„%1“ ist größer als %2 Byte</translation>
    </message>
</context>
<context>
    <name>folio::chm::Archive</name>
    <message>
        <source>Not a readable CHM file (CHMlib cannot read its directory)</source>
        <translation>Keine lesbare CHM-Datei (CHMlib kann ihr Verzeichnis nicht lesen)</translation>
    </message>
    <message>
        <source>The CHM file holds no files</source>
        <translation>Die CHM-Datei enthält keine Dateien</translation>
    </message>
    <message>
        <source>The CHM file has no file %1</source>
        <translation>Die CHM-Datei hat keine Datei %1</translation>
    </message>
    <message>
        <source>The CHM file&apos;s directory names %1, which cannot be found</source>
        <translation>Das Verzeichnis der CHM-Datei nennt %1, das nicht zu finden ist</translation>
    </message>
    <message>
        <source>%1 claims an impossible size</source>
        <translation>%1 gibt eine unmögliche Größe an</translation>
    </message>
    <message>
        <source>%1 is %2, over the %3 Folio reads of such a file</source>
        <translation>%1 ist %2 groß, mehr als die %3, die Folio von einer solchen Datei liest</translation>
    </message>
    <message>
        <source>%1 is damaged or truncated (CHMlib read %2 of its %3)</source>
        <translation>%1 ist beschädigt oder abgeschnitten (CHMlib las %2 von %3)</translation>
    </message>
    <message>
        <source>The table of contents has more than %1 entries</source>
        <translation>Das Inhaltsverzeichnis hat mehr als %1 Einträge</translation>
    </message>
    <message>
        <source>The CHM file has no topic to show</source>
        <translation>Die CHM-Datei hat kein Thema, das sich anzeigen ließe</translation>
    </message>
</context>
<context>
    <name>folio::djvu::DjvuDocument</name>
    <message>
        <source>DjVu document</source>
        <translation>DjVu-Dokument</translation>
    </message>
    <message>
        <source>The DjVu library could not start</source>
        <translation>Die DjVu-Bibliothek konnte nicht starten</translation>
    </message>
    <message>
        <source>The DjVu file is damaged or truncated%1</source>
        <translation>Die DjVu-Datei ist beschädigt oder abgeschnitten%1</translation>
    </message>
    <message>
        <source>The DjVu document keeps its pages in other files; only bundled documents are read</source>
        <translation>Das DjVu-Dokument hält seine Seiten in anderen Dateien; nur gebündelte Dokumente werden gelesen</translation>
    </message>
    <message>
        <source>The DjVu file has no pages%1</source>
        <translation>Die DjVu-Datei hat keine Seiten%1</translation>
    </message>
    <message>
        <source>The document has %1 pages, over the limit of %2</source>
        <translation>Das Dokument hat %1 Seiten, über der Grenze von %2</translation>
    </message>
    <message>
        <source>Page %1 of the DjVu file is damaged%2</source>
        <translation>Seite %1 der DjVu-Datei ist beschädigt%2</translation>
    </message>
    <message>
        <source>Page %1 claims %2×%3 pixels, over the limit of %4 megapixels</source>
        <translation>Seite %1 gibt %2×%3 Pixel an, über der Grenze von %4 Megapixeln</translation>
    </message>
    <message>
        <source>Page %1 of the DjVu file could not be read</source>
        <translation>Seite %1 der DjVu-Datei konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>folio::email::EmailDocument</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Anhänge:</translation>
    </message>
    <message>
        <source>Message %1: %2</source>
        <translation>Nachricht %1: %2</translation>
    </message>
</context>
<context>
    <name>folio::email::MimeReader</name>
    <message>
        <source>%1: the MIME parts nest deeper than %2 levels</source>
        <translation>%1: Die MIME-Teile sind tiefer als %2 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>part %1</source>
        <translation>Teil %1</translation>
    </message>
    <message>
        <source>part-%1</source>
        <translation>teil-%1</translation>
    </message>
    <message>
        <source>message-%1</source>
        <translation>nachricht-%1</translation>
    </message>
    <message>
        <source>%1: the message declares more than %2 nested MIME containers (multipart or message parts): refused as a MIME bomb</source>
        <translation>%1: Die Nachricht gibt mehr als %2 verschachtelte MIME-Container an (multipart- oder message-Teile): als MIME-Bombe abgelehnt</translation>
    </message>
    <message>
        <source>%1: not an Internet message (no header could be read)</source>
        <translation>%1: keine Internet-Nachricht (kein Kopf lesbar)</translation>
    </message>
</context>
<context>
    <name>folio::email::OutlookMessage</name>
    <message>
        <source>%1: the stream %2 cannot be read</source>
        <translation>%1: Der Datenstrom %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1: not a readable Outlook message: %2</source>
        <translation>%1: keine lesbare Outlook-Nachricht: %2</translation>
    </message>
    <message>
        <source>An attached Outlook item (%1) is not shown.</source>
        <translation>Ein angehängtes Outlook-Element (%1) wird nicht angezeigt.</translation>
    </message>
    <message>
        <source>message</source>
        <translation>nachricht</translation>
    </message>
    <message>
        <source>attachment-%1.dat</source>
        <translation>anhang-%1.dat</translation>
    </message>
</context>
<context>
    <name>folio::email::TnefReader</name>
    <message>
        <source>%1: not a readable TNEF stream (winmail.dat)</source>
        <translation>%1: kein lesbarer TNEF-Datenstrom (winmail.dat)</translation>
    </message>
    <message>
        <source>message.rtf</source>
        <translation>nachricht.rtf</translation>
    </message>
    <message>
        <source>attachment-%1.dat</source>
        <translation>anhang-%1.dat</translation>
    </message>
</context>
<context>
    <name>folio::epub::Package</name>
    <message>
        <source>The EPUB has no file “%1”</source>
        <translation>Das EPUB enthält keine Datei „%1“</translation>
    </message>
    <message>
        <source>“%1” is encrypted (DRM), which Folio cannot read</source>
        <translation>„%1“ ist verschlüsselt (DRM), was Folio nicht lesen kann</translation>
    </message>
    <message>
        <source>Not an EPUB: META-INF/container.xml is missing</source>
        <translation>Kein EPUB: META-INF/container.xml fehlt</translation>
    </message>
    <message>
        <source>Not an EPUB: META-INF/container.xml names no package document</source>
        <translation>Kein EPUB: META-INF/container.xml nennt kein Paketdokument</translation>
    </message>
    <message>
        <source>The EPUB&apos;s package document “%1” (named by META-INF/container.xml) is missing</source>
        <translation>Das Paketdokument „%1“ des EPUB (genannt in META-INF/container.xml) fehlt</translation>
    </message>
    <message>
        <source>The EPUB&apos;s spine lists no readable document (%1)</source>
        <translation>Die Lesereihenfolge (Spine) des EPUB enthält kein lesbares Dokument (%1)</translation>
    </message>
    <message>
        <source>The EPUB is protected by DRM (“%1” is encrypted)</source>
        <translation>Das EPUB ist durch DRM geschützt („%1“ ist verschlüsselt)</translation>
    </message>
    <message>
        <source>Not a readable EPUB (ZIP) file: %1</source>
        <translation>Keine lesbare EPUB-(ZIP-)Datei: %1</translation>
    </message>
</context>
<context>
    <name>folio::fb2::Fb2Converter</name>
    <message>
        <source>Not a FictionBook: its root element is &lt;%1&gt;</source>
        <translation>Kein FictionBook: Sein Wurzelelement ist &lt;%1&gt;</translation>
    </message>
    <message>
        <source>The FictionBook has no text (no &lt;body&gt;)</source>
        <translation>Das FictionBook hat keinen Text (kein &lt;body&gt;)</translation>
    </message>
    <message>
        <source>picture “%1”</source>
        <translation>Bild „%1“</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>The FictionBook has more than %1 top-level sections</source>
        <translation>Das FictionBook hat mehr als %1 Abschnitte der obersten Ebene</translation>
    </message>
</context>
<context>
    <name>folio::html::LenientHtml</name>
    <message>
        <source>%1 is too large to be read as HTML (%2 MB; the limit is %3 MB)</source>
        <translation>%1 ist zu groß, um als HTML gelesen zu werden (%2 MB; die Grenze ist %3 MB)</translation>
    </message>
    <message>
        <source>%1 may nest elements %2 levels deep, over the limit of %3</source>
        <translation>%1 kann Elemente %2 Ebenen tief verschachteln, mehr als die Grenze von %3</translation>
    </message>
    <message>
        <source>%1 could not be read as HTML</source>
        <translation>%1 konnte nicht als HTML gelesen werden</translation>
    </message>
</context>
<context>
    <name>folio::html::Mhtml</name>
    <message>
        <source>The web archive nests multipart sections more than %1 deep</source>
        <translation>Das Webarchiv verschachtelt multipart-Abschnitte tiefer als %1 Ebenen</translation>
    </message>
    <message>
        <source>The web archive has more than %1 parts</source>
        <translation>Das Webarchiv hat mehr als %1 Teile</translation>
    </message>
    <message>
        <source>part %1 of the web archive</source>
        <translation>Teil %1 des Webarchivs</translation>
    </message>
    <message>
        <source>A multipart section of the web archive has no valid boundary</source>
        <translation>Ein multipart-Abschnitt des Webarchivs hat keine gültige Grenze</translation>
    </message>
    <message>
        <source>A multipart section of the web archive has no parts</source>
        <translation>Ein multipart-Abschnitt des Webarchivs hat keine Teile</translation>
    </message>
    <message>
        <source>Not a web archive: its content is not multipart/related</source>
        <translation>Kein Webarchiv: Sein Inhalt ist nicht multipart/related</translation>
    </message>
</context>
<context>
    <name>folio::image::RasterDocument</name>
    <message>
        <source>%1 image</source>
        <translation>%1-Bild</translation>
    </message>
    <message>
        <source>The data is not an image Qt can read: %1</source>
        <translation>Die Daten sind kein Bild, das Qt lesen kann: %1</translation>
    </message>
    <message>
        <source>The image has more than %1 frames, the limit of pages per document</source>
        <translation>Das Bild hat mehr als %1 Einzelbilder, die Höchstzahl an Seiten pro Dokument</translation>
    </message>
    <message>
        <source>Not enough memory to decode the image</source>
        <translation>Nicht genügend Speicher, um das Bild zu dekodieren</translation>
    </message>
    <message>
        <source>Frame %1 of the image is %2×%3 pixels, over the limit of %4 megapixels</source>
        <translation>Einzelbild %1 des Bildes ist %2×%3 Pixel groß und überschreitet die Grenze von %4 Megapixeln</translation>
    </message>
    <message>
        <source>The image is %1×%2 pixels, over the limit of %3 megapixels</source>
        <translation>Das Bild ist %1×%2 Pixel groß und überschreitet die Grenze von %3 Megapixeln</translation>
    </message>
    <message>
        <source>Frame %1 of the image is damaged or truncated: %2</source>
        <translation>Einzelbild %1 des Bildes ist beschädigt oder abgeschnitten: %2</translation>
    </message>
    <message>
        <source>The image is damaged or truncated: %1</source>
        <translation>Das Bild ist beschädigt oder abgeschnitten: %1</translation>
    </message>
</context>
<context>
    <name>folio::image::SvgDocument</name>
    <message>
        <source>SVG image</source>
        <translation>SVG-Bild</translation>
    </message>
    <message>
        <source>Compressed SVG (svgz) is not supported</source>
        <translation>Komprimiertes SVG (svgz) wird nicht unterstützt</translation>
    </message>
    <message>
        <source>QtSvg cannot read this SVG document</source>
        <translation>QtSvg kann dieses SVG-Dokument nicht lesen</translation>
    </message>
</context>
<context>
    <name>folio::image::SvgScanner</name>
    <message>
        <source>Invalid SVG at line %1, column %2: %3</source>
        <translation>Ungültiges SVG in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>The SVG nests elements deeper than the limit of %1 levels</source>
        <translation>Das SVG verschachtelt Elemente tiefer als die Grenze von %1 Ebenen</translation>
    </message>
    <message>
        <source>Not an SVG document: the root element is &lt;%1&gt;</source>
        <translation>Kein SVG-Dokument: Das Wurzelelement ist &lt;%1&gt;</translation>
    </message>
</context>
<context>
    <name>folio::mobi::Reader</name>
    <message>
        <source>The book has more than %1 page breaks</source>
        <translation>Das Buch hat mehr als %1 Seitenumbrüche</translation>
    </message>
    <message>
        <source>libmobi could not start</source>
        <translation>libmobi konnte nicht starten</translation>
    </message>
    <message>
        <source>The book could not be read from memory</source>
        <translation>Das Buch konnte nicht aus dem Speicher gelesen werden</translation>
    </message>
    <message>
        <source>The book is protected by DRM (digital rights management), which Folio does not remove</source>
        <translation>Das Buch ist durch DRM (digitale Rechteverwaltung) geschützt, die Folio nicht entfernt</translation>
    </message>
    <message>
        <source>Not a readable Mobipocket book (libmobi: %1)</source>
        <translation>Kein lesbares Mobipocket-Buch (libmobi: %1)</translation>
    </message>
    <message>
        <source>The book&apos;s text size is not readable</source>
        <translation>Die Textgröße des Buchs ist nicht lesbar</translation>
    </message>
    <message>
        <source>The book&apos;s text</source>
        <translation>Der Text des Buchs</translation>
    </message>
    <message>
        <source>The book&apos;s text is not readable</source>
        <translation>Der Text des Buchs ist nicht lesbar</translation>
    </message>
    <message>
        <source>The book&apos;s text is not readable (libmobi: %1)</source>
        <translation>Der Text des Buchs ist nicht lesbar (libmobi: %1)</translation>
    </message>
    <message>
        <source>The book has more than %1 parts</source>
        <translation>Das Buch hat mehr als %1 Teile</translation>
    </message>
    <message>
        <source>The book has no text</source>
        <translation>Das Buch hat keinen Text</translation>
    </message>
    <message>
        <source>Not a readable Mobipocket book: %1</source>
        <translation>Kein lesbares Mobipocket-Buch: %1</translation>
    </message>
    <message>
        <source>the file ends inside its header</source>
        <translation>Die Datei endet in ihrem Kopf</translation>
    </message>
    <message>
        <source>the file has no records</source>
        <translation>Die Datei hat keine Datensätze</translation>
    </message>
    <message>
        <source>the file claims %1 records, more than it can hold</source>
        <translation>Die Datei gibt %1 Datensätze an, mehr als sie fassen kann</translation>
    </message>
    <message>
        <source>record %1 starts outside the file</source>
        <translation>Datensatz %1 beginnt außerhalb der Datei</translation>
    </message>
</context>
<context>
    <name>folio::office::Chart</name>
    <message>
        <source>%1 has more than %2 elements: not drawn as a chart</source>
        <translation>%1 hat mehr als %2 Elemente: nicht als Diagramm gezeichnet</translation>
    </message>
    <message>
        <source>%1 is not a chart</source>
        <translation>%1 ist kein Diagramm</translation>
    </message>
    <message>
        <source>The chart&apos;s part is missing</source>
        <translation>Der Teil des Diagramms fehlt</translation>
    </message>
    <message>
        <source>%1 is not an embedded object</source>
        <translation>%1 ist kein eingebettetes Objekt</translation>
    </message>
</context>
<context>
    <name>folio::office::Package</name>
    <message>
        <source>No input device</source>
        <translation>Kein Eingabegerät</translation>
    </message>
    <message>
        <source>the part is missing from the package</source>
        <translation>der Teil fehlt im Paket</translation>
    </message>
</context>
<context>
    <name>folio::office::math</name>
    <message>
        <source>%1 holds no MathML formula</source>
        <translation>%1 enthält keine MathML-Formel</translation>
    </message>
    <message>
        <source>%1 is not an embedded object</source>
        <translation>%1 ist kein eingebettetes Objekt</translation>
    </message>
</context>
<context>
    <name>folio::pdf::PdfDocument</name>
    <message>
        <source>Not a readable PDF file</source>
        <translation>Keine lesbare PDF-Datei</translation>
    </message>
    <message>
        <source>The PDF is encrypted and needs a password</source>
        <translation>Die PDF-Datei ist verschlüsselt und benötigt ein Passwort</translation>
    </message>
    <message>
        <source>The password is not correct for this PDF</source>
        <translation>Das Passwort ist für diese PDF-Datei nicht korrekt</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>The PDF has no pages (its page tree is broken)</source>
        <translation>Die PDF-Datei hat keine Seiten (ihr Seitenbaum ist defekt)</translation>
    </message>
    <message>
        <source>The PDF has %1 pages, over the limit of %2</source>
        <translation>Die PDF-Datei hat %1 Seiten und überschreitet die Grenze von %2</translation>
    </message>
    <message>
        <source>page %1/%2</source>
        <translation>Seite %1/%2</translation>
    </message>
    <message>
        <source>Page %1 cannot be read</source>
        <translation>Seite %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Page %1 could not be rendered</source>
        <translation>Seite %1 konnte nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>The attachment &quot;%1&quot; cannot be read</source>
        <translation>Der Anhang „%1“ kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Page %1 has %2 annotations, over the limit of %3</source>
        <translation>Seite %1 hat %2 Anmerkungen, mehr als die Grenze von %3</translation>
    </message>
</context>
<context>
    <name>folio::pdf::PdfPictureFinder</name>
    <message>
        <source>Not a readable PDF file</source>
        <translation>Keine lesbare PDF-Datei</translation>
    </message>
    <message>
        <source>Page %1 cannot be read</source>
        <translation>Seite %1 kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>folio::postscript::PostScriptDocument</name>
    <message>
        <source>libspectre could not start</source>
        <translation>libspectre konnte nicht starten</translation>
    </message>
    <message>
        <source>Not a PostScript file libspectre can read (%1)</source>
        <translation>Keine PostScript-Datei, die libspectre lesen kann (%1)</translation>
    </message>
    <message>
        <source>The PostScript file has no pages</source>
        <translation>Die PostScript-Datei hat keine Seiten</translation>
    </message>
    <message>
        <source>The PostScript file has %1 pages, over the limit of %2</source>
        <translation>Die PostScript-Datei hat %1 Seiten, über der Grenze von %2</translation>
    </message>
    <message>
        <source>Page %1 cannot be read</source>
        <translation>Seite %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>libspectre did not finish reading the PostScript file&apos;s DSC comments within %1 s</source>
        <translation>libspectre hat die DSC-Kommentare der PostScript-Datei nicht innerhalb von %1 s gelesen</translation>
    </message>
    <message>
        <source>Cannot write a temporary copy for Ghostscript: %1</source>
        <translation>Temporäre Kopie für Ghostscript kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>EPS image</source>
        <translation>EPS-Bild</translation>
    </message>
    <message>
        <source>PostScript document</source>
        <translation>PostScript-Dokument</translation>
    </message>
    <message>
        <source>Cannot start Ghostscript: %1</source>
        <translation>Ghostscript kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Ghostscript did not finish the PostScript program within %1 s (it may loop forever)</source>
        <translation>Ghostscript hat das PostScript-Programm nicht innerhalb von %1 s beendet (es läuft vielleicht endlos)</translation>
    </message>
    <message>
        <source>Ghostscript stopped without rendering the page</source>
        <translation>Ghostscript hat angehalten, ohne die Seite zu zeichnen</translation>
    </message>
    <message>
        <source>Ghostscript could not render the page (%1)</source>
        <translation>Ghostscript konnte die Seite nicht zeichnen (%1)</translation>
    </message>
    <message>
        <source>Ghostscript rendered the page at an unexpected size</source>
        <translation>Ghostscript hat die Seite in einer unerwarteten Größe gezeichnet</translation>
    </message>
    <message>
        <source>Not enough memory for a page of %1 × %2 pixels</source>
        <translation>Nicht genug Speicher für eine Seite von %1 × %2 Pixeln</translation>
    </message>
    <message>
        <source>Ghostscript stopped in the middle of the page</source>
        <translation>Ghostscript hat mitten in der Seite angehalten</translation>
    </message>
    <message>
        <source>Pages %1 to %2 of the PostScript file have more than %3 MiB of text</source>
        <translation>Die Seiten %1 bis %2 der PostScript-Datei haben mehr als %3 MiB Text</translation>
    </message>
    <message>
        <source>Ghostscript stopped before giving the page&apos;s text</source>
        <translation>Ghostscript hielt an, bevor es den Text der Seite lieferte</translation>
    </message>
</context>
<context>
    <name>folio::presentation::PresentationDocument</name>
    <message>
        <source>the presentation</source>
        <translation>die Präsentation</translation>
    </message>
    <message>
        <source>OpenDocument presentation</source>
        <translation>OpenDocument-Präsentation</translation>
    </message>
    <message>
        <source>PowerPoint presentation</source>
        <translation>PowerPoint-Präsentation</translation>
    </message>
    <message>
        <source>%1 has %2 slides, more than the limit of %3 pages</source>
        <translation>%1 hat %2 Folien, mehr als die Grenze von %3 Seiten</translation>
    </message>
    <message>
        <source>Not enough memory to render slide %1</source>
        <translation>Nicht genügend Speicher, um Folie %1 zu zeichnen</translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation>Folie %1</translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation>Sprechernotizen</translation>
    </message>
</context>
<context>
    <name>folio::presentation::SlidePainter</name>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>folio::spreadsheet::OdsReader</name>
    <message>
        <source>%1 has no content.xml part</source>
        <translation>%1 hat keinen Teil content.xml</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>folio::spreadsheet::SheetDocument</name>
    <message>
        <source>The workbook has more than %1 pages, the page limit</source>
        <translation>Die Arbeitsmappe hat mehr als %1 Seiten, die Seitengrenze</translation>
    </message>
    <message>
        <source>This workbook has no visible sheets</source>
        <translation>Diese Arbeitsmappe hat keine sichtbaren Tabellenblätter</translation>
    </message>
</context>
<context>
    <name>folio::spreadsheet::XlsxReader</name>
    <message>
        <source>%1 has no workbook part</source>
        <translation>%1 hat keinen Arbeitsmappenteil</translation>
    </message>
    <message>
        <source>Sheet “%1”: %2</source>
        <translation>Tabellenblatt „%1“: %2</translation>
    </message>
</context>
<context>
    <name>folio::text::CsvDocument</name>
    <message>
        <source>CSV table</source>
        <translation>CSV-Tabelle</translation>
    </message>
    <message>
        <source>TSV table</source>
        <translation>TSV-Tabelle</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
</context>
<context>
    <name>folio::text::MarkdownDocument</name>
    <message>
        <source>Markdown document</source>
        <translation>Markdown-Dokument</translation>
    </message>
    <message>
        <source>The document has more than %1 pages, the limit of pages per document</source>
        <translation>Das Dokument hat mehr als %1 Seiten, die Höchstzahl an Seiten pro Dokument</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>folio::text::PlainTextDocument</name>
    <message>
        <source>Plain text</source>
        <translation>Einfacher Text</translation>
    </message>
</context>
<context>
    <name>folio::text::StreamedDocument</name>
    <message>
        <source>The document has more than %1 pages, the limit of pages per document</source>
        <translation>Das Dokument hat mehr als %1 Seiten, die Höchstzahl an Seiten pro Dokument</translation>
    </message>
    <message>
        <source>Read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
</context>
<context>
    <name>folio::text::TextPage</name>
    <message>
        <source>Text documents need fonts, which are only available in a graphical application (QGuiApplication)</source>
        <translation>Textdokumente benötigen Schriftarten, die nur in einer grafischen Anwendung (QGuiApplication) verfügbar sind</translation>
    </message>
</context>
<context>
    <name>folio::wordprocessing::FlowDocument</name>
    <message>
        <source>The document has more than %1 pages, the limit of pages per document</source>
        <translation>Das Dokument hat mehr als %1 Seiten, die Höchstzahl an Seiten pro Dokument</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
</context>
<context>
    <name>folio::wordprocessing::FlowTableBuilder</name>
    <message numerus="yes">
        <source>[%n more table rows not shown]</source>
        <translation>
            <numerusform>[%n weitere Tabellenzeile nicht angezeigt]</numerusform>
            <numerusform>[%n weitere Tabellenzeilen nicht angezeigt]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::wordprocessing::docx::DocxReader</name>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
</context>
<context>
    <name>folio::wordprocessing::odt::OdtReader</name>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
</context>
<context>
    <name>folio::xps::Package</name>
    <message>
        <source>The XPS package has no _rels/.rels part</source>
        <translation>Das XPS-Paket hat keinen Teil _rels/.rels</translation>
    </message>
    <message>
        <source>The XPS package has no FixedDocumentSequence</source>
        <translation>Das XPS-Paket hat keine FixedDocumentSequence</translation>
    </message>
    <message>
        <source>The FixedDocument %1 named by the FixedDocumentSequence is missing</source>
        <translation>Das von der FixedDocumentSequence genannte FixedDocument %1 fehlt</translation>
    </message>
    <message>
        <source>The XPS document has more than %1 pages, the limit</source>
        <translation>Das XPS-Dokument hat mehr als %1 Seiten, die Höchstzahl</translation>
    </message>
</context>
<context>
    <name>folio::xps::XpsDocument</name>
    <message>
        <source>libgxps cannot read the XPS file</source>
        <translation>libgxps kann die XPS-Datei nicht lesen</translation>
    </message>
    <message>
        <source>The XPS file has no documents</source>
        <translation>Die XPS-Datei hat keine Dokumente</translation>
    </message>
    <message>
        <source>Document %1 of the XPS file cannot be read</source>
        <translation>Dokument %1 der XPS-Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The XPS file has more than %1 pages, the limit</source>
        <translation>Die XPS-Datei hat mehr als %1 Seiten, die Höchstzahl</translation>
    </message>
    <message>
        <source>Page %1 of the XPS file cannot be read</source>
        <translation>Seite %1 der XPS-Datei kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Page %1 of the XPS file has no valid size</source>
        <translation>Seite %1 der XPS-Datei hat keine gültige Größe</translation>
    </message>
    <message>
        <source>The XPS file has no pages</source>
        <translation>Die XPS-Datei hat keine Seiten</translation>
    </message>
    <message>
        <source>Cannot write the temporary copy for libgxps: %1</source>
        <translation>Die temporäre Kopie für libgxps kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The part cannot be read</source>
        <translation>Der Teil kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The picture claims %1×%2 pixels, over the limit of %3 megapixels</source>
        <translation>Das Bild gibt %1×%2 Pixel an, mehr als die Grenze von %3 Megapixeln</translation>
    </message>
    <message>
        <source>An XPS document is a ZIP package; this is %1</source>
        <translation>Ein XPS-Dokument ist ein ZIP-Paket; dies ist %1</translation>
    </message>
    <message>
        <source>Cannot write a temporary copy for libgxps: %1</source>
        <translation>Eine temporäre Kopie für libgxps kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>OpenXPS document</source>
        <translation>OpenXPS-Dokument</translation>
    </message>
    <message>
        <source>XPS document</source>
        <translation>XPS-Dokument</translation>
    </message>
    <message>
        <source>Page %1 of the XPS file cannot be drawn</source>
        <translation>Seite %1 der XPS-Datei kann nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>The page cannot be read</source>
        <translation>Die Seite kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A document viewer that no document can hold hostage.</source>
        <translation>Ein Dokumentbetrachter, den kein Dokument als Geisel nehmen kann.</translation>
    </message>
    <message>
        <source>Documents to open.</source>
        <translation>Zu öffnende Dokumente.</translation>
    </message>
    <message>
        <source>Show page N (from 1) of the first document.</source>
        <translation>Seite N (ab 1) des ersten Dokuments anzeigen.</translation>
    </message>
    <message>
        <source>Stop operations after DURATION (500ms, 2s, 1m; 0 = no limit). Overrides the saved setting.</source>
        <translation>Vorgänge nach DURATION abbrechen (500ms, 2s, 1m; 0 = keine Begrenzung). Hat Vorrang vor der gespeicherten Einstellung.</translation>
    </message>
    <message>
        <source>--page needs a page number from 1, not &apos;%1&apos;</source>
        <translation>--page erwartet eine Seitenzahl ab 1, nicht „%1“</translation>
    </message>
    <message>
        <source>Open a window of its own, even when Folio is already running (the files otherwise open as tabs of the running window). --timeout implies it.</source>
        <translation>Ein eigenes Fenster öffnen, auch wenn Folio schon läuft (sonst öffnen sich die Dateien als Tabs des laufenden Fensters). --timeout schließt es ein.</translation>
    </message>
</context>
</TS>
