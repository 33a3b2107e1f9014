// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "exporters/exportoptions.h"
#include "pagecolors.h"
#include "safetylimits.h"
#include "theme.h"

#include <QByteArray>
#include <QStringList>

#include <chrono>

namespace folio {

// The GUI's persistent settings (QSettings, organisation "Folio", application "folio"), read
// once and kept in memory; changes show at once and are written to disk by a thread of their own
// (flush() waits for it; the application's exit does too). Any thread may call these.
// Keys:
//   timeout          int, milliseconds; default 30000; 0 = no time limit
//   recentFiles      QStringList of absolute paths, newest first, at most MaxRecentFiles
//   window/geometry  QByteArray from QWidget::saveGeometry()
//   window/state     QByteArray from QMainWindow::saveState()
//   cacheBudget      int, MiB of rendered pages kept per window; default 256
//   limits/maxEntrySize, limits/maxTotalExtracted (bytes), limits/maxCompressionRatio,
//   limits/maxEntries: the archive safety limits (see safetylimits.h)
//   archives/encoding  the code page of entry names stored without one; empty: detected
//   view/options: RenderOptions bits documents open with (comments, notes, hidden pages)
//   view/colors, view/paper, view/ink, view/keepPictures: the colours documents first open in
//   (PageColors::name(), #RRGGBB, #RRGGBB, bool); documents/<key>/colors and keepPictures: a
//   document's own
//   sidebar/visible  bool; sidebar/page int (which panel); sidebar/width int (pixels)
//   export/format, export/dpi, export/useWidth, export/width, export/quality, export/resources,
//   export/rotation, export/watermark (bool), export/watermarkText, export/watermarkColor
//   (#AARRGGBB), export/watermarkSize, export/watermarkAngle: the Export dialog's last choices;
//   export/folder and export/document: the folder last exported to and the document it was for
//   view/windowTheme  "system" (default), "light" or "dark": the window's colours (WindowTheme)
//   annotations/author  the author of annotations made in Folio; empty: the login name
//   presentation/screen  the name of the screen presentations go full screen on; empty: the
//                    window's
//   session/restore  bool, whether the tabs of the last session reopen at start (default false);
//   session/files    QStringList, the absolute paths of the tabs open when the window last
//                    closed, in tab order; session/current int, the current tab among them
//   documents/<key>  per-document view state (see DocumentState), at most MaxDocumentStates,
//                    the least recently used dropped first; <key> is a hash of the absolute path
namespace Settings {

constexpr std::chrono::milliseconds DefaultTimeout {30'000};
constexpr int MaxRecentFiles = 10;
constexpr int MaxDocumentStates = 200;
constexpr int DefaultCacheBudgetMiB = 256;

// Where the reader was in a document, restored when it opens again.
struct DocumentState
{
    bool valid = false;
    int page = 0; // 0-based
    double zoom = 1.0;
    int zoomMode = 0; // PageView::ZoomMode as int
    int rotation = 0;
    bool continuous = true;
    bool facing = false;
    bool coverAlone = false; // with facing: the first page alone
    bool rightToLeft = false;
    PageColors colors; // paper and ink of Custom come from defaultPageColors()
};

DocumentState documentState(const QString &path);
void setDocumentState(const QString &path, const DocumentState &state);

// The safety limits the GUI opens documents with (archive limits from Preferences, the rest at
// their defaults). 0 in a stored value means "no limit", as on the command line.
Limits limits();
void setLimits(const Limits &limits);
// The code page of archive entry names stored without one ("CP866"); empty: detected.
QByteArray archiveEncoding();
void setArchiveEncoding(const QByteArray &encoding);

// The colours documents open in the first time (Preferences), and the paper and ink of Custom.
PageColors defaultPageColors();
void setDefaultPageColors(const PageColors &colors);

// The view options documents open with (View ▸ Show Comments / Speaker Notes / Hidden Pages).
RenderOptions viewOptions();
void setViewOptions(RenderOptions options);

// What the Export dialog offers first: the choices of its last export.
struct ExportChoices
{
    // Format, dpi, width, quality, resources, rotation and watermark; the page selection and the
    // folder are the document's own and not part of it.
    ExportOptions options;
    bool useWidth = false; // options.width applies, rather than options.dpi
    bool watermark = false; // options.watermark is kept while off, to come back when turned on
    QString folder; // last destination, and the document (absolute path) it was chosen for
    QString document;
};
ExportChoices exportChoices();
void setExportChoices(const ExportChoices &choices);
// Back to the defaults.
void resetExportChoices();

int cacheBudgetMiB();
void setCacheBudgetMiB(int mib);

bool sidebarVisible();
int sidebarPage();
void setSidebar(bool visible, int page);
constexpr int DefaultSidebarWidth = 250;
int sidebarWidth();
void setSidebarWidth(int width);
// The folder attachments were last saved into (Save, Save All), for the next save's dialog;
// empty when none was or it no longer exists.
QString lastSaveFolder();
void setLastSaveFolder(const QString &folder);

std::chrono::milliseconds timeout();
void setTimeout(std::chrono::milliseconds timeout);

QStringList recentFiles();
// Moves `path` to the front of the list.
void addRecentFile(const QString &path);
void removeRecentFile(const QString &path);
void clearRecentFiles();

QByteArray windowGeometry();
QByteArray windowState();
void setWindowGeometry(const QByteArray &geometry, const QByteArray &state);

// The window's colours (Preferences): the platform's, or Folio's own light or dark.
WindowTheme windowTheme();
void setWindowTheme(WindowTheme theme);

// The author annotations made in Folio carry (Preferences); the login name by default.
QString annotationAuthor();
void setAnnotationAuthor(const QString &author);

// The screen presentations go full screen on (QScreen::name()); empty for the window's own.
QString presentationScreen();
void setPresentationScreen(const QString &name);

// The tabs open when the window last closed (File ▸ Reopen Last Session); their pages, zoom and
// modes are the documents' own states (documentState()).
struct Session
{
    QStringList files; // absolute paths, in tab order
    int current = 0; // index into files
};
Session lastSession();
void setLastSession(const Session &session);
// Whether the last session reopens when Folio starts without files (Preferences).
bool restoreSession();
void setRestoreSession(bool restore);

// Waits until every change made so far is on disk.
void flush();

} // namespace Settings
} // namespace folio
