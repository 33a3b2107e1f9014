// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadeddocument.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QMessageBox;
class QWidget;

namespace folio {

class Job;
class JobRunner;

// Opens files as jobs: detection, loading and the page sizes all run on a worker. Asks for the
// password of an encrypted document (again, with the reason, when it was wrong) and explains a
// failure in a message box naming the file and the cause; failures that come while that box is
// open join it, which then lists every file that failed and why. Dialogs are window-modal and never
// block in a nested event loop. Several files open at once, one job each; a second request for
// a file still opening supersedes the first.
//
// Reloads (the file changed on disk) run the same job quietly: no password prompt (the old one
// is reused), no message box; a failure leaves the old document on screen and says why in
// message().
class DocumentOpener : public QObject
{
    Q_OBJECT
public:
    // `window` parents the dialogs.
    DocumentOpener(JobRunner *jobs, QWidget *window);

    // Opens `path`; `page` (0-based, -1 for none) is handed back with opened(). A request still
    // running is superseded.
    void open(const QString &path, int page = -1);
    // Opens `path` again with `password`; opened() then has `reload` true.
    void reload(const QString &path, const QString &password);
    bool isOpening() const { return !m_jobs.isEmpty(); }
    // The safety limits of the next opens.
    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }
    // Comments, speaker notes and hidden pages of the next opens (OpenOptions::renderOptions).
    void setRenderOptions(RenderOptions options) { m_renderOptions = options; }
    RenderOptions renderOptions() const { return m_renderOptions; }
    // The code page of archive entry names of the next opens (OpenOptions::archiveEncoding).
    void setArchiveEncoding(const QByteArray &encoding) { m_archiveEncoding = encoding; }
    const QByteArray &archiveEncoding() const { return m_archiveEncoding; }

Q_SIGNALS:
    void opened(const folio::LoadedDocument &document, int page, bool reload);
    // Also for cancellations (no message box then).
    void failed(const QString &path, const folio::Status &status);
    // A line for the status bar.
    void message(const QString &text);

private:
    void start(const QString &path, const QString &password, int page, bool reload);
    void askPassword(const QString &path, int page, const Status &status, bool wrongPassword);
    void showError(const QString &path, const Status &status);

    JobRunner *m_runner;
    QPointer<QWidget> m_window;
    QHash<QString, QPointer<Job>> m_jobs; // by absolute path
    Limits m_limits;
    RenderOptions m_renderOptions = RenderOption::None;
    QByteArray m_archiveEncoding;
    QPointer<QMessageBox> m_errorBox; // the open box of failures, or nullptr
    QList<std::pair<QString, Status>> m_errors; // what it lists: path and why
};

} // namespace folio
