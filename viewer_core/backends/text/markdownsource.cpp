// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownsource.h"

#include <QRegularExpression>

#include <array>

namespace folio::text {

namespace {

bool isBlank(QStringView line)
{
    for (const QChar c : line) {
        if (c != u' ' && c != u'\t' && c != u'\r')
            return false;
    }
    return true;
}

// The line without up to three leading spaces (four make an indented code block).
QStringView unindent(QStringView line)
{
    qsizetype i = 0;
    while (i < 3 && i < line.size() && line[i] == u' ')
        ++i;
    return line.sliced(i);
}

bool isBulletItem(QStringView line)
{
    return line.size() >= 1 && (line[0] == u'-' || line[0] == u'+' || line[0] == u'*')
        && (line.size() == 1 || line[1] == u' ' || line[1] == u'\t' || line[1] == u'\r');
}

bool isOrderedItem(QStringView line)
{
    qsizetype digits = 0;
    while (digits < line.size() && digits < 9 && line[digits].isDigit())
        ++digits;
    if (digits == 0 || digits >= line.size() || (line[digits] != u'.' && line[digits] != u')'))
        return false;
    return digits + 1 == line.size() || line[digits + 1] == u' ' || line[digits + 1] == u'\t'
        || line[digits + 1] == u'\r';
}

// A GitHub table's delimiter row: "|---|:--:|", "--- | ---".
bool isDelimiterRow(QStringView line)
{
    bool dash = false;
    for (const QChar c : line) {
        if (c == u'-')
            dash = true;
        else if (c != u'|' && c != u':' && c != u' ' && c != u'\t' && c != u'\r')
            return false;
    }
    return dash;
}

struct Fence
{
    QChar mark; // '`' or '~'; null when no fence is open
    qsizetype length = 0;
    QString opener; // the opening line, to reopen the fence in the next section
};

Fence fenceOpening(QStringView line)
{
    const QStringView rest = unindent(line);
    if (rest.isEmpty() || (rest[0] != u'`' && rest[0] != u'~'))
        return {};
    qsizetype run = 0;
    while (run < rest.size() && rest[run] == rest[0])
        ++run;
    if (run < 3 || (rest[0] == u'`' && rest.sliced(run).contains(u'`')))
        return {};
    return {rest[0], run, line.toString()};
}

bool closesFence(QStringView line, const Fence &fence)
{
    const QStringView rest = unindent(line);
    qsizetype run = 0;
    while (run < rest.size() && rest[run] == fence.mark)
        ++run;
    return run >= fence.length && isBlank(rest.sliced(run));
}

// HTML blocks that may contain blank lines run to their closing marker (CommonMark kinds 1 and 2).
QString htmlBlockEnd(QStringView line)
{
    const QStringView rest = unindent(line);
    if (rest.startsWith(u"<!--"))
        return QStringLiteral("-->");
    static const std::array<QLatin1String, 4> tags
        = {QLatin1String("pre"), QLatin1String("script"), QLatin1String("style"), QLatin1String("textarea")};
    for (const QLatin1String tag : tags) {
        if (rest.size() > tag.size() + 1 && rest[0] == u'<'
            && rest.sliced(1, tag.size()).compare(tag, Qt::CaseInsensitive) == 0) {
            const QChar after = rest[tag.size() + 1];
            if (after == u'>' || after == u' ' || after == u'\t' || after == u'\r')
                return QStringLiteral("</") + tag + QLatin1Char('>');
        }
    }
    return {};
}

// Appends `text` with its void elements closed, skipping code spans (`<br>` in backticks).
void closeVoidElementsOutsideCode(QStringView text, QString &out)
{
    static const QRegularExpression voidElement(
        QStringLiteral(
            "<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\\b([^<>]*?)\\s*(?<!/)>"),
        QRegularExpression::CaseInsensitiveOption);
    qsizetype plainStart = 0;
    const auto flushPlain = [&](qsizetype end) {
        const QString plain = text.sliced(plainStart, end - plainStart).toString();
        QString fixed = plain;
        fixed.replace(voidElement, QStringLiteral("<\\1\\2/>"));
        out += fixed;
    };
    for (qsizetype i = 0; i < text.size();) {
        if (text[i] != u'`') {
            ++i;
            continue;
        }
        qsizetype run = 0;
        while (i + run < text.size() && text[i + run] == u'`')
            ++run;
        // A code span closes with a run of exactly as many backticks; without one they are text.
        qsizetype close = -1;
        for (qsizetype search = i + run; search < text.size();) {
            const qsizetype at = text.indexOf(u'`', search);
            if (at < 0)
                break;
            qsizetype length = 0;
            while (at + length < text.size() && text[at + length] == u'`')
                ++length;
            if (length == run) {
                close = at;
                break;
            }
            search = at + length;
        }
        if (close < 0) {
            i += run;
            continue;
        }
        flushPlain(i);
        out += text.sliced(i, close + run - i);
        i = close + run;
        plainStart = i;
    }
    flushPlain(text.size());
}

} // namespace

QString referenceDefinitions(QStringView source)
{
    static const QRegularExpression definition(QStringLiteral("^ {0,3}\\[[^\\]]+\\]:[ \t]*\\S"));
    QString definitions;
    Fence fence;
    for (qsizetype pos = 0; pos < source.size();) {
        const qsizetype newline = source.indexOf(u'\n', pos);
        const qsizetype end = newline < 0 ? source.size() : newline;
        const QStringView line = source.sliced(pos, end - pos);
        pos = end + 1;
        if (!fence.mark.isNull()) {
            if (closesFence(line, fence))
                fence = Fence();
        } else if (Fence opening = fenceOpening(line); !opening.mark.isNull()) {
            fence = opening;
        } else if (line.contains(u"]:") && definition.match(line).hasMatch()) {
            definitions += line;
            definitions += u'\n';
        }
    }
    return definitions;
}

QString closeVoidElements(const QString &markdown)
{
    if (!markdown.contains(u'<'))
        return markdown;
    QString out;
    out.reserve(markdown.size() + 64);
    const QStringView source(markdown);
    Fence fence;
    qsizetype textStart = 0; // start of the lines outside code fences not yet copied
    for (qsizetype pos = 0; pos < source.size();) {
        const qsizetype newline = source.indexOf(u'\n', pos);
        const qsizetype next = newline < 0 ? source.size() : newline + 1;
        const QStringView line = source.sliced(pos, (newline < 0 ? source.size() : newline) - pos);
        if (!fence.mark.isNull()) {
            if (closesFence(line, fence)) {
                fence = Fence();
                out += source.sliced(textStart, next - textStart);
                textStart = next;
            }
        } else if (Fence opening = fenceOpening(line); !opening.mark.isNull()) {
            closeVoidElementsOutsideCode(source.sliced(textStart, pos - textStart), out);
            fence = opening;
            textStart = pos;
        }
        pos = next;
    }
    if (fence.mark.isNull())
        closeVoidElementsOutsideCode(source.sliced(textStart), out);
    else
        out += source.sliced(textStart);
    return out;
}

namespace {

// Walks the source line by line, tracking just enough Markdown context (code fences, HTML blocks,
// tables, list items, blank lines) to know where a cut is harmless.
class Splitter
{
public:
    Splitter(QStringView source, const MarkdownSplitLimits &limits)
        : m_source(source)
        , m_limits(limits)
    { }

    QList<MarkdownSection> run()
    {
        for (qsizetype pos = 0; pos < m_source.size();) {
            const qsizetype newline = m_source.indexOf(u'\n', pos);
            const qsizetype end = newline < 0 ? m_source.size() : newline;
            const qsizetype next = newline < 0 ? m_source.size() : newline + 1;
            const QStringView line = m_source.sliced(pos, end - pos);
            if (m_lines > 0 && shouldCut(line, pos))
                cut(pos, isBlank(line));
            if (line.size() > m_limits.maxLineLength)
                cutLongLine(pos, end);
            track(line, pos, next);
            pos = next;
        }
        m_current.end = m_source.size();
        m_current.endsInCode = inCode();
        m_sections.append(m_current);
        return m_sections;
    }

private:
    bool inCode() const { return !m_fence.mark.isNull() || !m_htmlEnd.isEmpty(); }

    bool shouldCut(QStringView line, qsizetype pos) const
    {
        if (m_lines >= m_limits.hardLines || pos - m_current.begin >= m_limits.hardSize)
            return true;
        if (inCode() || isBlank(line) || line[0] == u' ' || line[0] == u'\t')
            return false;
        if (m_previousBlank && m_lines >= m_limits.softLines)
            return true; // a new paragraph, list, heading... at the top level
        if (m_inTable && m_tableRows >= m_limits.tableRows)
            return true;
        // An ordered item only interrupts a paragraph when it is another item of a list.
        const bool structural = isBulletItem(line) || (isOrderedItem(line) && (m_previousBlank || m_previousListItem))
            || line[0] == u'>' || line[0] == u'#' || m_inTable;
        return structural && m_lines >= m_limits.structuralLines;
    }

    // Ends the current section before `pos`; the next one reopens what was open there.
    void cut(qsizetype pos, bool blankLine)
    {
        m_current.end = pos;
        m_current.endsInCode = inCode();
        m_sections.append(m_current);
        m_current = MarkdownSection();
        m_current.begin = pos;
        if (!m_fence.mark.isNull())
            m_current.prefix = m_fence.opener + QLatin1Char('\n');
        else if (m_inTable && !blankLine)
            m_current.prefix = m_tableHeader;
        m_lines = 0;
        m_tableRows = 0;
    }

    // A line too long to lay out in one go (a whole book on one line) is cut between words; its
    // pieces become paragraphs of their own, or stay code inside a fence.
    void cutLongLine(qsizetype begin, qsizetype end)
    {
        const qsizetype step = m_limits.maxLineLength;
        for (qsizetype start = begin; end - start > step;) {
            qsizetype at = start + step;
            while (at > start + step / 2 && m_source[at - 1] != u' ' && m_source[at - 1] != u'\t')
                --at;
            if (at == start + step / 2)
                at = start + step;
            if (m_source[at].isLowSurrogate())
                --at;
            const bool table = m_inTable;
            m_inTable = false; // the rest of a row is no row
            cut(at, false);
            m_inTable = table;
            start = at;
        }
    }

    void track(QStringView line, qsizetype pos, qsizetype next)
    {
        const bool blank = isBlank(line);
        if (!m_fence.mark.isNull()) {
            if (closesFence(line, m_fence))
                m_fence = Fence();
        } else if (!m_htmlEnd.isEmpty()) {
            if (line.contains(m_htmlEnd, Qt::CaseInsensitive))
                m_htmlEnd.clear();
        } else if (Fence opening = fenceOpening(line); !opening.mark.isNull()) {
            m_fence = opening;
            m_inTable = false;
        } else if (const QString end = htmlBlockEnd(line); !end.isEmpty()) {
            if (!line.contains(end, Qt::CaseInsensitive))
                m_htmlEnd = end;
            m_inTable = false;
        } else if (blank) {
            m_inTable = false;
        } else if (m_inTable) {
            ++m_tableRows;
        } else if (!m_previousBlank && m_previousLine.contains(u'|') && isDelimiterRow(line)) {
            m_inTable = true;
            m_tableRows = 0;
            m_tableHeader = m_source.sliced(m_previousStart, next - m_previousStart).toString();
            if (!m_tableHeader.endsWith(u'\n'))
                m_tableHeader.append(u'\n');
        }
        m_previousBlank = blank;
        m_previousListItem = isBulletItem(line) || isOrderedItem(line);
        m_previousLine = line;
        m_previousStart = pos;
        ++m_lines;
    }

    const QStringView m_source;
    const MarkdownSplitLimits m_limits;
    QList<MarkdownSection> m_sections;
    MarkdownSection m_current;
    int m_lines = 0; // in the current section

    Fence m_fence;
    QString m_htmlEnd; // the marker ending the HTML block we are in
    bool m_inTable = false;
    int m_tableRows = 0; // in the current section
    QString m_tableHeader;
    bool m_previousBlank = true;
    bool m_previousListItem = false;
    QStringView m_previousLine;
    qsizetype m_previousStart = 0;
};

} // namespace

QList<MarkdownSection> splitMarkdown(QStringView source, const MarkdownSplitLimits &limits)
{
    return Splitter(source, limits).run();
}

} // namespace folio::text
