// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"

#include "annotationpanel.h"
#include "attachmentpanel.h"
#include "findbar.h"
#include "findcontroller.h"
#include "findresultspanel.h"
#include "formlayer.h"
#include "jobrunner.h"
#include "linkopener.h"
#include "outlinepanel.h"
#include "pageview.h"
#include "thumbnailpanel.h"
#include "workerpool.h"

#include <QFileInfo>
#include <QFrame>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace folio {

DocumentView::DocumentView(LoadedDocument document, JobRunner *jobs, QWidget *parent)
    : QWidget(parent)
    , m_document(std::move(document))
    , m_lifetime(jobs->shutdownToken())
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_sidebar(new QTabWidget(m_splitter))
    , m_pageView(new PageView(m_splitter))
{
    m_sidebar->setDocumentMode(true);
    m_sidebar->setTabPosition(QTabWidget::North);
    m_sidebar->setMinimumWidth(120);
    m_sidebar->tabBar()->setExpanding(false);
    m_sidebar->tabBar()->setElideMode(Qt::ElideNone);
    m_splitter->addWidget(m_sidebar);
    m_splitter->setStretchFactor(0, 0);
    // Sized when first shown (see showEvent()); a width the user drags to is kept for every tab.
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] {
        if (m_sidebar->isVisible())
            Settings::setSidebarWidth(m_sidebar->width());
    });

    const Capabilities capabilities = m_document.summary.capabilities;
    m_thumbnails = new ThumbnailPanel(m_sidebar);
    m_sidebar->addTab(m_thumbnails, tr("Pages"));
    m_sidebar->setTabToolTip(0, tr("Thumbnails of the pages"));
    m_thumbnails->setDocument(m_document.document, m_document.pageSizes, m_lifetime.token());
    connect(m_thumbnails, &ThumbnailPanel::pageActivated, this, [this](int page) { jumpTo(page); });
    connect(m_pageView, &PageView::currentPageChanged, m_thumbnails, &ThumbnailPanel::setCurrentPage);

    if (capabilities.testFlag(Capability::Outline)) {
        m_outline = new OutlinePanel(m_sidebar);
        m_sidebar->addTab(m_outline, tr("Contents"));
        m_outline->setDocument(m_document.document, m_lifetime.token());
        connect(m_outline, &OutlinePanel::pageActivated, this, [this](int page) { jumpTo(page); });
    }
    if (capabilities.testFlag(Capability::Attachments)) {
        m_attachments = new AttachmentPanel(jobs, m_sidebar);
        const int tab = m_sidebar->addTab(m_attachments, tr("Attachments"));
        m_attachments->setDocument(m_document.document, fileName());
        connect(m_attachments, &AttachmentPanel::openRequested, this, &DocumentView::openRequested);
        // The tab says how many there are once the list is read.
        connect(m_attachments, &AttachmentPanel::loaded, this, [this, tab] {
            const auto count = m_attachments->attachments().size();
            m_sidebar->setTabText(tab, count > 0 ? tr("Attachments (%1)").arg(count) : tr("Attachments"));
        });
    }
    if (capabilities.testFlag(Capability::Annotations)) {
        m_annotations = new AnnotationPanel(m_sidebar);
        const int tab = m_sidebar->addTab(m_annotations, tr("Annotations"));
        m_annotations->setDocument(
            m_document.document, int(m_document.pageSizes.size()), !m_document.pageCountFinal, m_lifetime.token());
        // Pages counted later (a long DOCX) are read too; a count that stops brings no more.
        connect(this, &DocumentView::pageCountChanged, m_annotations,
            [this](int count, bool final) { m_annotations->setPageCount(count, !final); });
        connect(this, &DocumentView::countingFinished, m_annotations,
            [this] { m_annotations->setPageCount(m_pageView->pageCount(), false); });
        connect(m_annotations, &AnnotationPanel::activated, this, &DocumentView::showAnnotation);
        connect(m_annotations, &AnnotationPanel::loaded, this, [this, tab] {
            const auto count = m_annotations->annotations().size();
            m_sidebar->setTabText(tab, count > 0 ? tr("Annotations (%1)").arg(count) : tr("Annotations"));
        });
        connect(this, &DocumentView::pageLabelsChanged, m_annotations,
            [this] { m_annotations->setPageLabels(m_pageLabels); });
    }
    connect(m_pageView, &PageView::noteActivated, this, [this](const Annotation &note, QPoint global) {
        // A note's pop-up: its author and date, then what it says; closes on a click elsewhere.
        delete m_notePopup;
        auto *popup = new QFrame(this, Qt::Popup);
        popup->setObjectName(QStringLiteral("notePopup"));
        popup->setAttribute(Qt::WA_DeleteOnClose);
        popup->setFrameShape(QFrame::StyledPanel);
        auto *text = new QLabel(annotationToolTip(note), popup);
        text->setObjectName(QStringLiteral("notePopupText"));
        text->setTextFormat(Qt::RichText);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        text->setMaximumWidth(420);
        auto *layout = new QVBoxLayout(popup);
        layout->setContentsMargins(10, 8, 10, 8);
        layout->addWidget(text);
        popup->adjustSize();
        popup->move(global + QPoint(8, 8));
        popup->show();
        m_notePopup = popup;
    });

    // The find bar sits under the pages, hidden until Ctrl+F.
    auto *pageArea = new QWidget(m_splitter);
    auto *pageLayout = new QVBoxLayout(pageArea);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    createFormBar(pageArea);
    pageLayout->addWidget(m_formBar);
    pageLayout->addWidget(m_pageView);
    m_findBar = new FindBar(pageArea);
    m_findBar->hide();
    pageLayout->addWidget(m_findBar);
    m_splitter->addWidget(pageArea);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);

    m_find = new FindController(m_document.document, int(m_document.pageSizes.size()), capabilities, jobs, this);
    m_find->setFileName(fileName());
    m_findBar->setController(m_find);
    if (m_find->isSupported()) {
        // The matches, as they come, in the sidebar; shown when a search starts.
        m_results = new FindResultsPanel(m_sidebar);
        m_sidebar->addTab(m_results, tr("Results"));
        m_results->setController(m_find);
        connect(m_find, &FindController::searchingChanged, this, [this](bool searching) {
            if (searching && m_sidebar->isVisible() && m_sidebar->currentWidget() == m_thumbnails)
                m_sidebar->setCurrentWidget(m_results);
        });
    }
    connect(m_pageView, &PageView::currentPageChanged, m_find, &FindController::setCurrentPage);
    connect(m_pageView, &PageView::pageCountChanged, m_find, &FindController::setPageCount);
    m_find->setPageCountFinal(m_document.pageCountFinal);
    connect(
        this, &DocumentView::pageCountChanged, m_find, [this](int, bool final) { m_find->setPageCountFinal(final); });
    // Marks follow the hits batch by batch (a long search must not rebuild them all every time);
    // the list only ever shrinks by being cleared.
    connect(m_find, &FindController::hitsInserted, this, [this](int position, int count) {
        QList<PageRect> rects;
        for (int i = position; i < position + count; ++i) {
            const SearchHit &hit = m_find->hits().at(i);
            for (const QRectF &rect : hit.rects)
                rects.append({hit.page, rect});
        }
        m_pageView->addHighlights(rects);
    });
    connect(m_find, &FindController::hitsChanged, this, [this](const QList<SearchHit> &hits) {
        if (hits.isEmpty())
            m_pageView->setHighlights({});
    });
    // Before the jump below: a result on another page is a place to come back from.
    connect(m_find, &FindController::currentHitChanged, this, [this](int index, const SearchHit &hit) {
        if (index >= 0 && hit.page != m_pageView->currentPage()) {
            m_history.record(m_pageView->position());
            Q_EMIT historyChanged();
        }
    });
    connect(m_find, &FindController::currentHitChanged, this, [this](int index, const SearchHit &hit) {
        if (index < 0)
            m_pageView->setCurrentHighlight(-1, {});
        else if (hit.rects.isEmpty()) // a format with text but no positions: the page is the hit
            m_pageView->goToPage(hit.page);
        else
            m_pageView->setCurrentHighlight(hit.page, hit.rects);
    });
    connect(m_findBar, &FindBar::closed, this, [this] {
        m_pageView->clearHighlights();
        m_pageView->setFocus();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_splitter);
    setFocusProxy(m_pageView);
    m_pageView->setDocument(m_document, m_lifetime.token());
    connectLinks();
    loadPageLabels();
}

DocumentView::~DocumentView()
{
    m_lifetime.cancel(CancelReason::Shutdown);
}

void DocumentView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_splitterSized)
        return;
    // Before the first show the splitter does not know its width, and the panels' size hints
    // (a wide tree) would win.
    m_splitterSized = true;
    const int side = std::min(Settings::sidebarWidth(), width() / 2);
    m_splitter->setSizes({side, std::max(1, width() - side)});
}

void DocumentView::startFind()
{
    m_findBar->activate();
}

void DocumentView::findNext()
{
    if (m_findBar->isHidden() || m_find->text().isEmpty())
        m_findBar->activate();
    else
        m_find->next();
}

void DocumentView::findPrevious()
{
    if (m_findBar->isHidden() || m_find->text().isEmpty())
        m_findBar->activate();
    else
        m_find->previous();
}

void DocumentView::setSidebarVisible(bool visible)
{
    m_sidebar->setVisible(visible);
}

bool DocumentView::isSidebarVisible() const
{
    return !m_sidebar->isHidden();
}

void DocumentView::setRenderTimeout(std::chrono::milliseconds timeout)
{
    m_pageView->setRenderTimeout(timeout);
    m_thumbnails->setRenderTimeout(timeout);
    if (m_form)
        m_form->setTimeout(timeout);
}

Settings::DocumentState DocumentView::viewState() const
{
    Settings::DocumentState state;
    state.valid = true;
    state.page = m_pageView->currentPage();
    state.zoom = m_pageView->zoom();
    state.zoomMode = int(m_pageView->zoomMode());
    state.rotation = m_pageView->rotation();
    state.continuous = m_pageView->isContinuous();
    state.facing = m_pageView->isFacing();
    state.colors = m_pageView->pageColors();
    state.coverAlone = m_pageView->isCoverAlone();
    state.rightToLeft = m_pageView->isRightToLeft();
    return state;
}

void DocumentView::restoreViewState(const Settings::DocumentState &state)
{
    // A document seen before opens in its own colours, any other in the default ones.
    setPageColors(state.valid ? state.colors : Settings::defaultPageColors());
    if (!state.valid) {
        // A manga or a right-to-left book the first time: two pages from the right.
        if (m_document.summary.rightToLeft) {
            m_pageView->setFacing(true);
            m_pageView->setRightToLeft(true);
        }
        return;
    }
    m_pageView->setRotation(state.rotation);
    m_pageView->setContinuous(state.continuous);
    m_pageView->setFacing(state.facing);
    m_pageView->setCoverAlone(state.coverAlone);
    m_pageView->setRightToLeft(state.rightToLeft);
    const auto mode = PageView::ZoomMode(state.zoomMode);
    if (mode == PageView::ZoomMode::Custom)
        m_pageView->setZoom(state.zoom);
    else if (mode == PageView::ZoomMode::FitWidth || mode == PageView::ZoomMode::FitPage)
        m_pageView->setZoomMode(mode);
    if (state.page > 0 && m_pageView->pageCount() > 0)
        m_pageView->goToPage(std::min(state.page, m_pageView->pageCount() - 1));
}

void DocumentView::setPageColors(const PageColors &colors)
{
    m_pageView->setPageColors(colors);
    m_thumbnails->setPageColors(colors);
}

QString DocumentView::fileName() const
{
    return QFileInfo(m_document.path).fileName();
}

QString DocumentView::displayName() const
{
    return m_document.summary.title.isEmpty() ? fileName() : m_document.summary.title;
}

void DocumentView::countPages()
{
    if (m_document.pageCountFinal || m_counting)
        return;
    m_countSource = std::make_unique<CancellationSource>(m_lifetime.token());
    Q_EMIT countingStarted();
    countNextChunk();
}

void DocumentView::cancelPageCount()
{
    if (m_countSource)
        m_countSource->cancel(CancelReason::User);
}

void DocumentView::countNextChunk()
{
    const int known = m_pageView->pageCount();
    const int target = known + CountChunk;
    auto work = [document = m_document.document, known, target, token = m_countSource->token()]() -> Chunk {
        Chunk chunk;
        const DocumentGate::Lock lock = document->gate().acquire(token);
        if (!lock) {
            chunk.status = Status::fromToken(token);
            return chunk;
        }
        Document &doc = document->document();
        chunk.status = doc.ensurePages(target, token);
        if (!chunk.status)
            return chunk;
        auto sizes = readPageSizes(doc, known, token);
        if (!sizes) {
            chunk.status = sizes.status();
            return chunk;
        }
        chunk.sizes = std::move(sizes).value();
        chunk.final = doc.isPageCountFinal();
        return chunk;
    };
    auto *watcher = new QFutureWatcher<Chunk>(this);
    connect(watcher, &QFutureWatcher<Chunk>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_counting = false;
        chunkFinished(watcher->result());
    });
    m_counting = true;
    watcher->setFuture(QtConcurrent::run(renderPool(), std::move(work)));
}

void DocumentView::chunkFinished(const Chunk &chunk)
{
    if (!chunk.sizes.isEmpty()) {
        m_pageView->appendPages(chunk.sizes);
        m_thumbnails->appendPages(chunk.sizes);
    }
    m_document.pageCountFinal = chunk.final;
    if (!chunk.status.isOk() || chunk.final) {
        m_countSource.reset();
        Q_EMIT pageCountChanged(m_pageView->pageCount(), chunk.final);
        Q_EMIT countingFinished(chunk.status);
        return;
    }
    Q_EMIT pageCountChanged(m_pageView->pageCount(), false);
    if (chunk.sizes.isEmpty() && !chunk.final) {
        // No progress and not final: the backend cannot say more; stop rather than spin.
        m_countSource.reset();
        Q_EMIT countingFinished(Status());
        return;
    }
    countNextChunk();
}

// --- links, history and page labels ---------------------------------------------------------

void DocumentView::connectLinks()
{
    m_linkOpener = new LinkOpener(this);
    connect(m_pageView, &PageView::internalLinkActivated, this, &DocumentView::jumpTo);
    connect(m_pageView, &PageView::externalLinkActivated, m_linkOpener, &LinkOpener::open);
    connect(m_pageView, &PageView::remoteLinkActivated, m_linkOpener,
        [this](const QString &file) { m_linkOpener->refuseFile(file); });
    connect(m_pageView, &PageView::backRequested, this, &DocumentView::back);
    connect(m_pageView, &PageView::forwardRequested, this, &DocumentView::forward);
}

void DocumentView::jumpTo(int page, double top)
{
    const ViewPosition here = m_pageView->position();
    if (page != here.page || top >= 0) {
        m_history.record(here);
        Q_EMIT historyChanged();
    }
    m_pageView->goToPosition(page, top);
}

void DocumentView::back()
{
    const ViewPosition target = m_history.back(m_pageView->position());
    if (!target.isValid())
        return;
    m_pageView->goToPosition(target.page, target.top);
    Q_EMIT historyChanged();
}

void DocumentView::forward()
{
    const ViewPosition target = m_history.forward(m_pageView->position());
    if (!target.isValid())
        return;
    m_pageView->goToPosition(target.page, target.top);
    Q_EMIT historyChanged();
}

void DocumentView::showAnnotation(const Annotation &annotation)
{
    if (annotation.page < 0 || annotation.page >= m_pageView->pageCount())
        return;
    const QList<QRectF> rects = annotation.quads.isEmpty() ? QList<QRectF> {annotation.rect} : annotation.quads;
    // A little above it, so it is not glued to the window's top.
    jumpTo(annotation.page, std::max(0.0, annotation.rect.top() - 36));
    if (!annotation.rect.isEmpty() || !annotation.quads.isEmpty())
        m_pageView->flash(annotation.page, rects);
}

bool DocumentView::annotateSelection(Annotation::Type type, const QString &author)
{
    const QList<PageRect> lines = m_pageView->selectionLines();
    if (lines.isEmpty() || !canAnnotate())
        return false;
    // One annotation per page, as PDF annotations belong to a page.
    std::map<int, QList<QRectF>> byPage;
    for (const PageRect &line : lines)
        byPage[line.page].append(line.rect);
    for (const auto &[page, quads] : byPage) {
        PdfEdits::Markup markup;
        markup.type = type;
        markup.page = page;
        markup.quads = quads;
        markup.author = author;
        markup.color = type == Annotation::Type::Highlight ? QColor(255, 230, 0)
            : type == Annotation::Type::StrikeOut          ? QColor(220, 30, 30)
                                                           : QColor(30, 90, 220);
        m_edits.markups.append(markup);
        m_editOrder.append(true);
    }
    m_pageView->clearSelection();
    editsChanged();
    return true;
}

void DocumentView::addNote(int page, QPointF position, const QString &text, const QString &author)
{
    if (!canAnnotate() || page < 0 || page >= m_pageView->pageCount())
        return;
    PdfEdits::Note note;
    note.page = page;
    note.position = position;
    note.contents = text;
    note.author = author;
    m_edits.notes.append(note);
    m_editOrder.append(false);
    editsChanged();
}

bool DocumentView::undoEdit()
{
    if (m_editOrder.isEmpty())
        return false;
    if (m_editOrder.takeLast())
        m_edits.markups.removeLast();
    else
        m_edits.notes.removeLast();
    editsChanged();
    return true;
}

void DocumentView::createFormBar(QWidget *parent)
{
    auto *bar = new QFrame(parent);
    m_formBar = bar;
    bar->setObjectName(QStringLiteral("formBar"));
    bar->setFrameShape(QFrame::StyledPanel);
    auto *text = new QLabel(bar);
    text->setObjectName(QStringLiteral("formBarText"));
    text->setWordWrap(true);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(10, 4, 10, 4);
    layout->addWidget(text, 1);
    const FormType type = m_document.summary.formType;
    const bool fillable = type == FormType::AcroForm && m_document.summary.capabilities.testFlag(Capability::Forms);
    if (type == FormType::Xfa) {
        text->setText(tr("This is an XFA form, which Folio cannot show or fill in: the pages are what the file "
                         "keeps for readers without XFA."));
    } else if (fillable) {
        text->setText(tr("This document is a form: fill in its fields, then keep what you typed with File ▸ Save "
                         "a Copy."));
        auto *highlight = new QPushButton(tr("&Highlight Fields"), bar);
        highlight->setObjectName(QStringLiteral("formBarHighlight"));
        highlight->setCheckable(true);
        highlight->setChecked(true);
        layout->addWidget(highlight);
        m_form = new FormLayer(m_pageView, m_document.document, m_lifetime.token());
        connect(highlight, &QPushButton::toggled, m_form, &FormLayer::setHighlighted);
        connect(m_form, &FormLayer::valuesChanged, this, [this] {
            m_edits.fields.clear();
            for (const auto &[id, value] : m_form->values())
                m_edits.fields.append(value);
            editsChanged();
        });
    }
    bar->setVisible(type != FormType::None);
}

void DocumentView::takeEdits(const DocumentView &other)
{
    m_edits = other.m_edits;
    if (m_form && other.m_form)
        m_form->setValues(other.m_form->values());
    m_editOrder = other.m_editOrder;
    m_editVersion = other.m_editVersion;
    m_savedVersion = other.m_savedVersion;
    editsChanged();
    // The same state as before: not a new change.
    m_editVersion = other.m_editVersion;
    Q_EMIT modifiedChanged(isModified());
}

void DocumentView::markSaved(int version)
{
    m_savedVersion = version;
    if (m_annotations)
        m_annotations->setPending(m_pageView->pendingAnnotations(), !isModified());
    Q_EMIT modifiedChanged(isModified());
}

void DocumentView::editsChanged()
{
    ++m_editVersion;
    // What the page draws: the edits as the annotations they will be (a note's icon is 24 points,
    // as Poppler makes it).
    QList<Annotation> pending;
    for (const PdfEdits::Markup &markup : std::as_const(m_edits.markups)) {
        Annotation annotation;
        annotation.type = markup.type;
        annotation.page = markup.page;
        annotation.quads = markup.quads;
        for (const QRectF &quad : markup.quads)
            annotation.rect = annotation.rect.isNull() ? quad : annotation.rect.united(quad);
        annotation.color = markup.color;
        annotation.author = markup.author;
        annotation.contents = markup.contents;
        pending.append(annotation);
    }
    for (const PdfEdits::Note &note : std::as_const(m_edits.notes)) {
        Annotation annotation;
        annotation.type = Annotation::Type::Text;
        annotation.page = note.page;
        annotation.rect = QRectF(note.position, QSizeF(24, 24));
        annotation.color = note.color;
        annotation.author = note.author;
        annotation.contents = note.contents;
        pending.append(annotation);
    }
    m_pageView->setPendingAnnotations(pending);
    if (m_annotations)
        m_annotations->setPending(pending, !isModified());
    Q_EMIT modifiedChanged(isModified());
}

QWidget *DocumentView::notePopup() const
{
    return m_notePopup;
}

void DocumentView::loadPageLabels()
{
    // Backends read labels at open, so this is a quick pass; it still needs the gate.
    const int pages = int(m_document.pageSizes.size());
    auto work = [document = m_document.document, pages, token = m_lifetime.token()]() -> QStringList {
        const DocumentGate::Lock lock = document->gate().acquire(token);
        if (!lock)
            return {};
        QStringList labels;
        bool any = false;
        for (int page = 0; page < pages && !token.isCancelled(); ++page) {
            labels.append(document->document().pageLabel(page));
            any = any || !labels.last().isEmpty();
        }
        return any && !token.isCancelled() ? labels : QStringList();
    };
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_pageLabels = watcher->result();
        if (m_pageLabels.isEmpty())
            return;
        m_thumbnails->setPageLabels(m_pageLabels);
        if (m_outline)
            m_outline->setPageLabels(m_pageLabels);
        Q_EMIT pageLabelsChanged();
    });
    watcher->setFuture(QtConcurrent::run(renderPool(), std::move(work)));
}

} // namespace folio
