// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shareddocument.h"

#include <QWidget>

#include <memory>

class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace folio {

class PlaceholderStack;

// The document's table of contents as a tree of titles and page numbers, for the side bar.
//
// The outline is read by one non-modal job on renderPool() that takes the document's gate; its
// CancellationSource is linked to the parent token and cancelled (Superseded) by the next
// setDocument() or the panel's destruction. Clicking an entry, or Enter on it, emits
// pageActivated(). A filter field above the tree keeps the entries whose title matches, with
// their ancestors.
class OutlinePanel : public QWidget
{
    Q_OBJECT
public:
    enum class State { Empty, Loading, Ready, NoOutline, Failed };
    Q_ENUM(State)

    // Roles of the title column's items.
    static constexpr int PageRole = Qt::UserRole + 1; // 0-based target page, -1 for none

    explicit OutlinePanel(QWidget *parent = nullptr);
    ~OutlinePanel() override;

    // Reads and shows the outline of `document`; a null document clears the panel. The job is
    // linked to `parent`, typically JobRunner::shutdownToken().
    void setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent = {});
    // Shows an outline read elsewhere (no job).
    void setOutline(const QList<OutlineItem> &outline);

    State state() const { return m_state; }
    // The text shown instead of the tree (no outline, loading, the error), empty when the tree shows.
    QString placeholderText() const;
    // The tree's model (after filtering) and view, for the window's wiring and for tests.
    QTreeView *view() const { return m_view; }
    QSortFilterProxyModel *model() const { return m_proxy; }
    // Entries in the whole outline, nested ones included.
    int entryCount() const { return m_entryCount; }

public Q_SLOTS:
    void setFilterText(const QString &text);
    // The pages' own names (PDF /PageLabels; empty entries for pages without), shown for the
    // entries' pages instead of their numbers.
    void setPageLabels(const QStringList &labels);

Q_SIGNALS:
    void pageActivated(int page);
    // The outline job finished: Ok (with or without entries), failed or cancelled.
    void loaded(const folio::Status &status);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Shows the list when Ready, else `placeholder` in its place (blank when empty).
    void setState(State state, const QString &placeholder = {});
    void addItems(QStandardItem *parent, const QList<OutlineItem> &items, int depth);
    QString pageText(int page) const;
    void activate(const QModelIndex &index);
    void cancelLoad();

    std::unique_ptr<CancellationSource> m_loadSource;
    quint64 m_loadId = 0;
    State m_state = State::Empty;
    int m_entryCount = 0;
    QLineEdit *m_filter = nullptr;
    PlaceholderStack *m_stack = nullptr;
    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QStringList m_pageLabels;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace folio
