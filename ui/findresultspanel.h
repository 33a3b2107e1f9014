// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;

namespace folio {

class FindController;

// The hits of a FindController as a list model, one row per hit, growing while the search runs
// (rows inserted, never a reset, so the list keeps its scroll position and selection). Rows
// show the page and the hit's context; ContextFromRole and ContextLengthRole say where the hit
// sits in it. GUI thread only.
class FindResultsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { PageRole = Qt::UserRole + 1, ContextRole, ContextFromRole, ContextLengthRole };

    explicit FindResultsModel(QObject *parent = nullptr);
    void setController(FindController *controller);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QPointer<FindController> m_controller;
    int m_rows = 0; // the rows announced so far (the controller's hits, as of its last signal)
};

// The sidebar's "Results" tab, as in Okular and Evince: what the find bar found, listed with page
// and context while the search goes on; a click (or Enter) selects the hit in the view.
class FindResultsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindResultsPanel(QWidget *parent = nullptr);
    ~FindResultsPanel() override;

    void setController(FindController *controller);
    QListView *listView() const { return m_list; }
    FindResultsModel *model() const { return m_model; }

private:
    void updateHeader();

    QPointer<FindController> m_controller;
    QLabel *m_header;
    QListView *m_list;
    FindResultsModel *m_model;
};

} // namespace folio
