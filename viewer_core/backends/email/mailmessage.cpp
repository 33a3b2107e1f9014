// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailmessage.h"

namespace folio::email {

Status DecodeBudget::addPart()
{
    if (++parts > limits.maxEntries)
        return LimitErrors::entryCount(parts, limits);
    return {};
}

Status DecodeBudget::addBytes(const QString &what, qint64 partSize, qint64 added)
{
    bytes += added;
    if (partSize > limits.maxEntrySize)
        return LimitErrors::entrySize(what, -1, limits);
    if (bytes > limits.maxTotalExtracted)
        return LimitErrors::totalSize(-1, limits);
    return {};
}

QString unflow(const QString &text, bool delSp)
{
    QString out;
    out.reserve(text.size());
    const QStringList lines = text.split(u'\n');
    int openDepth = -1; // quote depth of the paragraph being joined, -1 when none is open
    for (QString line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        int depth = 0;
        while (depth < line.size() && line.at(depth) == u'>')
            ++depth;
        QStringView content = QStringView(line).sliced(depth);
        if (content.startsWith(u' '))
            content = content.sliced(1); // space-stuffing (or the space after the quote marks)
        // A line of the open paragraph at another depth ends it.
        if (openDepth >= 0 && openDepth != depth) {
            out += u'\n';
            openDepth = -1;
        }
        if (openDepth < 0 && depth > 0)
            out += QString(depth, u'>') + u' ';
        const bool soft = content.endsWith(u' ') && content != u"-- ";
        if (soft) {
            out += delSp ? content.chopped(1) : content;
            openDepth = depth;
        } else {
            out += content;
            out += u'\n';
            openDepth = -1;
        }
    }
    if (openDepth >= 0)
        out += u'\n';
    if (out.endsWith(u'\n') && !text.endsWith(u'\n'))
        out.chop(1);
    return out;
}

} // namespace folio::email
