// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/book/book.h"
#include "document.h"

#include <QByteArray>
#include <QString>

namespace folio::fb2 {

// Converts a FictionBook 2 document into a book of XHTML chapters for the book engine: each
// top-level <section> of the main <body> is a chapter (what comes before the first one, the
// book's title and epigraphs, one of its own), each other <body> (notes, comments) one more;
// sections become nested <div>s with headings from their titles (the outline), paragraphs,
// emphasis, strong, strikethrough, sub/superscript, code, poems, citations, epigraphs, tables,
// links (notes as superscripts, ids followed into other chapters) and <image l:href="#id">
// pictures whose <binary id> base64 data become resources. The metadata comes from
// <description><title-info> and <publish-info>.
//
// Parsing goes through SafeXmlReader (no DTD entities, depth within limits.maxXmlDepth, the token
// polled); pictures are counted against limits.maxEntries and their decoded sizes against
// maxEntrySize and maxTotalExtracted.
class Fb2Converter
{
    Q_DECLARE_TR_FUNCTIONS(folio::fb2::Fb2Converter)
public:
    // `name` names the file in messages.
    static Status convert(const QByteArray &data, const QString &name, book::MemoryBook &book, const Limits &limits,
        const CancellationToken &token);
};

} // namespace folio::fb2
