// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentopener.h"

#include "jobrunner.h"
#include "viewer.h"

#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>

namespace folio {

namespace {

// Runs on a worker: opens the file and reads what the GUI needs to lay it out.
Result<LoadedDocument> loadDocument(const QString &path, const QString &password, const Limits &limits,
    RenderOptions renderOptions, const QByteArray &archiveEncoding, int page, const CancellationToken &token,
    const ProgressCallback &progress)
{
    OpenOptions options;
    options.password = password;
    options.limits = limits;
    options.renderOptions = renderOptions;
    options.archiveEncoding = archiveEncoding;
    const FileStamp stamp = FileStamp::of(path); // before reading: a change meanwhile shows later
    auto loaded = Viewer::load(path, options, token, progress);
    if (!loaded)
        return loaded.status();
    std::unique_ptr<Document> document = std::move(loaded).value();
    // A streaming document may not know the first page yet, or the one asked for.
    const int needed = std::max(1, page + 1);
    if (!document->isPageCountFinal() && document->pageCount() < needed) {
        if (Status status = document->ensurePages(needed, token); !status)
            return status;
    }
    auto sizes = readPageSizes(*document, 0, token);
    if (!sizes)
        return sizes.status();
    LoadedDocument result;
    result.path = path;
    result.password = password;
    result.stamp = stamp;
    result.summary = summarize(*document);
    result.pageSizes = std::move(sizes).value();
    result.pageCountFinal = document->isPageCountFinal();
    result.document = std::make_shared<SharedDocument>(std::move(document));
    return result;
}

} // namespace

DocumentOpener::DocumentOpener(JobRunner *jobs, QWidget *window)
    : QObject(window)
    , m_runner(jobs)
    , m_window(window)
{ }

void DocumentOpener::open(const QString &path, int page)
{
    start(QFileInfo(path).absoluteFilePath(), QString(), page, false);
}

void DocumentOpener::reload(const QString &path, const QString &password)
{
    start(QFileInfo(path).absoluteFilePath(), password, -1, true);
}

void DocumentOpener::start(const QString &path, const QString &password, int page, bool reload)
{
    if (Job *running = m_jobs.value(path))
        running->cancel(CancelReason::Superseded);
    JobOptions options;
    options.operation = reload ? tr("Reloading") : tr("Opening");
    options.fileName = QFileInfo(path).fileName();
    options.unit = ProgressUnit::Percent;
    options.reportOutcome = false; // message() says it, superseded opens stay quiet
    options.progressDialog = !reload;
    if (!reload)
        Q_EMIT message(tr("Opening %1…").arg(options.fileName));

    std::function<Result<LoadedDocument>(const CancellationToken &, const ProgressCallback &)> work
        = [path, password, page, limits = m_limits, renderOptions = m_renderOptions, encoding = m_archiveEncoding](
              const CancellationToken &token, const ProgressCallback &progress) {
              return loadDocument(path, password, limits, renderOptions, encoding, page, token, progress);
          };
    Job *job = m_runner->run<LoadedDocument>(
        options, std::move(work), this, [this, path, password, page, reload](Result<LoadedDocument> result) {
            if (result) {
                Q_EMIT opened(result.value(), page, reload);
                return;
            }
            const Status &status = result.status();
            if (reload) {
                if (!status.isCancellation())
                    Q_EMIT message(
                        tr("Could not reload %1: %2").arg(QFileInfo(path).fileName(), status.withoutFile().message()));
                return;
            }
            if (status.code() == StatusCode::NeedsPassword) {
                askPassword(path, page, status, !password.isEmpty());
                return;
            }
            Q_EMIT failed(path, status);
            if (!status.isCancellation())
                showError(path, status);
        });
    connect(job, &Job::finished, this, [this, job, path, reload](const Status &status) {
        if (m_jobs.value(path) == job)
            m_jobs.remove(path);
        // Superseded opens say nothing: the newer one speaks for them. A failed reload spoke above.
        if (status.isOk() || status.code() == StatusCode::NeedsPassword
            || job->token().reason() == CancelReason::Superseded || (reload && !status.isCancellation()))
            return;
        Q_EMIT message(job->outcomeText(status));
    });
    m_jobs.insert(path, job);
}

void DocumentOpener::askPassword(const QString &path, int page, const Status &status, bool wrongPassword)
{
    const QString fileName = QFileInfo(path).fileName();
    auto *dialog = new QInputDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(tr("Password Required"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    QString label = tr("“%1” is protected by a password.").arg(fileName);
    if (wrongPassword)
        label += QLatin1String("\n\n") + status.withoutFile().message();
    label += QLatin1String("\n\n") + tr("Password:");
    dialog->setLabelText(label);
    dialog->setOkButtonText(tr("Open"));
    connect(dialog, &QInputDialog::textValueSelected, this,
        [this, path, page](const QString &password) { start(path, password, page, false); });
    connect(dialog, &QInputDialog::rejected, this, [this, path] {
        const Status cancelled(StatusCode::Canceled, tr("Cancelled"));
        Q_EMIT failed(path, cancelled);
        Q_EMIT message(cancelled.message());
    });
    Q_EMIT message(tr("%1 needs a password").arg(fileName));
    dialog->open();
}

void DocumentOpener::showError(const QString &path, const Status &status)
{
    // Several files that fail together (an Open of five, two of them broken) get one box, which
    // grows into a summary, rather than a stack of boxes to click away one by one.
    m_errors.append({path, status});
    QMessageBox *box = m_errorBox;
    if (!box) {
        box = new QMessageBox(m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->setIcon(QMessageBox::Warning);
        box->setStandardButtons(QMessageBox::Ok);
        connect(box, &QMessageBox::finished, this, [this] { m_errors.clear(); });
        m_errorBox = box;
    }
    const auto reasonOf = [](const Status &failure) {
        QString reason = failure.withoutFile().message();
        if (!reason.isEmpty())
            reason[0] = reason[0].toUpper(); // it starts a sentence of its own here
        return reason;
    };
    QStringList details;
    for (const auto &[file, failure] : std::as_const(m_errors))
        details << tr("File: %1\nError: %2").arg(file, QString::fromLatin1(codeName(failure.code())));
    box->setDetailedText(details.join(QLatin1String("\n\n")));
    if (m_errors.size() == 1) {
        box->setWindowTitle(tr("Could Not Open Document"));
        box->setText(tr("Folio could not open “%1”.").arg(QFileInfo(path).fileName()));
        box->setInformativeText(reasonOf(status));
    } else {
        box->setWindowTitle(tr("Could Not Open Documents"));
        box->setText(tr("Folio could not open %1 documents.").arg(QLocale().toString(m_errors.size())));
        QStringList lines;
        for (const auto &[file, failure] : std::as_const(m_errors))
            lines << tr("“%1”: %2").arg(QFileInfo(file).fileName(), reasonOf(failure));
        box->setInformativeText(lines.join(QLatin1Char('\n')));
    }
    if (!box->isVisible())
        box->open();
}

} // namespace folio
