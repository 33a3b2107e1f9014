// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "epubpackage.h"

namespace folio::epub {

// The table of contents of an EPUB 3 navigation document: its <nav epub:type="toc">, nested
// <ol>/<li> with <a href> (or <span> for entries without a target). `path` is the document's
// path in the package; hrefs are resolved against it. Empty when it has no toc nav.
Result<QList<TocEntry>> parseNavDocument(
    const QByteArray &data, const QString &path, const Limits &limits, const CancellationToken &token);

// The table of contents of an EPUB 2 NCX: navMap/navPoint with navLabel/text and content@src.
Result<QList<TocEntry>> parseNcx(
    const QByteArray &data, const QString &path, const Limits &limits, const CancellationToken &token);

} // namespace folio::epub
