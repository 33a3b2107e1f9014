// SPDX-License-Identifier: GPL-3.0-or-later
#include "textencoding.h"

namespace folio::text {

namespace {

constexpr const char *LegacyCodec = "windows-1252";

bool startsWith(QByteArrayView data, std::initializer_list<unsigned char> prefix)
{
    if (data.size() < qsizetype(prefix.size()))
        return false;
    qsizetype i = 0;
    for (unsigned char byte : prefix) {
        if (static_cast<unsigned char>(data[i++]) != byte)
            return false;
    }
    return true;
}

// UTF-16 without a BOM (Windows tools write it): ASCII-heavy text has a NUL in every other byte.
// Plain UTF-8 files almost never contain NULs, so a lopsided NUL pattern is a safe signal.
std::optional<TextEncoding::Kind> guessUtf16(QByteArrayView head)
{
    const qsizetype pairs = std::min<qsizetype>(head.size() / 2, 4096);
    if (pairs < 2)
        return std::nullopt;
    qsizetype evenZeros = 0;
    qsizetype oddZeros = 0;
    for (qsizetype i = 0; i < pairs; ++i) {
        evenZeros += head[2 * i] == '\0';
        oddZeros += head[2 * i + 1] == '\0';
    }
    if (oddZeros * 10 >= pairs * 4 && evenZeros * 50 <= pairs)
        return TextEncoding::Kind::Utf16LE;
    if (evenZeros * 10 >= pairs * 4 && oddZeros * 50 <= pairs)
        return TextEncoding::Kind::Utf16BE;
    return std::nullopt;
}

} // namespace

bool isValidUtf8(QByteArrayView data, bool allowTruncatedEnd)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    const qsizetype size = data.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = p[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char min = 0x80; // bounds of the first continuation byte (rules out overlongs,
        unsigned char max = 0xBF; // surrogates and code points past U+10FFFF)
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                min = 0xA0;
            else if (lead == 0xED)
                max = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                min = 0x90;
            else if (lead == 0xF4)
                max = 0x8F;
        } else {
            return false;
        }
        for (int k = 1; k < length; ++k) {
            if (i + k >= size)
                return allowTruncatedEnd;
            const unsigned char byte = p[i + k];
            if (k == 1 ? (byte < min || byte > max) : (byte & 0xC0) != 0x80)
                return false;
        }
        i += length;
    }
    return true;
}

TextEncoding TextEncoding::detect(const QByteArray &head, bool complete)
{
    TextEncoding encoding;
    const QByteArrayView view(head);
    // UTF-32LE's BOM starts with UTF-16LE's, so the longer one is tried first.
    if (startsWith(view, {0xFF, 0xFE, 0x00, 0x00})) {
        encoding.m_kind = Kind::Utf32LE;
        encoding.m_bomSize = 4;
    } else if (startsWith(view, {0x00, 0x00, 0xFE, 0xFF})) {
        encoding.m_kind = Kind::Utf32BE;
        encoding.m_bomSize = 4;
    } else if (startsWith(view, {0xEF, 0xBB, 0xBF})) {
        encoding.m_kind = Kind::Utf8;
        encoding.m_bomSize = 3;
    } else if (startsWith(view, {0xFF, 0xFE})) {
        encoding.m_kind = Kind::Utf16LE;
        encoding.m_bomSize = 2;
    } else if (startsWith(view, {0xFE, 0xFF})) {
        encoding.m_kind = Kind::Utf16BE;
        encoding.m_bomSize = 2;
    } else if (const auto utf16 = guessUtf16(view)) {
        encoding.m_kind = *utf16;
    } else if (isValidUtf8(view.first(std::min(view.size(), SampleSize)), !complete)) {
        encoding.m_kind = Kind::Utf8;
    } else {
        encoding.m_kind = Kind::Legacy;
    }
    return encoding;
}

int TextEncoding::unitSize() const
{
    switch (m_kind) {
    case Kind::Utf16LE:
    case Kind::Utf16BE:
        return 2;
    case Kind::Utf32LE:
    case Kind::Utf32BE:
        return 4;
    case Kind::Utf8:
    case Kind::Legacy:
        break;
    }
    return 1;
}

QString TextEncoding::name() const
{
    switch (m_kind) {
    case Kind::Utf8:
        return QStringLiteral("UTF-8");
    case Kind::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Kind::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Kind::Utf32LE:
        return QStringLiteral("UTF-32LE");
    case Kind::Utf32BE:
        return QStringLiteral("UTF-32BE");
    case Kind::Legacy:
        break;
    }
    // Qt without ICU has no windows-1252; Latin-1 is then the closest it can do.
    return QStringDecoder(LegacyCodec).isValid() ? QString::fromLatin1(LegacyCodec) : QStringLiteral("ISO-8859-1");
}

QStringDecoder TextEncoding::decoder() const
{
    // Stateless: a range is always decoded in one call, and a sequence cut by its end must show up
    // as a replacement character instead of waiting in the decoder for more input.
    constexpr auto flags = QStringConverter::Flag::ConvertInitialBom | QStringConverter::Flag::Stateless;
    switch (m_kind) {
    case Kind::Utf8:
        return QStringDecoder(QStringConverter::Utf8, flags);
    case Kind::Utf16LE:
        return QStringDecoder(QStringConverter::Utf16LE, flags);
    case Kind::Utf16BE:
        return QStringDecoder(QStringConverter::Utf16BE, flags);
    case Kind::Utf32LE:
        return QStringDecoder(QStringConverter::Utf32LE, flags);
    case Kind::Utf32BE:
        return QStringDecoder(QStringConverter::Utf32BE, flags);
    case Kind::Legacy:
        break;
    }
    QStringDecoder legacy(LegacyCodec, flags);
    if (legacy.isValid())
        return legacy;
    return QStringDecoder(QStringConverter::Latin1, flags);
}

QString TextEncoding::decode(QByteArrayView bytes) const
{
    QStringDecoder toUtf16 = decoder();
    return toUtf16(bytes);
}

} // namespace folio::text
