// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backend.h"
#include "document.h"
#include "xpspackage.h"

#include <QList>
#include <QSizeF>

#include <memory>
#include <mutex>
#include <optional>

namespace folio::archive {
class ArchiveReader;
}

namespace folio::xps {

struct Session;

// An XPS (Microsoft XPS 1.0) or OpenXPS (ECMA-388) document, rendered by libgxps with cairo.
//
// libgxps never reads the file it was given: Folio reads the package with its own archive reader
// (a ZIP within the entry count; every part streamed once with its entry size, the total size,
// the compression ratio and its CRC-32 checked, so libgxps, which reads parts whole into memory,
// never meets a ZIP bomb; pictures whose headers claim more pixels than the limit refused) and
// writes the parts, stored, to a private temporary ZIP that libgxps then reads. That copy is also
// a plain ZIP for libarchive's streaming reader, which libgxps uses and which fails on ZIP64
// local headers Microsoft's XPS writer produces, and it cannot change while the document is open.
// The page structure (_rels/.rels → FixedDocumentSequence → FixedDocuments → pages) is read with
// SafeXmlReader; each page's XML is checked the same way (depth, entities) before libgxps draws it.
//
// Text: libgxps has none; text() and textBoxes() read the Glyphs elements' UnicodeString and
// positions from the page's XML.
// Outline: the DocumentStructure parts' outline, read by Folio; links: libgxps's (the pages'
// FixedPage.NavigateUri).
// Metadata: docProps/core.xml, read by Folio.
//
// Threads and cancellation: libgxps cannot be interrupted and is not thread-safe per file. Every
// libgxps and cairo call for this document runs on the pool of detached calls (callDetached)
// under Session::mutex, so Cancel returns at once while an abandoned call runs to its end
// (bounded: XPS has no loops, its parts and pictures are within the limits, and the surface is
// within the pixel limit); the next call waits for the mutex on the pool, cancellable too. The
// Session (GXPSFile, its documents, the temporary file) is shared with those calls and freed by
// the last of them. The archive reader and the page checks run on the calling thread under
// m_packageMutex.
class XpsDocument final : public Document
{
    Q_DECLARE_TR_FUNCTIONS(folio::xps::XpsDocument)
public:
    static Result<std::unique_ptr<Document>> open(
        OpenRequest request, const CancellationToken &token, const ProgressCallback &progress);
    ~XpsDocument() override;

    // Where page `index` is: its fixed document and its number there.
    struct PageRef
    {
        int document = 0;
        int page = 0;
        QSizeF units; // the page's size in XPS units (1/96 in)
    };

protected:
    int doPageCount() const override { return int(m_pages.size()); }
    QSizeF doPageSize(int index) const override;
    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override;
    Result<QString> doText(int index, const CancellationToken &token) override;
    Result<QList<TextBox>> doTextBoxes(int index, const CancellationToken &token) override;
    Result<QList<Link>> doLinks(int index, const CancellationToken &token) override;
    Result<QList<OutlineItem>> doOutline(const CancellationToken &token) override;
    Metadata doMetadata() const override { return m_metadata; }

private:
    explicit XpsDocument(const Limits &limits);
    Status checkPage(int index, const CancellationToken &token);

    std::shared_ptr<Session> m_session;
    QList<PageRef> m_pages;
    QList<int> m_documentOffsets; // the index of each fixed document's first page
    Metadata m_metadata;

    std::mutex m_packageMutex; // guards the reader, the package and the caches below
    std::unique_ptr<archive::ArchiveReader> m_reader;
    std::unique_ptr<Package> m_package;
    PackageStructure m_structure;
    QList<int> m_pageParts; // entries of the pages' parts (see PackageStructure), empty if unknown
    QList<std::optional<PageContent>> m_contents; // each page's text and links once read (its XML checked)
};

} // namespace folio::xps
