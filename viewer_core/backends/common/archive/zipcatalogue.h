// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/archive/archivereader.h"

#include <optional>

namespace folio::archive {

// What the central directory says about one file of a ZIP beyond what Entry holds.
struct ZipEntryInfo
{
    int method = 0; // 0 stored, 8 deflate, 12 bzip2, ...
    bool encrypted = false;
    quint32 crc32 = 0;
};

struct ZipCatalogue
{
    QList<Entry> entries; // in KArchive's form (see readZipCatalogue()), not sorted
    QList<ZipEntryInfo> info; // parallel to entries; folders get a default
};

// Lists a ZIP from its central directory alone: one read of a few bytes per entry, where KZip
// walks every local header and builds its tree (a catalogue of 100,000 entries: ~40 ms instead of
// ~400). Paths come out as KArchive normalises them (the folder part cleaned, a leading '/' gone,
// implicit folders added), so each file can be found in KZip's tree once data is read.
//
// Returns nullopt when KZip's own judgement is needed: no plain central directory (split or
// self-extracting archives, damage), or anything KArchive resolves in its own way or gets wrong
// (symbolic links, duplicate paths, a file that is also a folder, an empty name, '\\' separators,
// names in a legacy code page, a Unicode Path extra field): ArchiveReader then reads the ZIP
// through libarchive. Returns an error only for
// the entry count limit and cancellation.
// Whether the device ends with a ZIP end-of-central-directory record (22 bytes and a comment of at
// most 64 KiB). A ZIP cut short has lost it. Lenient: "K\5\6" is enough, for a signature whose
// first byte is damaged.
enum class ZipEndSignature { Strict, Lenient };
bool hasZipEndRecord(QIODevice &device, ZipEndSignature signature = ZipEndSignature::Strict);

Result<std::optional<ZipCatalogue>> readZipCatalogue(
    QIODevice &device, const Limits &limits, const CancellationToken &token);

// The lower-case paths of a ZIP's files, from its central directory alone, for format recognition
// (OOXML, XPS: which parts a package has); empty when it has none that can be read cheaply. A ZIP
// of more than 10,000 entries is no document package: it is refused from its end-of-directory
// record, so listing a large archive does not read its catalogue twice. Recognition memoises the
// list under the key "zip-paths", so the directory is read once per detection.
QStringList zipPackagePaths(QIODevice &device);

} // namespace folio::archive
