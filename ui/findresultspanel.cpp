// SPDX-License-Identifier: GPL-3.0-or-later
#include "findresultspanel.h"

#include "findcontroller.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace folio {

namespace {

// Draws a result as "p. 12   …text before **hit** text after…", the hit in bold.
class ResultDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const QString context = index.data(FindResultsModel::ContextRole).toString();
        const int from = index.data(FindResultsModel::ContextFromRole).toInt();
        const int length = index.data(FindResultsModel::ContextLengthRole).toInt();
        const QString page = pageText(index);
        item.text.clear();
        QStyle *style = item.widget ? item.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

        painter->save();
        const bool selected = item.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = item.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        const QColor ink = item.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &item, item.widget).adjusted(2, 0, -2, 0);
        QFont bold = item.font;
        bold.setBold(true);
        const QFontMetrics plainMetrics(item.font);
        const QFontMetrics boldMetrics(bold);

        painter->setPen(selected ? ink : item.palette.color(group, QPalette::PlaceholderText));
        painter->setFont(item.font);
        const int pageWidth = plainMetrics.horizontalAdvance(page) + plainMetrics.averageCharWidth() * 2;
        painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, page);
        area.setLeft(area.left() + pageWidth);

        // Before, hit, after; each part elided into what is left.
        painter->setPen(ink);
        const QString parts[3] = {context.left(from), context.mid(from, length), context.mid(from + length)};
        for (int i = 0; i < 3 && area.width() > 0; ++i) {
            const QFontMetrics &metrics = i == 1 ? boldMetrics : plainMetrics;
            painter->setFont(i == 1 ? bold : item.font);
            QString text = parts[i];
            // Keep the hit in view: the text before it gives way first, from its start.
            if (i == 0) {
                const int room = area.width() / 3;
                if (metrics.horizontalAdvance(text) > room)
                    text = metrics.elidedText(text, Qt::ElideLeft, room);
            }
            text = metrics.elidedText(text, Qt::ElideRight, area.width());
            painter->drawText(area, Qt::AlignLeft | Qt::AlignVCenter, text);
            area.setLeft(area.left() + metrics.horizontalAdvance(text));
        }
        painter->restore();
    }

    static QString pageText(const QModelIndex &index)
    {
        return FindResultsPanel::tr("p. %1").arg(
            QLocale().toString(index.data(FindResultsModel::PageRole).toInt() + 1));
    }
};

} // namespace

FindResultsModel::FindResultsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void FindResultsModel::setController(FindController *controller)
{
    beginResetModel();
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    m_rows = controller ? int(controller->hits().size()) : 0;
    endResetModel();
    if (!controller)
        return;
    connect(controller, &FindController::hitsInserted, this, [this](int position, int count) {
        beginInsertRows({}, position, position + count - 1);
        m_rows += count;
        endInsertRows();
    });
    connect(controller, &FindController::hitsChanged, this, [this](const QList<SearchHit> &hits) {
        if (hits.size() != m_rows) { // cleared, or changed without an insertion signal
            beginResetModel();
            m_rows = int(hits.size());
            endResetModel();
        }
    });
}

int FindResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_controller ? 0 : m_rows;
}

QVariant FindResultsModel::data(const QModelIndex &index, int role) const
{
    if (!m_controller || !index.isValid() || index.row() >= m_rows || index.row() >= m_controller->hits().size())
        return {};
    const SearchHit &hit = m_controller->hits().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return FindResultsPanel::tr("Page %1: %2").arg(QLocale().toString(hit.page + 1), hit.context);
    case Qt::ToolTipRole:
        return hit.context;
    case PageRole:
        return hit.page;
    case ContextRole:
        return hit.context.isEmpty() ? FindResultsPanel::tr("(on this page)") : hit.context;
    case ContextFromRole:
        return hit.context.isEmpty() ? 0 : hit.contextFrom;
    case ContextLengthRole:
        return hit.context.isEmpty() ? 0 : hit.contextLength;
    default:
        return {};
    }
}

FindResultsPanel::FindResultsPanel(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_list(new QListView(this))
    , m_model(new FindResultsModel(this))
{
    setObjectName(QStringLiteral("findResults"));
    m_header->setObjectName(QStringLiteral("findResultsHeader"));
    m_header->setWordWrap(true);
    m_header->setContentsMargins(6, 4, 6, 4);
    m_list->setObjectName(QStringLiteral("findResultsList"));
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true); // rows of one height: a long list lays out in no time
    m_list->setItemDelegate(new ResultDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAccessibleName(tr("Search results"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_list, 1);

    const auto activate = [this](const QModelIndex &index) {
        if (m_controller && index.isValid())
            m_controller->selectHit(index.row());
    };
    connect(m_list, &QListView::clicked, this, activate);
    connect(m_list, &QListView::activated, this, activate);
    updateHeader();
}

FindResultsPanel::~FindResultsPanel() = default;

void FindResultsPanel::setController(FindController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    m_model->setController(controller);
    if (controller) {
        connect(controller, &FindController::statusChanged, this, &FindResultsPanel::updateHeader);
        // The list follows the selected hit (Enter, F3, a click in the view's find bar).
        connect(controller, &FindController::currentHitChanged, this, [this](int index) {
            if (index < 0) {
                m_list->clearSelection();
                return;
            }
            const QModelIndex item = m_model->index(index);
            m_list->setCurrentIndex(item);
            m_list->scrollTo(item);
        });
    }
    updateHeader();
}

void FindResultsPanel::updateHeader()
{
    const QString status = m_controller ? m_controller->statusText() : QString();
    m_header->setText(status.isEmpty() ? tr("Search with Ctrl+F: the matches are listed here.") : status);
}

} // namespace folio
