// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "textencoding.h"

#include <QtGlobal>

namespace folio::text {

// Cells a code point takes in a monospace grid: 2 for East Asian wide and fullwidth characters and
// emoji, 1 for everything else. Combining marks count 1 too: zero-width characters would let one
// line (and so one page) hold an unbounded number of bytes.
int cellWidth(char32_t codePoint);

// Columns a tab advances from `column` on a line of `columns`: to the next multiple of 8, but never
// past the end of the line (a tab at the end of a line does not wrap onto the next).
inline int tabWidth(int column, int columns)
{
    const int toStop = 8 - column % 8;
    return column < columns ? std::min(toStop, columns - column) : 8;
}

// One line as drawn: the file bytes [begin, contentEnd) are its characters; `next` is where the
// following line starts (after "\n" or "\r\n", or equal to contentEnd when the line wrapped).
struct VisualLine
{
    qint64 begin = 0;
    qint64 contentEnd = 0;
    qint64 next = 0;
};

// Breaks encoded text into visual lines of at most `columns` cells, working on raw bytes so a huge
// file is paginated without decoding it. Pagination and rendering run the same breaker: a page
// starts where a line starts, with the breaker in its initial state, so rendering a page's byte
// range alone reproduces exactly the lines pagination counted.
//
// That is why widths never depend on bytes before a line start: a break only happens in front of
// a character that takes cells, and such a character (a lead byte, an ASCII byte, a stray
// continuation byte, a high surrogate) reads the same without what precedes it.
class LineBreaker
{
public:
    LineBreaker(TextEncoding::Kind kind, int columns, qint64 start)
        : m_kind(kind)
        , m_columns(std::max(columns, 8))
        , m_lineStart(start)
    { }

    int columns() const { return m_columns; }

    // Consumes `size` bytes read at file offset `offset`, a whole number of code units (a partial
    // unit at the very end of a file is left out by the caller). Calls onLine(const VisualLine &)
    // for every finished line.
    template<typename OnLine>
    void feed(const char *data, qint64 size, qint64 offset, OnLine &&onLine);
    // The input ends at `end`: emits what is pending, including an unterminated last line.
    template<typename OnLine>
    void finish(qint64 end, OnLine &&onLine);

private:
    template<typename OnLine>
    void codePoint(qint64 pos, char32_t cp, qint64 next, OnLine &onLine);
    template<typename OnLine>
    void place(qint64 pos, int width, OnLine &onLine);
    template<typename OnLine>
    void feedBytes(const unsigned char *p, qint64 size, qint64 offset, OnLine &onLine);
    template<typename OnLine>
    void feedUnits(const unsigned char *p, qint64 size, qint64 offset, OnLine &onLine);

    TextEncoding::Kind m_kind;
    int m_columns;
    qint64 m_lineStart;
    int m_column = 0;
    qint64 m_crPos = -1; // a '\r' waiting to see whether '\n' follows
    // A multi-byte UTF-8 sequence or a UTF-16 high surrogate waiting for the rest of its character.
    qint64 m_pendingPos = -1;
    char32_t m_pendingCp = 0;
    int m_pendingRemaining = 0;
};

template<typename OnLine>
void LineBreaker::feed(const char *data, qint64 size, qint64 offset, OnLine &&onLine)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    if (m_kind == TextEncoding::Kind::Utf8 || m_kind == TextEncoding::Kind::Legacy)
        feedBytes(p, size, offset, onLine);
    else
        feedUnits(p, size, offset, onLine);
}

template<typename OnLine>
void LineBreaker::finish(qint64 end, OnLine &&onLine)
{
    if (m_pendingPos >= 0) {
        const qint64 pos = m_pendingPos;
        m_pendingPos = -1;
        m_pendingRemaining = 0;
        codePoint(pos, QChar::ReplacementCharacter, end, onLine);
    }
    if (m_crPos >= 0) {
        const qint64 pos = m_crPos;
        m_crPos = -1;
        place(pos, 1, onLine);
    }
    if (m_lineStart < end) {
        onLine(VisualLine {m_lineStart, end, end});
        m_lineStart = end;
        m_column = 0;
    }
}

template<typename OnLine>
void LineBreaker::place(qint64 pos, int width, OnLine &onLine)
{
    if (m_column + width > m_columns && m_column > 0) {
        onLine(VisualLine {m_lineStart, pos, pos});
        m_lineStart = pos;
        m_column = 0;
    }
    m_column += width;
}

template<typename OnLine>
void LineBreaker::codePoint(qint64 pos, char32_t cp, qint64 next, OnLine &onLine)
{
    if (m_crPos >= 0) {
        const qint64 crPos = m_crPos;
        m_crPos = -1;
        if (cp == U'\n') {
            onLine(VisualLine {m_lineStart, crPos, next});
            m_lineStart = next;
            m_column = 0;
            return;
        }
        place(crPos, 1, onLine); // a lone CR is drawn as a symbol
    }
    switch (cp) {
    case U'\n':
        onLine(VisualLine {m_lineStart, pos, next});
        m_lineStart = next;
        m_column = 0;
        return;
    case U'\r':
        m_crPos = pos;
        return;
    case U'\t':
        if (m_column >= m_columns)
            place(pos, 8, onLine); // wraps
        else
            m_column += tabWidth(m_column, m_columns);
        return;
    default:
        place(pos, cellWidth(cp), onLine);
    }
}

template<typename OnLine>
void LineBreaker::feedBytes(const unsigned char *p, qint64 size, qint64 offset, OnLine &onLine)
{
    const bool utf8 = m_kind == TextEncoding::Kind::Utf8;
    qint64 i = 0;
    while (i < size) {
        // Fast path: printable ASCII with nothing pending, the bulk of logs and source code.
        if (m_pendingRemaining == 0 && m_crPos < 0) {
            while (i < size && p[i] >= 0x20 && p[i] < 0x7F && m_column < m_columns) {
                ++m_column;
                ++i;
            }
            if (i == size)
                break;
        }
        const unsigned char b = p[i];
        const qint64 pos = offset + i;
        ++i;
        if (!utf8) {
            codePoint(pos, b, pos + 1, onLine);
            continue;
        }
        if (m_pendingRemaining > 0) {
            if ((b & 0xC0) == 0x80) {
                m_pendingCp = (m_pendingCp << 6) | (b & 0x3F);
                if (--m_pendingRemaining == 0) {
                    const qint64 start = m_pendingPos;
                    m_pendingPos = -1;
                    codePoint(start, m_pendingCp, pos + 1, onLine);
                }
                continue;
            }
            // Cut short: the decoder shows a replacement character, which takes a cell.
            const qint64 start = m_pendingPos;
            m_pendingPos = -1;
            m_pendingRemaining = 0;
            codePoint(start, QChar::ReplacementCharacter, pos, onLine);
        }
        if (b < 0x80) {
            codePoint(pos, b, pos + 1, onLine);
        } else if ((b & 0xE0) == 0xC0) {
            m_pendingPos = pos;
            m_pendingCp = b & 0x1F;
            m_pendingRemaining = 1;
        } else if ((b & 0xF0) == 0xE0) {
            m_pendingPos = pos;
            m_pendingCp = b & 0x0F;
            m_pendingRemaining = 2;
        } else if ((b & 0xF8) == 0xF0) {
            m_pendingPos = pos;
            m_pendingCp = b & 0x07;
            m_pendingRemaining = 3;
        } else {
            // A stray continuation byte or an impossible lead byte: one replacement character.
            codePoint(pos, QChar::ReplacementCharacter, pos + 1, onLine);
        }
    }
}

template<typename OnLine>
void LineBreaker::feedUnits(const unsigned char *p, qint64 size, qint64 offset, OnLine &onLine)
{
    const bool bigEndian = m_kind == TextEncoding::Kind::Utf16BE || m_kind == TextEncoding::Kind::Utf32BE;
    const int unit = (m_kind == TextEncoding::Kind::Utf16LE || m_kind == TextEncoding::Kind::Utf16BE) ? 2 : 4;
    for (qint64 i = 0; i + unit <= size; i += unit) {
        const unsigned char *u = p + i;
        char32_t value = 0;
        if (unit == 2)
            value = bigEndian ? char32_t(u[0] << 8 | u[1]) : char32_t(u[1] << 8 | u[0]);
        else
            value = bigEndian ? (char32_t(u[0]) << 24 | char32_t(u[1]) << 16 | char32_t(u[2]) << 8 | u[3])
                              : (char32_t(u[3]) << 24 | char32_t(u[2]) << 16 | char32_t(u[1]) << 8 | u[0]);
        const qint64 pos = offset + i;
        if (unit == 4) {
            codePoint(pos, value > 0x10FFFF ? char32_t(QChar::ReplacementCharacter) : value, pos + 4, onLine);
            continue;
        }
        if (m_pendingPos >= 0) {
            const qint64 start = m_pendingPos;
            m_pendingPos = -1;
            if (QChar::isLowSurrogate(value)) {
                codePoint(start, QChar::surrogateToUcs4(char16_t(m_pendingCp), char16_t(value)), pos + 2, onLine);
                continue;
            }
            codePoint(start, QChar::ReplacementCharacter, pos, onLine);
        }
        if (QChar::isHighSurrogate(value)) {
            m_pendingPos = pos;
            m_pendingCp = value;
        } else {
            codePoint(
                pos, QChar::isLowSurrogate(value) ? char32_t(QChar::ReplacementCharacter) : value, pos + 2, onLine);
        }
    }
}

} // namespace folio::text
