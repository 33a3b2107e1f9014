// SPDX-License-Identifier: GPL-3.0-or-later
#include "outlinepanel.h"

#include "placeholderstack.h"
#include "workerpool.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace folio {

namespace {

// Deeper entries are dropped: a hostile outline must not recurse the GUI thread into a crash.
constexpr int MaxDepth = 64;

enum Column { TitleColumn, PageColumn };

} // namespace

OutlinePanel::OutlinePanel(QWidget *parent)
    : QWidget(parent)
{
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter the outline"));
    connect(m_filter, &QLineEdit::textChanged, this, &OutlinePanel::setFilterText);

    m_model = new QStandardItemModel(this);
    m_model->setHorizontalHeaderLabels({tr("Title"), tr("Page")});
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(TitleColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true); // a match keeps its ancestors
    m_proxy->setAutoAcceptChildRows(true); // and a matching chapter keeps its sections

    m_view = new QTreeView(this);
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true); // large outlines scroll without measuring every row
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setExpandsOnDoubleClick(false); // a double click goes to the page, like a click
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(PageColumn, QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    // clicked(), not activated(): activated() also fires on double clicks and, in some styles, on
    // single clicks too. Enter is handled by eventFilter().
    connect(m_view, &QTreeView::clicked, this, &OutlinePanel::activate);

    m_stack = new PlaceholderStack(m_view, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_stack, 1);
    setState(State::Empty);
}

OutlinePanel::~OutlinePanel()
{
    // The job holds the document; its result has nowhere to go.
    cancelLoad();
}

void OutlinePanel::cancelLoad()
{
    if (m_loadSource)
        m_loadSource->cancel(CancelReason::Superseded);
    m_loadSource.reset();
    ++m_loadId; // a late result of the cancelled job is dropped
}

void OutlinePanel::setDocument(std::shared_ptr<SharedDocument> document, const CancellationToken &parent)
{
    cancelLoad();
    m_model->removeRows(0, m_model->rowCount());
    m_entryCount = 0;
    if (!document) {
        setState(State::Empty);
        return;
    }
    setState(State::Loading, tr("Reading the outline…"));
    m_loadSource = std::make_unique<CancellationSource>(parent);
    auto work = [document = std::move(document), token = m_loadSource->token()]() -> Result<QList<OutlineItem>> {
        try {
            DocumentGate::Lock lock = document->gate().acquire(token);
            if (!lock)
                return Status::fromToken(token);
            return document->document().outline(token);
        } catch (const std::exception &error) {
            return Status(StatusCode::IoError, QString::fromLocal8Bit(error.what()));
        }
    };
    using Watcher = QFutureWatcher<Result<QList<OutlineItem>>>;
    auto *watcher = new Watcher(this);
    connect(watcher, &Watcher::finished, this, [this, watcher, id = m_loadId] {
        watcher->deleteLater();
        if (id != m_loadId)
            return;
        m_loadSource.reset();
        const Result<QList<OutlineItem>> result = watcher->result();
        if (!result) {
            // Unsupported means the format has no outline at all: the same as an empty one.
            if (result.status().code() == StatusCode::Unsupported)
                setOutline({});
            else
                setState(State::Failed, tr("The outline could not be read.\n%1").arg(result.status().message()));
            Q_EMIT loaded(result.status().code() == StatusCode::Unsupported ? Status() : result.status());
            return;
        }
        setOutline(result.value());
        Q_EMIT loaded(Status());
    });
    watcher->setFuture(QtConcurrent::run(renderPool(), std::move(work)));
}

void OutlinePanel::setOutline(const QList<OutlineItem> &outline)
{
    cancelLoad();
    m_model->removeRows(0, m_model->rowCount());
    m_entryCount = 0;
    addItems(m_model->invisibleRootItem(), outline, 0);
    if (m_entryCount == 0) {
        setState(State::NoOutline, tr("This document has no outline"));
        return;
    }
    // The top level open, the rest collapsed: a long book shows its chapters, not every section.
    m_view->expandToDepth(0);
    setState(State::Ready);
}

void OutlinePanel::addItems(QStandardItem *parent, const QList<OutlineItem> &items, int depth)
{
    if (depth >= MaxDepth)
        return;
    for (const OutlineItem &entry : items) {
        const QString title = entry.title.simplified(); // outlines carry line breaks and tabs
        auto *titleItem = new QStandardItem(title.isEmpty() ? tr("(untitled)") : title);
        titleItem->setToolTip(title);
        titleItem->setData(entry.page, PageRole);
        auto *pageItem = new QStandardItem(pageText(entry.page));
        pageItem->setData(entry.page, PageRole);
        pageItem->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
        pageItem->setForeground(palette().brush(QPalette::PlaceholderText));
        parent->appendRow({titleItem, pageItem});
        ++m_entryCount;
        addItems(titleItem, entry.children, depth + 1);
    }
}

QString OutlinePanel::pageText(int page) const
{
    if (page < 0)
        return {};
    // The page's own name where the document gives one ("iv"), else its number.
    const QString label = m_pageLabels.value(page);
    return label.isEmpty() ? QLocale().toString(page + 1) : label;
}

void OutlinePanel::setPageLabels(const QStringList &labels)
{
    if (labels == m_pageLabels)
        return;
    m_pageLabels = labels;
    // Relabel the entries already listed.
    QList<QModelIndex> pending {QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            if (QStandardItem *item = m_model->itemFromIndex(m_model->index(row, PageColumn, parent)))
                item->setText(pageText(item->data(PageRole).toInt()));
            pending.append(m_model->index(row, TitleColumn, parent));
        }
    }
}

void OutlinePanel::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_proxy->setFilterFixedString(text.trimmed());
    if (m_state != State::Ready)
        return;
    if (text.trimmed().isEmpty())
        m_view->expandToDepth(0);
    else
        m_view->expandAll(); // show where the matches are
}

void OutlinePanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const int page = index.data(PageRole).toInt();
    if (page >= 0)
        Q_EMIT pageActivated(page);
}

bool OutlinePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            activate(m_view->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void OutlinePanel::setState(State state, const QString &placeholder)
{
    m_state = state;
    if (state == State::Ready)
        m_stack->showContent();
    else
        m_stack->showPlaceholder(placeholder);
    m_filter->setEnabled(state == State::Ready);
}

QString OutlinePanel::placeholderText() const
{
    return m_stack->placeholderText();
}

} // namespace folio
