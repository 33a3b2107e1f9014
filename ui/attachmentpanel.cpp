// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentpanel.h"

#include "exporters/attachmentexporter.h"
#include "exporters/stagedoutput.h"
#include "jobrunner.h"
#include "placeholderstack.h"
#include "theme.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

namespace folio {

namespace {

enum Column { NameColumn, SizeColumn, DescriptionColumn };

} // namespace

AttachmentPanel::AttachmentPanel(JobRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
{
    m_askSavePath = [](QWidget *parent, const QString &suggested) {
        return QFileDialog::getSaveFileName(parent, tr("Save Attachment"), suggested);
    };
    m_askFolder = [](QWidget *parent, const QString &suggested) {
        return QFileDialog::getExistingDirectory(parent, tr("Save All Attachments Into"), suggested);
    };
    m_showError
        = [](QWidget *parent, const QString &title, const QString &text) { QMessageBox::warning(parent, title, text); };

    m_openAction = new QAction(themedIcon(QStringLiteral("document-open")), tr("&Open"), this);
    m_openAction->setToolTip(tr("Open the attachment in a new tab"));
    connect(m_openAction, &QAction::triggered, this, &AttachmentPanel::open);
    m_saveAction = new QAction(themedIcon(QStringLiteral("document-save-as")), tr("&Save…"), this);
    m_saveAction->setToolTip(tr("Save the attachment to a file"));
    connect(m_saveAction, &QAction::triggered, this, &AttachmentPanel::save);
    m_saveAllAction = new QAction(themedIcon(QStringLiteral("document-save-all")), tr("Save &All…"), this);
    m_saveAllAction->setToolTip(tr("Save every attachment into a folder"));
    connect(m_saveAllAction, &QAction::triggered, this, &AttachmentPanel::saveAll);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Name"), tr("Size"), tr("Description")});
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addActions({m_openAction, m_saveAction, m_saveAllAction});
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &AttachmentPanel::updateActions);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(NameColumn, IndexRole).toInt() >= 0)
            open();
    });

    m_stack = new PlaceholderStack(m_tree, this);

    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({m_openAction, m_saveAction, m_saveAllAction});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_stack, 1);
    layout->addWidget(toolBar);
    setState(State::Empty);
}

AttachmentPanel::~AttachmentPanel()
{
    // A running save keeps the document alive and cleans up after itself; only the list job,
    // whose result has nowhere to go any more, is stopped.
    cancelListJob();
}

// --- the list --------------------------------------------------------------------------------

void AttachmentPanel::cancelListJob()
{
    if (m_listJob)
        m_listJob->cancel(CancelReason::Superseded);
    m_listJob = nullptr;
    ++m_listId; // a late result is dropped
}

void AttachmentPanel::setDocument(std::shared_ptr<SharedDocument> document, const QString &documentName)
{
    cancelListJob();
    m_document = std::move(document);
    m_documentName = documentName;
    m_attachments.clear();
    populate();
    if (!m_document) {
        setState(State::Empty);
        return;
    }
    if (!m_runner) {
        setState(State::Failed, tr("The attachments cannot be read while the window closes."));
        return;
    }
    setState(State::Loading, tr("Reading the attachments…"));
    JobOptions options;
    options.operation = tr("Reading the attachments of");
    options.fileName = m_documentName;
    options.progressDialog = false;
    options.reportOutcome = false;
    std::function<Result<QList<AttachmentInfo>>(const CancellationToken &, const ProgressCallback &)> work
        = [document = m_document](const CancellationToken &token, const ProgressCallback &) {
              DocumentGate::Lock lock = document->gate().acquire(token);
              if (!lock)
                  return Result<QList<AttachmentInfo>>(Status::fromToken(token));
              return Result<QList<AttachmentInfo>>(document->document().attachments());
          };
    const quint64 id = m_listId;
    m_listJob = m_runner->run<QList<AttachmentInfo>>(
        options, std::move(work), this, [this, id](Result<QList<AttachmentInfo>> result) {
            if (id != m_listId)
                return; // superseded
            m_listJob = nullptr;
            if (!result) {
                setState(State::Failed, tr("The attachments could not be read.\n%1").arg(result.status().message()));
                Q_EMIT loaded(result.status());
                return;
            }
            m_attachments = std::move(result).value();
            populate();
            Q_EMIT loaded(Status());
        });
}

void AttachmentPanel::setDocument(
    std::shared_ptr<SharedDocument> document, const QList<AttachmentInfo> &attachments, const QString &documentName)
{
    cancelListJob();
    m_document = std::move(document);
    m_documentName = documentName;
    m_attachments = m_document ? attachments : QList<AttachmentInfo>();
    populate();
    if (!m_document)
        setState(State::Empty);
}

void AttachmentPanel::populate()
{
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> folders;
    const QLocale locale;
    const QMimeDatabase mimeTypes;
    const QIcon fileIcon = style()->standardIcon(QStyle::SP_FileIcon);
    for (int i = 0; i < m_attachments.size(); ++i) {
        const AttachmentInfo &attachment = m_attachments[i];
        QString path = attachment.path.isEmpty() ? attachment.name : attachment.path;
        path.replace(QLatin1Char('\\'), QLatin1Char('/'));
        // Folders for display only: "." and ".." are no folders, whatever a hostile name says.
        QStringList segments;
        for (const QString &segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            if (segment != QLatin1String(".") && segment != QLatin1String(".."))
                segments.append(segment);
        }
        const QString name = segments.isEmpty() ? sanitizeFileName(attachment.name) : segments.takeLast();
        QTreeWidgetItem *parent = folderItem(folders, segments);
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(NameColumn, name);
        item->setData(NameColumn, IndexRole, i);
        const QMimeType type = mimeTypes.mimeTypeForFile(name, QMimeDatabase::MatchExtension);
        item->setIcon(
            NameColumn, QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName(), fileIcon)));
        item->setToolTip(NameColumn, path);
        if (attachment.size >= 0)
            item->setText(SizeColumn, locale.formattedDataSize(attachment.size));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(DescriptionColumn, attachment.description.simplified());
        item->setToolTip(DescriptionColumn, attachment.description);
    }
    m_tree->setRootIsDecorated(!folders.isEmpty());
    m_tree->expandAll();
    m_tree->resizeColumnToContents(NameColumn);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    if (m_attachments.isEmpty())
        setState(State::NoAttachments, tr("This document has no attachments"));
    else
        setState(State::Ready);
}

QTreeWidgetItem *AttachmentPanel::folderItem(QHash<QString, QTreeWidgetItem *> &folders, const QStringList &segments)
{
    QTreeWidgetItem *parent = nullptr;
    QString key;
    for (const QString &segment : segments) {
        key += QLatin1Char('/') + segment;
        QTreeWidgetItem *&folder = folders[key];
        if (!folder) {
            folder = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            folder->setText(NameColumn, segment);
            folder->setData(NameColumn, IndexRole, -1);
            folder->setIcon(
                NameColumn, QIcon::fromTheme(QStringLiteral("folder"), style()->standardIcon(QStyle::SP_DirIcon)));
        }
        parent = folder;
    }
    return parent;
}

QTreeWidgetItem *AttachmentPanel::itemForAttachment(int index) const
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(NameColumn, IndexRole).toInt() == index && index >= 0)
            return *it;
    }
    return nullptr;
}

int AttachmentPanel::currentAttachment() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item && item->isSelected() ? item->data(NameColumn, IndexRole).toInt() : -1;
}

void AttachmentPanel::setCurrentAttachment(int index)
{
    if (QTreeWidgetItem *item = itemForAttachment(index))
        m_tree->setCurrentItem(item);
    else
        m_tree->clearSelection();
    updateActions();
}

void AttachmentPanel::setState(State state, const QString &placeholder)
{
    m_state = state;
    if (state == State::Ready)
        m_stack->showContent();
    else
        m_stack->showPlaceholder(placeholder);
    updateActions();
}

QString AttachmentPanel::placeholderText() const
{
    return m_stack->placeholderText();
}

void AttachmentPanel::updateActions()
{
    const bool usable = m_state == State::Ready && m_runner && m_document;
    const bool file = usable && currentAttachment() >= 0;
    m_openAction->setEnabled(file);
    m_saveAction->setEnabled(file);
    m_saveAllAction->setEnabled(usable && !m_attachments.isEmpty());
}

// --- saving ----------------------------------------------------------------------------------

QString AttachmentPanel::suggestedFolder() const
{
    if (!m_lastFolder.isEmpty())
        return m_lastFolder;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

QString AttachmentPanel::temporaryFolder() const
{
    return m_temporaryDir && m_temporaryDir->isValid() ? m_temporaryDir->path() : QString();
}

void AttachmentPanel::save()
{
    const int index = currentAttachment();
    if (index < 0 || index >= m_attachments.size() || !m_askSavePath)
        return;
    const QString suggested = QDir(suggestedFolder()).filePath(sanitizeFileName(m_attachments[index].name));
    const QString path = m_askSavePath(this, suggested);
    if (!path.isEmpty())
        saveAttachmentTo(index, path);
}

void AttachmentPanel::saveAll()
{
    if (m_attachments.isEmpty() || !m_askFolder)
        return;
    const QString folder = m_askFolder(this, suggestedFolder());
    if (!folder.isEmpty())
        saveAllTo(folder);
}

void AttachmentPanel::open()
{
    const int index = currentAttachment();
    if (index >= 0)
        openAttachment(index);
}

Job *AttachmentPanel::saveAttachmentTo(int index, const QString &path)
{
    if (index < 0 || index >= m_attachments.size() || path.isEmpty())
        return nullptr;
    return startSave(Operation::Save, {index}, path);
}

Job *AttachmentPanel::saveAllTo(const QString &folder)
{
    if (m_attachments.isEmpty() || folder.isEmpty())
        return nullptr;
    QList<int> indices;
    for (int i = 0; i < m_attachments.size(); ++i)
        indices.append(i);
    return startSave(Operation::SaveAll, indices, folder);
}

Job *AttachmentPanel::openAttachment(int index)
{
    if (index < 0 || index >= m_attachments.size())
        return nullptr;
    if (!m_temporaryDir) {
        m_temporaryDir
            = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/folio-attachments-XXXXXX"));
        if (!m_temporaryDir->isValid()) {
            const QString why = m_temporaryDir->errorString();
            m_temporaryDir.reset();
            reportError(tr("Opening Failed"),
                tr("“%1” could not be opened: no temporary folder could be created.\n\n%2")
                    .arg(sanitizeFileName(m_attachments[index].name), why));
            return nullptr;
        }
    }
    return startSave(Operation::Open, {index}, m_temporaryDir->path());
}

Job *AttachmentPanel::startSave(Operation operation, const QList<int> &indices, const QString &target)
{
    if (!m_runner || !m_document || m_runner->isShuttingDown())
        return nullptr;
    // Save writes where the user chose (the dialog asked before replacing a file); Save All and
    // Open pick names that replace nothing, since a copy opened before may still be in use. Only
    // Save All keeps an archive's folders.
    QString folder = target;
    AttachmentExporter::Options saving;
    saving.keepFolders = operation == Operation::SaveAll;
    saving.keepExisting = true;
    if (operation == Operation::Save) {
        const QFileInfo info(target);
        folder = info.absolutePath();
        saving.fileName = info.fileName();
    }
    // What the dialogs and messages call it: the attachment, or all of them.
    const QString subject = indices.size() == 1 ? sanitizeFileName(m_attachments[indices.first()].name)
                                                : tr("the attachments of %1").arg(m_documentName);
    JobOptions options;
    options.unit = ProgressUnit::Bytes;
    switch (operation) {
    case Operation::Save:
        options.operation = tr("Saving");
        options.fileName = subject;
        break;
    case Operation::SaveAll:
        options.operation = m_documentName.isEmpty() ? tr("Saving the attachments") : tr("Saving the attachments of");
        options.fileName = m_documentName;
        break;
    case Operation::Open:
        options.operation = tr("Opening");
        options.fileName = subject;
        break;
    }
    // On a worker, owning what it uses; the gate is held for the whole save.
    // Save All goes on past an entry that cannot be read (damaged, encrypted, over a limit) and
    // names it afterwards. Written on the worker, read on the GUI thread once the job has finished.
    auto skipped = std::make_shared<QList<Status>>();
    if (operation == Operation::SaveAll)
        saving.skipped = skipped.get();
    std::function<Result<QStringList>(const CancellationToken &, const ProgressCallback &)> work
        = [document = m_document, indices, folder, saving, skipped](
              const CancellationToken &token, const ProgressCallback &progress) -> Result<QStringList> {
        const DocumentGate::Lock lock = document->gate().acquire(token);
        if (!lock)
            return Status::fromToken(token);
        return AttachmentExporter::extract(document->document(), indices, folder, saving, token, progress);
    };
    return m_runner->run<QStringList>(options, std::move(work), this,
        [this, operation, subject, target, skipped, total = indices.size()](Result<QStringList> result) {
            saveDone(operation, subject, target, result);
            if (result && !skipped->isEmpty())
                reportSkipped(target, *skipped, total);
        });
}

void AttachmentPanel::reportSkipped(const QString &folder, const QList<Status> &skipped, qsizetype total)
{
    constexpr int Shown = 10;
    QStringList lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(skipped.size(), Shown); ++i)
        lines.append(QStringLiteral("• ") + skipped[i].message());
    if (skipped.size() > Shown)
        lines.append(tr("… and %n more", nullptr, int(skipped.size() - Shown)));
    reportError(tr("Some Attachments Were Not Saved"),
        tr("%1 of %2 attachments could not be saved into %3; the other %4 were.\n\n%5")
            .arg(QLocale().toString(skipped.size()), QLocale().toString(total), folder,
                QLocale().toString(total - skipped.size()), lines.join(QLatin1Char('\n'))));
}

void AttachmentPanel::saveDone(
    Operation operation, const QString &subject, const QString &target, const Result<QStringList> &result)
{
    if (result) {
        if (operation == Operation::Save)
            m_lastFolder = QFileInfo(target).absolutePath();
        else if (operation == Operation::SaveAll)
            m_lastFolder = target;
        Q_EMIT saveFinished(Status(), result.value());
        if (operation == Operation::Open && !result->isEmpty())
            Q_EMIT openRequested(result->first());
        return;
    }
    const Status &status = result.status();
    Q_EMIT saveFinished(status, {});
    // A cancel was the user's own doing (or the window's closing); a timeout deserves a word.
    if (status.code() == StatusCode::Canceled)
        return;
    const QString why = status.message();
    switch (operation) {
    case Operation::Save:
        reportError(tr("Saving Failed"), tr("“%1” could not be saved to %2.\n\n%3").arg(subject, target, why));
        break;
    case Operation::SaveAll:
        reportError(tr("Saving Failed"),
            tr("The attachments could not be saved into %1. No file was written.\n\n%2").arg(target, why));
        break;
    case Operation::Open:
        reportError(tr("Opening Failed"), tr("“%1” could not be opened.\n\n%2").arg(subject, why));
        break;
    }
}

void AttachmentPanel::reportError(const QString &title, const QString &text)
{
    if (m_showError)
        m_showError(this, title, text);
}

} // namespace folio
