// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "textencoding.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QMimeType>
#include <QTextDocument>

#include <memory>
#include <vector>

class QIODevice;

namespace folio::text {

// A QTextDocument that never reads anything outside the Markdown text: no network, no files.
// Every image becomes a grey placeholder, every other resource (style sheets) nothing, because a
// document must not make the viewer fetch a URL or read a path of the author's choosing.
class OfflineTextDocument final : public QTextDocument
{
    Q_OBJECT
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

// Markdown (CommonMark with GitHub extensions) typeset by QTextDocument on A4 pages.
//
// The source is cut into sections (see splitMarkdown()), each parsed and laid out as its own
// QTextDocument between two polls of the token. Sections flow into each other: a section that
// starts on a page the previous one left half full begins with an invisible spacer paragraph as
// tall as the part already used, so page breaks fall as in one document.
//
// The whole file is read into memory; files over MaxBytes are opened as plain text instead.
class MarkdownDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::text::MarkdownDocument)
public:
    static constexpr qint64 MaxBytes = 16LL * 1024 * 1024;

    // `device` must be random-access. `fileName` is only used for messages.
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<QIODevice> device, const TextEncoding &encoding,
        const QString &fileName, const QMimeType &mimeType, const Limits &limits, const CancellationToken &token,
        const ProgressCallback &progress);
    ~MarkdownDocument() override;

protected:
    int doPageCount() const override { return m_pageCount; }
    QSizeF doPageSize(int index) const override;
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Status doPaint(int index, QPainter &painter, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Status doVisitFlow(int index, double imageDpi, const FlowVisitor &visitor, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<Link>> doLinks(int index, const CancellationToken &token) override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &) override { return m_outline; }
    Metadata doMetadata() const override { return m_metadata; }

private:
    struct Section
    {
        std::unique_ptr<OfflineTextDocument> document;
        int firstPage = 0; // global index of the section's first page
        int pageCount = 0;
        qreal usedOnLastPage = 0; // points from the top of the text area
        bool hasSpacer = false;
        // Per block: the global pages of its first and last line.
        QList<std::pair<int, int>> blockPages;
    };

    explicit MarkdownDocument(const Limits &limits);

    Status typeset(const QString &source, const CancellationToken &token, const ProgressCallback &progress);
    // Parses and lays out one section starting on page `firstPage`, `spacer` points down.
    Section layOutSection(const QString &markdown, int firstPage, qreal spacer) const;
    std::unique_ptr<OfflineTextDocument> makeSectionDocument(const QString &markdown, qreal spacer) const;
    void buildOutline(const QList<std::pair<int, OutlineItem>> &headings);
    // "#install-on-linux" → page, as GitHub names headings: links within the document use these.
    void indexHeadingAnchors(const QList<std::pair<int, OutlineItem>> &headings);
    int headingPage(const QString &fragment) const;
    void indexBlocks(Section &section) const;
    void collectHeadings(const Section &section, QList<std::pair<int, OutlineItem>> &headings) const;
    // The sections that have content on page `index`, in order.
    std::pair<size_t, size_t> sectionsOn(int index) const;
    QString pageTextOf(const Section &section, int index) const;
    void appendPageBoxesOf(const Section &section, int index, QList<TextBox> &boxes) const;
    // The section's block pages counted from its own first page, as the shared helpers count them.
    static QList<std::pair<int, int>> localBlockPages(const Section &section);

    QImage m_pointDevice; // the layout's paint device; lengths in points
    QFont m_font;
    qreal m_lengthScale = 1; // see formatLengthScale()
    std::vector<Section> m_sections;
    int m_pageCount = 0;
    QList<OutlineItem> m_outline;
    QHash<QString, int> m_headingPages; // GitHub heading anchors → pages
    Metadata m_metadata;
};

} // namespace folio::text
