// SPDX-License-Identifier: GPL-3.0-or-later
#include "attachmentpanel.h"

#include "settings.h"

#include "exporters/attachmentexporter.h"
#include "exporters/stagedoutput.h"
#include "jobrunner.h"
#include "placeholderstack.h"
#include "propertiesdialog.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace folio {

namespace {

// What the list job hands to the GUI thread.
struct AttachmentListing
{
    QList<AttachmentInfo> attachments;
    std::shared_ptr<const AttachmentTree> tree;
};

} // namespace

// --- the tree and its model -------------------------------------------------------------------

AttachmentTree AttachmentTree::build(const QList<AttachmentInfo> &attachments, const CancellationToken &token)
{
    AttachmentTree tree;
    tree.nodes.reserve(size_t(attachments.size()));
    tree.nodeOfAttachment.assign(size_t(attachments.size()), -1);
    QHash<QString, int> folders; // "/docs/sub" -> node index
    const auto addNode = [&tree](int parent, QString name, int attachment) {
        const int node = int(tree.nodes.size());
        tree.nodes.push_back({std::move(name), parent, 0, attachment, {}});
        // After the push_back, which may move every node.
        std::vector<int> &siblings = parent < 0 ? tree.top : tree.nodes[size_t(parent)].children;
        tree.nodes.back().row = int(siblings.size());
        siblings.push_back(node);
        return node;
    };
    for (int i = 0; i < attachments.size(); ++i) {
        if ((i & 1023) == 0 && token.isCancelled())
            return {};
        const AttachmentInfo &attachment = attachments[i];
        QString path = attachment.path.isEmpty() ? attachment.name : attachment.path;
        path.replace(QLatin1Char('\\'), QLatin1Char('/'));
        QStringList segments;
        for (const QString &segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            if (segment != QLatin1String(".") && segment != QLatin1String(".."))
                segments.append(segment);
        }
        QString name = segments.isEmpty() ? sanitizeFileName(attachment.name) : segments.takeLast();
        int parent = -1;
        QString key;
        for (const QString &segment : std::as_const(segments)) {
            key += QLatin1Char('/') + segment;
            auto folder = folders.find(key);
            if (folder == folders.end()) {
                folder = folders.insert(key, addNode(parent, segment, -1));
                ++tree.folderCount;
            }
            parent = *folder;
        }
        tree.nodeOfAttachment[size_t(i)] = addNode(parent, std::move(name), i);
    }
    return tree;
}

AttachmentModel::AttachmentModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_tree(std::make_shared<AttachmentTree>())
{ }

void AttachmentModel::setAttachments(QList<AttachmentInfo> attachments, std::shared_ptr<const AttachmentTree> tree)
{
    beginResetModel();
    m_attachments = std::move(attachments);
    m_tree = tree ? std::move(tree) : std::make_shared<AttachmentTree>();
    m_fetched.clear();
    endResetModel();
}

int AttachmentModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : -1;
}

const std::vector<int> &AttachmentModel::childrenOf(int node) const
{
    return node < 0 ? m_tree->top : m_tree->nodes[size_t(node)].children;
}

int AttachmentModel::fetched(int node) const
{
    // Every folder starts with one batch.
    const auto it = m_fetched.constFind(node);
    return it != m_fetched.constEnd() ? *it : int(std::min<size_t>(childrenOf(node).size(), FetchBatch));
}

QModelIndex AttachmentModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const int node = nodeOf(parent);
    if (row >= fetched(node))
        return {};
    return createIndex(row, column, quintptr(childrenOf(node)[size_t(row)]));
}

QModelIndex AttachmentModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    if (node < 0)
        return {};
    const int parent = m_tree->nodes[size_t(node)].parent;
    return parent < 0 ? QModelIndex() : createIndex(m_tree->nodes[size_t(parent)].row, 0, quintptr(parent));
}

int AttachmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() && parent.column() != 0 ? 0 : fetched(nodeOf(parent));
}

int AttachmentModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool AttachmentModel::hasChildren(const QModelIndex &parent) const
{
    return (!parent.isValid() || parent.column() == 0) && !childrenOf(nodeOf(parent)).empty();
}

bool AttachmentModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const int node = nodeOf(parent);
    return size_t(fetched(node)) < childrenOf(node).size();
}

void AttachmentModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int node = nodeOf(parent);
    const int first = fetched(node);
    const int count = int(std::min<size_t>(childrenOf(node).size() - size_t(first), FetchBatch));
    beginInsertRows(parent, first, first + count - 1);
    m_fetched.insert(node, first + count);
    endInsertRows();
}

QModelIndex AttachmentModel::indexOfAttachment(int attachment)
{
    if (attachment < 0 || size_t(attachment) >= m_tree->nodeOfAttachment.size())
        return {};
    // The chain of folders down to it, each fetched far enough to hold the next.
    std::vector<int> chain;
    for (int node = m_tree->nodeOfAttachment[size_t(attachment)]; node >= 0; node = m_tree->nodes[size_t(node)].parent)
        chain.push_back(node);
    QModelIndex index;
    for (auto node = chain.rbegin(); node != chain.rend(); ++node) {
        const int row = m_tree->nodes[size_t(*node)].row;
        if (const int parent = nodeOf(index); row >= fetched(parent)) {
            beginInsertRows(index, fetched(parent), row);
            m_fetched.insert(parent, row + 1);
            endInsertRows();
        }
        index = this->index(row, 0, index);
    }
    return index;
}

QIcon AttachmentModel::iconFor(const AttachmentTree::Node &node) const
{
    if (node.attachment < 0) {
        if (m_folderIcon.isNull())
            const_cast<AttachmentModel *>(this)->m_folderIcon
                = QIcon::fromTheme(QStringLiteral("folder"), QApplication::style()->standardIcon(QStyle::SP_DirIcon));
        return m_folderIcon;
    }
    // One look-up per kind of file, not per file.
    const QString suffix = QFileInfo(node.name).suffix().toLower();
    auto icon = m_icons.find(suffix);
    if (icon == m_icons.end()) {
        const QMimeType type = QMimeDatabase().mimeTypeForFile(node.name, QMimeDatabase::MatchExtension);
        const QIcon fallback = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
        icon = m_icons.insert(
            suffix, QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName(), fallback)));
    }
    return *icon;
}

QVariant AttachmentModel::data(const QModelIndex &index, int role) const
{
    const int node = nodeOf(index);
    if (node < 0)
        return {};
    const AttachmentTree::Node &item = m_tree->nodes[size_t(node)];
    const AttachmentInfo *attachment = item.attachment >= 0 ? &m_attachments[item.attachment] : nullptr;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return item.name;
        if (role == Qt::DecorationRole)
            return iconFor(item);
        if (role == AttachmentPanel::IndexRole)
            return item.attachment;
        if (role == Qt::ToolTipRole && attachment)
            return attachment->path.isEmpty() ? attachment->name : attachment->path;
        break;
    case SizeColumn:
        if (role == Qt::DisplayRole && attachment && attachment->size >= 0)
            return PropertiesDialog::formatShortSize(attachment->size);
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case DescriptionColumn:
        if (role == Qt::DisplayRole && attachment)
            return attachment->description.simplified();
        if (role == Qt::ToolTipRole && attachment && !attachment->description.isEmpty())
            return attachment->description;
        break;
    default:
        break;
    }
    return {};
}

QVariant AttachmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return AttachmentPanel::tr("Name");
    case SizeColumn:
        return AttachmentPanel::tr("Size");
    case DescriptionColumn:
        return AttachmentPanel::tr("Description");
    default:
        return {};
    }
}

// --- the panel --------------------------------------------------------------------------------

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

    m_model = new AttachmentModel(this);
    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(AttachmentModel::NameColumn, QHeaderView::Interactive);
    // Sized from the rows on screen, not from every row (a ResizeToContents column would measure
    // up to QHeaderView::resizeContentsPrecision() rows at every layout change).
    m_view->header()->setSectionResizeMode(AttachmentModel::SizeColumn, QHeaderView::Interactive);
    m_view->header()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_openAction, m_saveAction, m_saveAllAction});
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AttachmentPanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &AttachmentPanel::updateActions);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.siblingAtColumn(AttachmentModel::NameColumn).data(IndexRole).toInt() >= 0)
            open();
    });

    m_stack = new PlaceholderStack(m_view, this);

    // Buttons rather than a tool bar: a narrow sidebar must not hide Save All behind a »
    // overflow menu. They lose their text when the panel is too narrow for it (resizeEvent()).
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(2, 0, 2, 2);
    buttons->setSpacing(2);
    for (QAction *action : {m_openAction, m_saveAction, m_saveAllAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setIconSize(QSize(16, 16));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setObjectName(action == m_saveAllAction ? QStringLiteral("saveAllButton") : QString());
        buttons->addWidget(button);
        m_buttons.append(button);
    }
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);
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
    populate({}, {});
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
    // The list is read under the gate; its tree is built after the gate is let go, still on the
    // worker.
    std::function<Result<AttachmentListing>(const CancellationToken &, const ProgressCallback &)> work =
        [document = m_document](const CancellationToken &token, const ProgressCallback &) -> Result<AttachmentListing> {
        AttachmentListing listing;
        {
            const DocumentGate::Lock lock = document->gate().acquire(token);
            if (!lock)
                return Status::fromToken(token);
            listing.attachments = document->document().attachments();
        }
        listing.tree = std::make_shared<const AttachmentTree>(AttachmentTree::build(listing.attachments, token));
        if (token.isCancelled())
            return Status::fromToken(token);
        return listing;
    };
    const quint64 id = m_listId;
    m_listJob = m_runner->run<AttachmentListing>(
        options, std::move(work), this, [this, id](Result<AttachmentListing> result) {
            if (id != m_listId)
                return; // superseded
            m_listJob = nullptr;
            if (!result) {
                setState(State::Failed, tr("The attachments could not be read.\n%1").arg(result.status().message()));
                Q_EMIT loaded(result.status());
                return;
            }
            AttachmentListing listing = std::move(result).value();
            populate(std::move(listing.attachments), std::move(listing.tree));
            Q_EMIT loaded(Status());
        });
}

void AttachmentPanel::setDocument(
    std::shared_ptr<SharedDocument> document, const QList<AttachmentInfo> &attachments, const QString &documentName)
{
    cancelListJob();
    m_document = std::move(document);
    m_documentName = documentName;
    const QList<AttachmentInfo> shown = m_document ? attachments : QList<AttachmentInfo>();
    populate(shown, std::make_shared<const AttachmentTree>(AttachmentTree::build(shown)));
    if (!m_document)
        setState(State::Empty);
}

void AttachmentPanel::populate(QList<AttachmentInfo> attachments, std::shared_ptr<const AttachmentTree> tree)
{
    m_model->setAttachments(std::move(attachments), std::move(tree));
    m_view->setRootIsDecorated(m_model->hasFolders());
    // Expanding every folder lays out every row: only for short lists.
    if (m_model->attachments().size() + m_model->rowCount() <= ExpandAllLimit)
        m_view->expandAll();
    m_view->resizeColumnToContents(AttachmentModel::NameColumn);
    m_view->resizeColumnToContents(AttachmentModel::SizeColumn);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    if (m_model->attachments().isEmpty())
        setState(State::NoAttachments, tr("This document has no attachments"));
    else
        setState(State::Ready);
}

QModelIndex AttachmentPanel::indexOfAttachment(int index) const
{
    return m_model->indexOfAttachment(index);
}

int AttachmentPanel::currentAttachment() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isSelected(current))
        return -1;
    return current.siblingAtColumn(AttachmentModel::NameColumn).data(IndexRole).toInt();
}

void AttachmentPanel::setCurrentAttachment(int index)
{
    const QModelIndex item = m_model->indexOfAttachment(index);
    if (item.isValid())
        m_view->setCurrentIndex(item);
    else
        m_view->clearSelection();
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
    m_saveAllAction->setEnabled(usable && !attachments().isEmpty());
}

// --- saving ----------------------------------------------------------------------------------

void AttachmentPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Text beside the icons when it fits, icons alone (their tool tips name them) when not.
    int wanted = 8;
    for (QToolButton *button : std::as_const(m_buttons)) {
        QToolButton probe;
        probe.setDefaultAction(button->defaultAction());
        probe.setIconSize(button->iconSize());
        probe.setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        wanted += probe.sizeHint().width() + 2;
    }
    const Qt::ToolButtonStyle style = width() >= wanted ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
    for (QToolButton *button : std::as_const(m_buttons))
        button->setToolButtonStyle(style);
}

QString AttachmentPanel::suggestedFolder() const
{
    // The last folder saved into (in any tab, any session), else Downloads, else Documents.
    if (const QString last = Settings::lastSaveFolder(); !last.isEmpty())
        return last;
    for (const auto location : {QStandardPaths::DownloadLocation, QStandardPaths::DocumentsLocation}) {
        const QString folder = QStandardPaths::writableLocation(location);
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

QString AttachmentPanel::temporaryFolder() const
{
    return m_temporaryDir && m_temporaryDir->isValid() ? m_temporaryDir->path() : QString();
}

void AttachmentPanel::save()
{
    const int index = currentAttachment();
    if (index < 0 || index >= attachments().size() || !m_askSavePath)
        return;
    const QString suggested = QDir(suggestedFolder()).filePath(sanitizeFileName(attachments()[index].name));
    const QString path = m_askSavePath(this, suggested);
    if (!path.isEmpty())
        saveAttachmentTo(index, path);
}

void AttachmentPanel::saveAll()
{
    if (attachments().isEmpty() || !m_askFolder)
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
    if (index < 0 || index >= attachments().size() || path.isEmpty())
        return nullptr;
    return startSave(Operation::Save, {index}, path);
}

Job *AttachmentPanel::saveAllTo(const QString &folder)
{
    if (attachments().isEmpty() || folder.isEmpty())
        return nullptr;
    QList<int> indices;
    for (int i = 0; i < attachments().size(); ++i)
        indices.append(i);
    return startSave(Operation::SaveAll, indices, folder);
}

Job *AttachmentPanel::openAttachment(int index)
{
    if (index < 0 || index >= attachments().size())
        return nullptr;
    if (!m_temporaryDir) {
        m_temporaryDir
            = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/folio-attachments-XXXXXX"));
        if (!m_temporaryDir->isValid()) {
            const QString why = m_temporaryDir->errorString();
            m_temporaryDir.reset();
            reportError(tr("Opening Failed"),
                tr("“%1” could not be opened: no temporary folder could be created.\n\n%2")
                    .arg(sanitizeFileName(attachments()[index].name), why));
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
    const QString subject = indices.size() == 1 ? sanitizeFileName(attachments()[indices.first()].name)
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
            Settings::setLastSaveFolder(QFileInfo(target).absolutePath());
        else if (operation == Operation::SaveAll)
            Settings::setLastSaveFolder(QFileInfo(target).absoluteFilePath());
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
