// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shareddocument.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QTemporaryDir;
class QTreeWidget;
class QTreeWidgetItem;

namespace folio {

class Job;
class JobRunner;
class PlaceholderStack;

// The files embedded in a document, for the side bar: name, size and description, entries whose
// path has folders ("docs/a.txt", as archives list them) shown as a tree.
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
    QList<AttachmentInfo> attachments() const { return m_attachments; }
    // The text shown instead of the list (none, reading, the error); empty when the list shows.
    QString placeholderText() const;
    QTreeWidget *tree() const { return m_tree; }
    // The tree's item for attachment `index`, null when there is none.
    QTreeWidgetItem *itemForAttachment(int index) const;
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

private:
    enum class Operation { Save, SaveAll, Open };

    // Shows the list when Ready, else `placeholder` in its place (blank when empty).
    void setState(State state, const QString &placeholder = {});
    void populate();
    QTreeWidgetItem *folderItem(QHash<QString, QTreeWidgetItem *> &folders, const QStringList &segments);
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
    QList<AttachmentInfo> m_attachments;
    QPointer<Job> m_listJob;
    quint64 m_listId = 0;
    State m_state = State::Empty;
    QString m_lastFolder;
    std::unique_ptr<QTemporaryDir> m_temporaryDir;

    AskSavePath m_askSavePath;
    AskFolder m_askFolder;
    ShowError m_showError;

    PlaceholderStack *m_stack = nullptr;
    QTreeWidget *m_tree = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAllAction = nullptr;
};

} // namespace folio
