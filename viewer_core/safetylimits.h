// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QString>
#include <QtGlobal>

namespace folio {

// Safety limits applied while opening and rendering. Hitting one yields StatusCode::LimitExceeded
// with a message naming the limit, never a crash or an unbounded allocation.
struct Limits
{
    // Largest decoded image (input images and rendered pages), in megapixels.
    int maxImageMegapixels = 256;
    // Largest number of pages a document may report.
    int maxPageCount = 1'000'000;
    // Largest file read fully into memory (PDF bytes, Markdown, images); streaming readers ignore it.
    qint64 maxInMemoryBytes = 2LL * 1024 * 1024 * 1024;
    // Archives (used by the archive, comic, EPUB and office backends).
    qint64 maxEntrySize = 1LL << 30;
    qint64 maxTotalExtracted = 4LL << 30;
    int maxCompressionRatio = 200;
    qint64 compressionRatioMinSize = 1LL << 20;
    qint64 maxEntries = 1'000'000;
    // XML parts.
    int maxXmlDepth = 256;
    // Documents inside documents (a .gz in a .gz, a comic's page, an email's attached archive):
    // the file the user opened is depth 0.
    int maxNestingDepth = 4;
    // Annotations (and form fields) listed for one page: a page of a million tiny marks is
    // refused, not listed.
    int maxAnnotationsPerPage = 10'000;

    qint64 maxImagePixels() const { return qint64(maxImageMegapixels) * 1'000'000; }
};

// "1 byte", "512 bytes", "1.5 KiB", "64 KiB", "2.0 GiB": the one byte formatter of messages and
// listings (the GUI shows sizes in the user's locale instead).
QString bytesText(qint64 bytes);

// The refusals of the archive limits. Each names the limit, its value and how to raise it (the
// folio-cli option and Preferences), so a user who trusts the file knows what to do. A negative
// size means the data was stopped on its way: its full size is not known, only that it is over.
struct LimitErrors
{
    Q_DECLARE_TR_FUNCTIONS(folio::LimitErrors)
public:
    static Status entrySize(const QString &what, qint64 size, const Limits &limits);
    static Status totalSize(qint64 size, const Limits &limits);
    static Status ratio(const QString &what, qint64 unpacked, qint64 packed, const Limits &limits);
    static Status entryCount(qint64 count, const Limits &limits);
};

} // namespace folio
