// SPDX-License-Identifier: GPL-3.0-or-later
#include "formatregistry.h"

#include "backends/archive/archivebackend.h"
#include "backends/chm/chmbackend.h"
#include "backends/djvu/djvubackend.h"
#include "backends/email/emailbackend.h"
#include "backends/epub/epubbackend.h"
#include "backends/fb2/fb2backend.h"
#include "backends/html/htmlbackend.h"
#include "backends/image/imagebackend.h"
#include "backends/mobi/mobibackend.h"
#include "backends/office/officebackends.h"
#include "backends/pdf/pdfbackend.h"
#include "backends/postscript/postscriptbackend.h"
#include "backends/text/textbackend.h"
#include "backends/xps/xpsbackend.h"

#include <QMimeDatabase>

namespace folio {

FormatRegistry::FormatRegistry()
{
    // Order matters: SVG is XML is text, so images come before text.
    m_backends.push_back(createPdfBackend());
    m_backends.push_back(createPostScriptBackend());
    // EPUB is a ZIP: before any backend that reads application/zip.
    m_backends.push_back(createEpubBackend());
    // FB2 is XML (before text), .fb2.zip a ZIP (before the archives).
    m_backends.push_back(createFb2Backend());
    // Office packages are ZIPs too; each family names its own types (DOCX, XLSX, ODT, ...).
    m_backends.push_back(createWordProcessingBackend());
    m_backends.push_back(createSpreadsheetBackend());
    m_backends.push_back(createPresentationBackend());
    m_backends.push_back(createXpsBackend());
    m_backends.push_back(createDjvuBackend());
    // Palm databases (BOOKMOBI, TEXtREAd) and ITSF: before text, which could take a PalmDoc.
    m_backends.push_back(createMobiBackend());
    m_backends.push_back(createChmBackend());
    m_backends.push_back(createImageBackend());
    // HTML is text to QMimeDatabase: before text.
    m_backends.push_back(createHtmlBackend());
    // Messages and mailboxes are text to QMimeDatabase: before the text backend. After HTML: a web
    // archive a browser saved (MHTML) is a MIME message too, and both are certain of it.
    m_backends.push_back(createEmailBackend());
    m_backends.push_back(createTextBackend());
    // Containers last, most specific first: comics are ZIP/TAR/7z archives, a .tar.gz is a gzip file.
    m_backends.push_back(createComicBackend());
    m_backends.push_back(createArchiveBackend());
    m_backends.push_back(createCompressedBackend());
}

const FormatRegistry &FormatRegistry::instance()
{
    static const FormatRegistry registry;
    return registry;
}

const Backend *FormatRegistry::backendFor(const QMimeType &mimeType) const
{
    if (!mimeType.isValid())
        return nullptr;
    for (const auto &backend : m_backends) {
        const QStringList types = backend->mimeTypes();
        for (const QString &type : types) {
            if (mimeType.name() == type || mimeType.inherits(type))
                return backend.get();
        }
    }
    return nullptr;
}

const Backend *FormatRegistry::backendById(const QString &id) const
{
    for (const auto &backend : m_backends) {
        if (backend->id() == id)
            return backend.get();
    }
    return nullptr;
}

QStringList FormatRegistry::globPatterns(const Backend *backend) const
{
    // Every type a backend reads, including the ones that only inherit a handled type
    // (text/markdown and every source language inherit text/plain).
    QStringList patterns;
    const QList<QMimeType> types = QMimeDatabase().allMimeTypes();
    for (const QMimeType &type : types) {
        const Backend *handler = backendFor(type);
        if (!handler || (backend && handler != backend))
            continue;
        patterns += type.globPatterns();
    }
    patterns.sort(Qt::CaseInsensitive);
    patterns.removeDuplicates();
    return patterns;
}

} // namespace folio
