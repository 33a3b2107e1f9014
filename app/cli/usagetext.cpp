// SPDX-License-Identifier: GPL-3.0-or-later
#include "usagetext.h"

#include "clioptions.h"

#include <QStringList>

namespace cli {

namespace {

constexpr int LineWidth = 100;
constexpr int SummaryColumn = 37; // where a command's summary starts
constexpr int HelpColumn = 27; // where an option's help starts
constexpr const char *Indent = "  ";
constexpr const char *ContinuationIndent = "      "; // further lines of a command's synopsis

// `text` broken into lines of at most LineWidth columns, every line but the first indented to
// `column` (the first is appended to what precedes it on the line).
QString wrapped(const QString &text, int column)
{
    QString out;
    int used = column;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (used > column && used + 1 + word.size() > LineWidth) {
            out += QLatin1Char('\n') + QString(column, QLatin1Char(' '));
            used = column;
        }
        if (used > column) {
            out += QLatin1Char(' ');
            ++used;
        }
        out += word;
        used += int(word.size());
    }
    return out;
}

// `left` padded to `column`, then `right`; `right` goes on a line of its own when `left` is
// too wide for that.
QString twoColumns(const QString &left, const QString &right, int column)
{
    if (right.isEmpty())
        return left + QLatin1Char('\n');
    QString line = left;
    if (line.size() + 1 > column)
        line += QLatin1Char('\n') + QString(column, QLatin1Char(' '));
    else
        line += QString(column - line.size(), QLatin1Char(' '));
    return line + wrapped(right, column) + QLatin1Char('\n');
}

QString commandLines()
{
    QString out = QStringLiteral("Commands:\n");
    for (const CommandSpec &command : commands()) {
        const QStringList lines = QString::fromUtf8(command.synopsis).split(QLatin1Char('\n'));
        const QString first = QLatin1String(Indent) + QLatin1String(command.name) + QLatin1Char(' ') + lines.first();
        out += twoColumns(first, QString::fromUtf8(command.summary), SummaryColumn);
        for (qsizetype i = 1; i < lines.size(); ++i)
            out += QLatin1String(ContinuationIndent) + lines[i] + QLatin1Char('\n');
    }
    return out;
}

QString optionLabel(const OptionSpec &option)
{
    QString label = QLatin1String(Indent);
    if (option.shortName != 0)
        label += QStringLiteral("-%1, ").arg(QLatin1Char(option.shortName));
    label += option.longName();
    if (option.takesValue())
        label += QLatin1Char(' ') + QLatin1String(option.valueName);
    return label;
}

QString sectionLines(const SectionSpec &section)
{
    QString out = QLatin1String(section.title) + QStringLiteral(":\n");
    for (const OptionSpec &option : options()) {
        if (option.section == section.section)
            out += twoColumns(optionLabel(option), description(option), HelpColumn);
    }
    if (section.note)
        out += QLatin1String(Indent) + wrapped(QString::fromUtf8(section.note), 2) + QLatin1Char('\n');
    return out;
}

} // namespace

QString usageText()
{
    QString out = QStringLiteral("Usage: folio-cli COMMAND FILE [OPTIONS]\n\n") + commandLines();
    for (const SectionSpec &section : sections())
        out += QLatin1Char('\n') + sectionLines(section);
    out += QStringLiteral("\nExit codes: 0 ok, 1 error, 2 usage, 3 timed out, 4 unsupported format, 130 interrupted.\n"
                          "After 3 or 130 the output folder holds no new file from the run.\n");
    return out;
}

} // namespace cli
