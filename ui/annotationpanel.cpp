// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationpanel.h"

#include "pageannotationcache.h"
#include "workerpool.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace folio {

namespace {

// Item data: the annotation's index in m_annotations (-1 for a page's item).
constexpr int IndexRole = Qt::UserRole + 1;
// Item data of the pending annotations: PendingBase + their index.
constexpr int PendingBase = 1 << 30;
// The contents shown under the heading, at most this many characters (the tool tip has all).
constexpr int ExcerptChars = 160;

} // namespace

AnnotationPanel::AnnotationPanel(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("annotationPanel"));
    m_status->setWordWrap(true);
    m_status->setContentsMargins(6, 4, 6, 4);
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    // Two lines per annotation (heading, then the start of its contents), each elided: a wrapped
    // row's height would not follow the panel's width.
    m_tree->setWordWrap(false);
    m_tree->setUniformRowHeights(false);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int index = item->data(0, IndexRole).toInt();
        if (index >= PendingBase && index - PendingBase < m_pending.size())
            Q_EMIT activated(m_pending.at(index - PendingBase));
        else if (index >= 0 && index < m_annotations.size())
            Q_EMIT activated(m_annotations.at(index));
    });
    // A single click shows it too, as in the outline.
    connect(m_tree, &QTreeWidget::itemClicked, m_tree, &QTreeWidget::itemActivated);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);
    updateStatus();
}

// Reading jobs hold the document; m_source cancels them (Shutdown) and what they return goes
// nowhere (their receiver is this panel).
AnnotationPanel::~AnnotationPanel()
{
    if (m_source)
        m_source->cancel(CancelReason::Shutdown);
}

void AnnotationPanel::setDocument(
    std::shared_ptr<SharedDocument> document, int pageCount, bool more, const CancellationToken &parent)
{
    m_document = std::move(document);
    m_pageCount = pageCount;
    m_morePages = more;
    m_source = std::make_unique<CancellationSource>(parent);
}

void AnnotationPanel::setPageCount(int pageCount, bool more)
{
    m_pageCount = std::max(m_pageCount, pageCount);
    m_morePages = more;
    if (m_waiting) {
        m_waiting = false;
        readNextChunk();
    } else if (!m_loaded) {
        updateStatus();
    }
}

void AnnotationPanel::setPageLabels(const QStringList &labels)
{
    m_labels = labels;
    for (const auto &[page, item] : m_pageItems)
        item->setText(0, pageTitle(page));
}

void AnnotationPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    load();
}

void AnnotationPanel::load()
{
    if (m_started || !m_document)
        return;
    m_started = true;
    readNextChunk();
}

void AnnotationPanel::readNextChunk()
{
    if (m_nextPage >= m_pageCount) {
        if (m_morePages) {
            m_waiting = true; // setPageCount() goes on
            updateStatus();
            return;
        }
        m_loaded = true;
        updateStatus();
        Q_EMIT loaded();
        return;
    }
    m_loaded = false;
    const int first = m_nextPage;
    const int last = std::min(m_pageCount, first + ChunkPages);
    auto chunk = std::make_shared<Chunk>();
    chunk->first = first;
    auto work = [chunk, document = m_document, first, last, token = m_source->token()] {
        const DocumentGate::Lock lock = document->gate().acquire(token);
        if (!lock) {
            chunk->status = Status::fromToken(token);
            return;
        }
        for (int page = first; page < last; ++page) {
            if (token.isCancelled()) {
                chunk->status = Status::fromToken(token);
                return;
            }
            Result<QList<Annotation>> found = document->document().annotations(page, token);
            if (found)
                chunk->annotations.append(found.value());
            else if (found.status().code() == StatusCode::Canceled)
                chunk->status = found.status();
            else
                chunk->failures.append(tr("Page %1: %2").arg(page + 1).arg(found.status().message()));
        }
    };
    runOnRenderPool(this, std::move(work), [this, chunk, last] {
        m_nextPage = last;
        chunkRead(*chunk);
    });
}

void AnnotationPanel::chunkRead(const Chunk &chunk)
{
    addItems(chunk.annotations);
    m_failures.append(chunk.failures);
    if (!chunk.status) {
        // Cancelled: the tab is closing, or the reading was stopped.
        m_loaded = true;
        updateStatus();
        Q_EMIT loaded();
        return;
    }
    updateStatus();
    readNextChunk();
}

QString AnnotationPanel::pageTitle(int page) const
{
    const QString label = m_labels.value(page);
    return label.isEmpty() || label == QString::number(page + 1) ? tr("Page %1").arg(page + 1)
                                                                 : tr("Page %1 (%2)").arg(page + 1).arg(label);
}

void AnnotationPanel::addItems(const QList<Annotation> &annotations)
{
    for (const Annotation &annotation : annotations) {
        const int index = int(m_annotations.size());
        m_annotations.append(annotation);
        QTreeWidgetItem *&pageItem = m_pageItems[annotation.page];
        if (!pageItem) {
            pageItem = new QTreeWidgetItem(m_tree, {pageTitle(annotation.page)});
            pageItem->setData(0, IndexRole, -1);
            pageItem->setFirstColumnSpanned(true);
            QFont bold = pageItem->font(0);
            bold.setBold(true);
            pageItem->setFont(0, bold);
            pageItem->setExpanded(true);
        }
        makeItem(pageItem, annotation, index);
    }
}

QTreeWidgetItem *AnnotationPanel::makeItem(QTreeWidgetItem *parent, const Annotation &annotation, int index)
{
    QString text = annotationHeading(annotation);
    const QString contents = annotation.contents.simplified();
    if (!contents.isEmpty())
        text += QLatin1Char('\n')
            + (contents.size() > ExcerptChars ? contents.left(ExcerptChars - 1) + QChar(0x2026) : contents);
    auto *item = new QTreeWidgetItem(parent, {text});
    item->setData(0, IndexRole, index);
    item->setToolTip(0, annotationToolTip(annotation));
    if (annotation.color.isValid()) {
        QPixmap swatch(12, 12);
        swatch.fill(annotation.color);
        item->setIcon(0, QIcon(swatch));
    }
    return item;
}

void AnnotationPanel::setPending(const QList<Annotation> &pending, bool saved)
{
    m_pending = pending;
    delete m_pendingItem;
    m_pendingItem = nullptr;
    if (pending.isEmpty())
        return;
    m_pendingItem = new QTreeWidgetItem({saved ? tr("Made here, saved in a copy (%1)").arg(pending.size())
                                               : tr("Made here, not saved yet (%1)").arg(pending.size())});
    m_tree->insertTopLevelItem(0, m_pendingItem);
    m_pendingItem->setData(0, IndexRole, -1);
    QFont bold = m_pendingItem->font(0);
    bold.setBold(true);
    m_pendingItem->setFont(0, bold);
    // Indices past the file's annotations: IndexRole - size() picks the pending one.
    for (qsizetype i = 0; i < pending.size(); ++i) {
        QTreeWidgetItem *item = makeItem(m_pendingItem, pending.at(i), PendingBase + int(i));
        item->setText(0, tr("Page %1 · %2").arg(pending.at(i).page + 1).arg(item->text(0)));
    }
    m_pendingItem->setExpanded(true);
}

QString AnnotationPanel::statusText() const
{
    return m_status->text();
}

void AnnotationPanel::updateStatus()
{
    QString text;
    const int count = int(m_annotations.size());
    if (m_waiting)
        text = tr("Reading annotations… page %1 (the document is still being read)").arg(m_pageCount);
    else if (!m_loaded && m_morePages)
        text = tr("Reading annotations… page %1 of %2 so far")
                   .arg(std::min(m_nextPage + 1, m_pageCount))
                   .arg(m_pageCount);
    else if (!m_loaded)
        text = tr("Reading annotations… page %1 of %2").arg(std::min(m_nextPage + 1, m_pageCount)).arg(m_pageCount);
    else if (count == 0)
        text = tr("This document has no annotations.");
    else
        text = tr("%n annotation(s)", nullptr, count);
    if (!m_failures.isEmpty())
        text += QLatin1Char('\n') + tr("Not read: %1").arg(m_failures.join(QStringLiteral("; ")));
    m_status->setText(text);
}

} // namespace folio
