// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shareddocument.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QTemporaryDir;
class QToolButton;
class QTreeView;

namespace folio {

class Job;
class JobRunner;
class PlaceholderStack;

// The attachments as a tree: folders from their paths ("docs/a.txt", as archives list them), each
// file a leaf. Plain data, built by build() where the list was read (a worker), so that a list of
// 100,000 entries costs the GUI thread nothing in proportion to its length.
struct AttachmentTree
{
    struct Node
    {
        QString name; // the last segment of the path; a folder's name
        int parent = -1; // node index; -1 at the top level
        int row = 0; // among its parent's children
        int attachment = -1; // index into the attachment list; -1 for a folder
        std::vector<int> children; // node indices, in the list's order
    };
    std::vector<Node> nodes;
    std::vector<int> top; // the top-level nodes
    std::vector<int> nodeOfAttachment; // by attachment index
    int folderCount = 0;

    // Folders for display only: "." and ".." are no folders, whatever a hostile name says.
    // Polls `token`; an empty tree when it is cancelled.
    static AttachmentTree build(const QList<AttachmentInfo> &attachments, const CancellationToken &token = {});
};

// Shows an AttachmentTree in three columns (name, size, description) without copying it into
// items. Rows are handed to the view in batches of FetchBatch per folder (canFetchMore() and
// fetchMore(), which a view calls as it scrolls to the end of what it has), so that neither the
// model nor the view lays out more rows than a reader can scroll to.
class AttachmentModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    static constexpr int FetchBatch = 1000;
    enum Column { NameColumn, SizeColumn, DescriptionColumn, ColumnCount };

    explicit AttachmentModel(QObject *parent = nullptr);

    // Replaces what the model shows (a model reset): O(1) in the number of attachments.
    void setAttachments(QList<AttachmentInfo> attachments, std::shared_ptr<const AttachmentTree> tree);
    const QList<AttachmentInfo> &attachments() const { return m_attachments; }
    bool hasFolders() const { return m_tree->folderCount > 0; }
    // The index of attachment `index`, fetching the rows before it where needed; invalid when
    // there is none.
    QModelIndex indexOfAttachment(int index);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Node index of `index`; -1 for the root.
    int nodeOf(const QModelIndex &index) const;
    const std::vector<int> &childrenOf(int node) const;
    // Rows of `node` handed to the view so far.
    int fetched(int node) const;
    QIcon iconFor(const AttachmentTree::Node &node) const;

    QList<AttachmentInfo> m_attachments;
    std::shared_ptr<const AttachmentTree> m_tree;
    QHash<int, int> m_fetched; // by node index (-1: the top level), where more than one batch
    mutable QHash<QString, QIcon> m_icons; // by file suffix
    QIcon m_folderIcon;
    QIcon m_fileIcon;
};

// The files embedded in a document, for the side bar: name, size and description, entries whose
// path has folders ("docs/a.txt", as archives list them) shown as a tree. The list is read and its
// tree built by a job; the view gets rows lazily (AttachmentModel), so 100,000 entries show at once.
//
// Save…, Save All… and Open run as JobRunner jobs (progress in bytes, Cancel, Esc, timeout), each
// taking the document's gate and saving with AttachmentExporter, the saver folio-cli's extract
// uses: all or nothing (a cancelled or failed save leaves no file), under the document's limits
// (Limits::maxTotalExtracted), names cleaned by sanitizeFileName() and made distinct, so Save All
// never writes outside the chosen folder and never replaces a file already there. Open saves into
// a temporary folder the panel owns (removed with it) and emits openRequested(). Failures other
// than a user's cancel are reported through showError (a QMessageBox unless replaced) naming what
// failed, the file and why.
//
// Threads: the panel and its jobs' bookkeeping live on the GUI thread; a save job's worker touches
// only what it captured (the shared document, under its gate, the indices and the folder).
class AttachmentPanel : public QWidget
{
    Q_OBJECT
public:
    enum class State { Empty, Loading, Ready, NoAttachments, Failed };
    Q_ENUM(State)

    // Data of the tree's column 0: the attachment's index, -1 for a folder.
    static constexpr int IndexRole = Qt::UserRole + 1;
    // Up to this many rows (files and folders), every folder starts expanded.
    static constexpr int ExpandAllLimit = 2000;

    // Replaceable dialogs, so that tests (and other front ends) run without one. An empty
    // result means the user cancelled.
    using AskSavePath = std::function<QString(QWidget *parent, const QString &suggestedPath)>;
    using AskFolder = std::function<QString(QWidget *parent, const QString &suggestedFolder)>;
    using ShowError = std::function<void(QWidget *parent, const QString &title, const QString &text)>;

    // `runner` runs the jobs and parents their progress dialogs; it is not owned. The panel
    // tolerates the runner dying first (its actions then do nothing).
    explicit AttachmentPanel(JobRunner *runner, QWidget *parent = nullptr);
    ~AttachmentPanel() override;

    // Lists the attachments of `document`, read under its gate by a quick job without a progress
    // dialog. `documentName` names the document in messages. A null document clears the panel.
    void setDocument(std::shared_ptr<SharedDocument> document, const QString &documentName = {});
    // The same with the list already read (at open time): no job.
    void setDocument(std::shared_ptr<SharedDocument> document, const QList<AttachmentInfo> &attachments,
        const QString &documentName = {});

    State state() const { return m_state; }
    const QList<AttachmentInfo> &attachments() const { return m_model->attachments(); }
    // The text shown instead of the list (none, reading, the error); empty when the list shows.
    QString placeholderText() const;
    QTreeView *view() const { return m_view; }
    AttachmentModel *model() const { return m_model; }
    // The model's index for attachment `index` (its rows fetched); invalid when there is none.
    QModelIndex indexOfAttachment(int index) const;
    // The selected attachment, -1 when nothing or a folder is selected.
    int currentAttachment() const;
    void setCurrentAttachment(int index);

    void setAskSavePath(AskSavePath hook) { m_askSavePath = std::move(hook); }
    void setAskFolder(AskFolder hook) { m_askFolder = std::move(hook); }
    void setShowError(ShowError hook) { m_showError = std::move(hook); }

    // What the actions do once they know where to write. Each returns the job it started (owned
    // by the runner), or null when it started none (an error was then shown).
    Job *saveAttachmentTo(int index, const QString &path);
    Job *saveAllTo(const QString &folder);
    Job *openAttachment(int index);

    // Where Open writes; created at the first Open, removed with the panel.
    QString temporaryFolder() const;

    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAllAction() const { return m_saveAllAction; }

public Q_SLOTS:
    // Asks where to save the current attachment, then saves it.
    void save();
    // Asks for a folder, then saves every attachment into it.
    void saveAll();
    // Saves the current attachment to the temporary folder and asks the window to open it.
    void open();

Q_SIGNALS:
    // An attachment was saved for viewing; the window opens it (in a new tab).
    void openRequested(const QString &path);
    // A save or open job finished: Ok with the written files, or why not (cancellations too).
    void saveFinished(const folio::Status &status, const QStringList &paths);
    // The attachment list was read (Ok), or could not be.
    void loaded(const folio::Status &status);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    enum class Operation { Save, SaveAll, Open };

    // Shows the list when Ready, else `placeholder` in its place (blank when empty).
    void setState(State state, const QString &placeholder = {});
    // Shows `attachments`, whose tree `tree` is (built from them), or the placeholder when none.
    void populate(QList<AttachmentInfo> attachments, std::shared_ptr<const AttachmentTree> tree);
    void updateActions();
    void cancelListJob();
    Job *startSave(Operation operation, const QList<int> &indices, const QString &target);
    // After Save All: names the entries that were skipped (see AttachmentExporter::Options).
    void reportSkipped(const QString &folder, const QList<Status> &skipped, qsizetype total);
    void saveDone(
        Operation operation, const QString &subject, const QString &target, const Result<QStringList> &result);
    void reportError(const QString &title, const QString &text);
    QString suggestedFolder() const;

    QPointer<JobRunner> m_runner;
    std::shared_ptr<SharedDocument> m_document;
    QString m_documentName;
    QPointer<Job> m_listJob;
    quint64 m_listId = 0;
    State m_state = State::Empty;
    QList<QToolButton *> m_buttons; // Open, Save, Save All
    std::unique_ptr<QTemporaryDir> m_temporaryDir;

    AskSavePath m_askSavePath;
    AskFolder m_askFolder;
    ShowError m_showError;

    PlaceholderStack *m_stack = nullptr;
    AttachmentModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAllAction = nullptr;
};

} // namespace folio
