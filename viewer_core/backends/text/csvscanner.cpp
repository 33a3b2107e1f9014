// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvscanner.h"

namespace folio::text {

QStringList parseCsvRecord(QStringView record, QChar delimiter)
{
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    QStringList fields;
    QString field;
    State state = State::FieldStart;
    for (qsizetype i = 0; i < record.size(); ++i) {
        const QChar c = record[i];
        switch (state) {
        case State::Quoted:
            if (c == u'"') {
                state = State::QuoteInQuoted;
            } else if (c == u'\r' && i + 1 < record.size() && record[i + 1] == u'\n') {
                // CRLF inside a field is one line break
            } else {
                field.append(c);
            }
            continue;
        case State::QuoteInQuoted:
            if (c == u'"') {
                field.append(c);
                state = State::Quoted;
                continue;
            }
            break;
        case State::FieldStart:
            if (c == u'"') {
                state = State::Quoted;
                continue;
            }
            break;
        case State::Unquoted:
            break;
        }
        if (c == delimiter) {
            fields.append(field);
            field.clear();
            state = State::FieldStart;
        } else {
            field.append(c);
            state = State::Unquoted;
        }
    }
    fields.append(field);
    return fields;
}

} // namespace folio::text
