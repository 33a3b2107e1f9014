// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shareddocument.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace folio {

class Job;
class JobRunner;

// Opens files as jobs: detection, loading and the page sizes all run on a worker. Asks for the
// password of an encrypted document (again, with the reason, when it was wrong) and explains a
// failure in a message box naming the file and the cause. Dialogs are window-modal and never
// block in a nested event loop.
class DocumentOpener : public QObject
{
    Q_OBJECT
public:
    // `window` parents the dialogs.
    DocumentOpener(JobRunner *jobs, QWidget *window);

    // Opens `path`; `page` (0-based, -1 for none) is handed back with opened(). A request still
    // running is superseded.
    void open(const QString &path, int page = -1);
    bool isOpening() const { return m_job != nullptr; }

Q_SIGNALS:
    void opened(const folio::LoadedDocument &document, int page);
    // Also for cancellations (no message box then).
    void failed(const QString &path, const folio::Status &status);
    // A line for the status bar.
    void message(const QString &text);

private:
    void start(const QString &path, const QString &password, int page);
    void askPassword(const QString &path, int page, const Status &status, bool wrongPassword);
    void showError(const QString &path, const Status &status);

    JobRunner *m_jobs;
    QPointer<QWidget> m_window;
    QPointer<Job> m_job;
};

} // namespace folio
