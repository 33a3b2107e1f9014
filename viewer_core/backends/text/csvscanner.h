// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "textencoding.h"

#include <QStringList>

namespace folio::text {

// A record's bytes: [begin, contentEnd) without its line end; `next` is where the following
// record starts.
struct CsvRecord
{
    qint64 begin = 0;
    qint64 contentEnd = 0;
    qint64 next = 0;
};

// Finds RFC 4180 record boundaries in raw bytes: a line end ends a record unless it is inside a
// quoted field. Only ASCII matters (quote, delimiter, CR, LF), so no decoding is needed, which lets
// a huge file be paginated by streaming, like plain text.
//
// Empty lines are skipped. A quote that never closes would swallow the rest of the file into one
// record; past MaxRecordBytes, the next line end ends the record anyway. The rule depends only on
// the distance from the record's start, so scanning a page alone finds the same records.
class CsvScanner
{
public:
    static constexpr qint64 MaxRecordBytes = 1024LL * 1024;

    CsvScanner(TextEncoding::Kind kind, char delimiter, qint64 start)
        : m_kind(kind)
        , m_delimiter(char32_t(delimiter))
        , m_recordStart(start)
    { }

    // Consumes a whole number of code units read at `offset`; calls onRecord(const CsvRecord &).
    template<typename OnRecord>
    void feed(const char *data, qint64 size, qint64 offset, OnRecord &&onRecord);
    template<typename OnRecord>
    void finish(qint64 end, OnRecord &&onRecord);

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };

    template<typename OnRecord>
    void unit(qint64 pos, char32_t value, int size, OnRecord &onRecord);
    template<typename OnRecord>
    void endRecord(qint64 contentEnd, qint64 next, OnRecord &onRecord);

    TextEncoding::Kind m_kind;
    char32_t m_delimiter;
    qint64 m_recordStart;
    qint64 m_crPos = -1;
    State m_state = State::FieldStart;
};

// Splits one record's text into fields: quoted fields may hold delimiters, doubled quotes and line
// breaks (CRLF inside a field becomes LF). Lenient, never fails: text after a closing quote is
// kept, an unclosed quote runs to the end.
QStringList parseCsvRecord(QStringView record, QChar delimiter);

template<typename OnRecord>
void CsvScanner::feed(const char *data, qint64 size, qint64 offset, OnRecord &&onRecord)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    switch (m_kind) {
    case TextEncoding::Kind::Utf8:
    case TextEncoding::Kind::Legacy:
        for (qint64 i = 0; i < size; ++i) {
            // Fast path: inside a field, only a few bytes can change the state.
            if (m_state == State::Unquoted) {
                while (i < size && p[i] != m_delimiter && p[i] != '\n' && p[i] != '\r')
                    ++i;
            } else if (m_state == State::Quoted) {
                while (i < size && p[i] != '"' && p[i] != '\n')
                    ++i;
            }
            if (i < size)
                unit(offset + i, p[i], 1, onRecord);
        }
        return;
    case TextEncoding::Kind::Utf16LE:
        for (qint64 i = 0; i + 2 <= size; i += 2)
            unit(offset + i, char32_t(p[i + 1] << 8 | p[i]), 2, onRecord);
        return;
    case TextEncoding::Kind::Utf16BE:
        for (qint64 i = 0; i + 2 <= size; i += 2)
            unit(offset + i, char32_t(p[i] << 8 | p[i + 1]), 2, onRecord);
        return;
    case TextEncoding::Kind::Utf32LE:
        for (qint64 i = 0; i + 4 <= size; i += 4)
            unit(offset + i, char32_t(p[i + 3]) << 24 | char32_t(p[i + 2]) << 16 | char32_t(p[i + 1]) << 8 | p[i], 4,
                onRecord);
        return;
    case TextEncoding::Kind::Utf32BE:
        for (qint64 i = 0; i + 4 <= size; i += 4)
            unit(offset + i, char32_t(p[i]) << 24 | char32_t(p[i + 1]) << 16 | char32_t(p[i + 2]) << 8 | p[i + 3], 4,
                onRecord);
        return;
    }
}

template<typename OnRecord>
void CsvScanner::finish(qint64 end, OnRecord &&onRecord)
{
    if (m_recordStart < end) {
        const int unitSize = m_kind == TextEncoding::Kind::Utf16LE || m_kind == TextEncoding::Kind::Utf16BE ? 2
            : m_kind == TextEncoding::Kind::Utf32LE || m_kind == TextEncoding::Kind::Utf32BE                ? 4
                                                                                                            : 1;
        endRecord(m_crPos >= 0 && m_crPos + unitSize == end ? m_crPos : end, end, onRecord);
    }
}

template<typename OnRecord>
void CsvScanner::endRecord(qint64 contentEnd, qint64 next, OnRecord &onRecord)
{
    if (contentEnd > m_recordStart)
        onRecord(CsvRecord {m_recordStart, contentEnd, next});
    m_recordStart = next;
    m_state = State::FieldStart;
    m_crPos = -1;
}

template<typename OnRecord>
void CsvScanner::unit(qint64 pos, char32_t value, int size, OnRecord &onRecord)
{
    switch (m_state) {
    case State::Quoted:
        if (value == U'"')
            m_state = State::QuoteInQuoted;
        else if (value == U'\n' && pos - m_recordStart > MaxRecordBytes)
            endRecord(pos, pos + size, onRecord);
        return;
    case State::QuoteInQuoted:
        if (value == U'"') {
            m_state = State::Quoted; // a doubled quote stands for one
            return;
        }
        break;
    case State::FieldStart:
    case State::Unquoted:
        break;
    }
    if (value == U'\n') {
        endRecord(m_crPos >= 0 && m_crPos + size == pos ? m_crPos : pos, pos + size, onRecord);
    } else if (value == m_delimiter) {
        m_state = State::FieldStart;
    } else if (value == U'"' && m_state == State::FieldStart) {
        m_state = State::Quoted;
    } else if (value == U'\r') {
        m_crPos = pos;
    } else {
        m_state = State::Unquoted;
    }
}

} // namespace folio::text
