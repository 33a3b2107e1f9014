// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

namespace folio::text {

// The character encoding of a text file, decided once from its first bytes.
//
// Byte-level scanners (pagination, CSV records) work on code units: bytes for UTF-8 and legacy
// encodings, 16- or 32-bit units for UTF-16/32. A range of whole units that starts on a character
// boundary can be decoded on its own, which is what lets pages be decoded independently.
class TextEncoding
{
public:
    enum class Kind { Utf8, Utf16LE, Utf16BE, Utf32LE, Utf32BE, Legacy };

    // Bytes inspected by detect(); enough to tell UTF-8 from legacy text in practice.
    static constexpr qsizetype SampleSize = 64LL * 1024;

    // `head` is the start of the file (up to SampleSize bytes); `complete` says it is the whole
    // file, so a multi-byte sequence cut at its end is an error rather than a sampling artefact.
    static TextEncoding detect(const QByteArray &head, bool complete);

    Kind kind() const { return m_kind; }
    // Bytes of the byte order mark at the start of the file (0 when there is none).
    int bomSize() const { return m_bomSize; }
    int unitSize() const;
    bool isBigEndian() const { return m_kind == Kind::Utf16BE || m_kind == Kind::Utf32BE; }
    // "UTF-8", "UTF-16LE", "windows-1252", ...
    QString name() const;

    // A fresh decoder. Invalid sequences become U+FFFD; a U+FEFF at the start of a range is kept,
    // because the file's own BOM is skipped by offset, never by the decoder.
    QStringDecoder decoder() const;
    QString decode(QByteArrayView bytes) const;

private:
    Kind m_kind = Kind::Utf8;
    int m_bomSize = 0;
};

// True when `data` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). A
// sequence cut short by the end of `data` is accepted when `allowTruncatedEnd` is set.
bool isValidUtf8(QByteArrayView data, bool allowTruncatedEnd);

} // namespace folio::text
