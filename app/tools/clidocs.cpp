// SPDX-License-Identifier: GPL-3.0-or-later
// folio-clidocs: writes folio-cli's man page and bash completion at build time, filling the
// @CLI_...@ placeholders of their templates from the option table (app/cli/clioptions.h), the same
// table folio-cli parses its arguments and prints --help with.
//   folio-clidocs man|completion TEMPLATE OUTPUT
#include "clioptions.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <cstdio>
#include <functional>
#include <map>

using namespace cli;

namespace {

// --- roff -----------------------------------------------------------------------------------------

// Plain text as roff: backslashes and hyphens escaped (a man page's "-" is a hyphen, not the
// minus sign options are typed with), everything outside ASCII as a named Unicode character.
QString roffEscaped(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == QLatin1Char('\\'))
            out += QLatin1String("\\e");
        else if (c == QLatin1Char('-'))
            out += QLatin1String("\\-");
        else if (c.unicode() > 127)
            out += QStringLiteral("\\[u%1]").arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0'));
        else
            out += c;
    }
    return out;
}

// The words a man page sets in italics: what the user replaces (FILE, DIR, the value names).
QSet<QString> placeholders()
{
    QSet<QString> words = {QStringLiteral("FILE"), QStringLiteral("OPTIONS")};
    for (const OptionSpec &option : options()) {
        if (option.takesValue())
            words.insert(QLatin1String(option.valueName));
    }
    return words;
}

// One line of text as roff: options in bold, placeholders in italics; a leading "." or "'" is
// guarded with \& (it would make the line a request).
QString roffLine(const QString &text)
{
    static const QRegularExpression token(
        QStringLiteral("(?<![\\w-])(--[a-z][a-z0-9-]*[a-z0-9]|-[a-z](?![\\w-]))|\\b([A-Z][A-Z0-9]*)\\b"));
    static const QSet<QString> italic = placeholders();
    QString out;
    qsizetype done = 0;
    for (const QRegularExpressionMatch &match : token.globalMatch(text)) {
        const bool isOption = match.hasCaptured(1);
        if (!isOption && !italic.contains(match.captured(2)))
            continue;
        out += roffEscaped(text.mid(done, match.capturedStart() - done));
        out += (isOption ? QLatin1String("\\fB") : QLatin1String("\\fI")) + roffEscaped(match.captured())
            + QLatin1String("\\fR");
        done = match.capturedEnd();
    }
    out += roffEscaped(text.mid(done));
    return out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('\'')) ? QLatin1String("\\&") + out : out;
}

QString firstSynopsisLine(const CommandSpec &command)
{
    return QString::fromUtf8(command.synopsis).section(QLatin1Char('\n'), 0, 0);
}

QString manSynopsis()
{
    QString out;
    for (const CommandSpec &command : commands()) {
        out += QStringLiteral("\\fBfolio\\-cli %1\\fR ").arg(roffEscaped(QLatin1String(command.name)))
            + roffLine(firstSynopsisLine(command) + QLatin1String(" [OPTIONS]")) + QLatin1String("\n.br\n");
    }
    return out.chopped(1);
}

QString manCommands()
{
    QString out;
    for (const CommandSpec &command : commands()) {
        out += QStringLiteral(".TP\n\\fB%1\\fR ").arg(roffEscaped(QLatin1String(command.name)))
            + roffLine(firstSynopsisLine(command)) + QLatin1Char('\n') + roffLine(QString::fromUtf8(command.summary))
            + QLatin1Char('\n');
    }
    return out.chopped(1);
}

QString manOptionLabel(const OptionSpec &option)
{
    QString label;
    if (option.shortName != 0)
        label += roffLine(QStringLiteral("-%1").arg(QLatin1Char(option.shortName))) + QLatin1String(", ");
    label += roffLine(option.longName());
    if (option.takesValue())
        label += QStringLiteral(" \\fI%1\\fR").arg(roffEscaped(QLatin1String(option.valueName)));
    return label;
}

QString manOptions()
{
    QString out;
    for (const SectionSpec &section : sections()) {
        out += QStringLiteral(".SS %1\n").arg(roffEscaped(QLatin1String(section.title)));
        if (section.note)
            out += roffLine(QString::fromUtf8(section.note)) + QLatin1Char('\n');
        for (const OptionSpec &option : options()) {
            if (option.section == section.section)
                out += QLatin1String(".TP\n") + manOptionLabel(option) + QLatin1Char('\n')
                    + roffLine(description(option)) + QLatin1Char('\n');
        }
    }
    return out.chopped(1);
}

// --- bash ---------------------------------------------------------------------------------------

// The long names of the options `keep` selects, as a list of words.
QString optionNames(const std::function<bool(const OptionSpec &)> &keep)
{
    QStringList names;
    for (const OptionSpec &option : options()) {
        if (keep(option))
            names.append(option.longName());
    }
    return names.join(QLatin1Char(' '));
}

QString completionCommands()
{
    QStringList names;
    for (const CommandSpec &command : commands())
        names.append(QLatin1String(command.name));
    return names.join(QLatin1Char(' '));
}

QString completionGlobalOptions()
{
    return optionNames([](const OptionSpec &option) { return option.isGlobal(); });
}

// One case arm a command: the options it accepts besides the global ones.
QString completionCommandOptions()
{
    QString out;
    for (const CommandSpec &command : commands()) {
        const QString names
            = optionNames([&](const OptionSpec &option) { return !option.isGlobal() && option.appliesTo(command); });
        out += QStringLiteral("        %1) options='%2' ;;\n").arg(QLatin1String(command.name), names);
    }
    return out.chopped(1);
}

// One case arm an option that takes a value: how the value completes (directory, file,
// "choices WORD...", or text: nothing to offer).
QString completionValueKinds()
{
    QString out;
    for (const OptionSpec &option : options()) {
        if (!option.takesValue())
            continue;
        QString kind;
        switch (option.completion) {
        case Completion::None:
            kind = QStringLiteral("text");
            break;
        case Completion::File:
            kind = QStringLiteral("file");
            break;
        case Completion::Directory:
            kind = QStringLiteral("directory");
            break;
        case Completion::Choices:
            kind = QStringLiteral("'choices %1'").arg(QLatin1String(option.choices));
            break;
        }
        out += QStringLiteral("        %1) kind=%2 ;;\n").arg(option.longName(), kind);
    }
    return out.chopped(1);
}

// --- templates ----------------------------------------------------------------------------------

bool fill(const QString &templatePath, const QString &outputPath, const std::map<QString, QString> &values)
{
    QFile in(templatePath);
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(
            stderr, "folio-clidocs: cannot read %s: %s\n", qPrintable(templatePath), qPrintable(in.errorString()));
        return false;
    }
    QString text = QString::fromUtf8(in.readAll());
    for (const auto &[key, value] : values) {
        const QString placeholder = QLatin1Char('@') + key + QLatin1Char('@');
        if (!text.contains(placeholder)) {
            std::fprintf(stderr, "folio-clidocs: %s has no %s\n", qPrintable(templatePath), qPrintable(placeholder));
            return false;
        }
        text.replace(placeholder, value);
    }
    QFile out(outputPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(text.toUtf8()) < 0 || !out.flush()) {
        std::fprintf(
            stderr, "folio-clidocs: cannot write %s: %s\n", qPrintable(outputPath), qPrintable(out.errorString()));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    const QString kind = argc == 4 ? QString::fromLocal8Bit(argv[1]) : QString();
    std::map<QString, QString> values;
    if (kind == QLatin1String("man")) {
        values = {{QStringLiteral("CLI_SYNOPSIS"), manSynopsis()}, {QStringLiteral("CLI_COMMANDS"), manCommands()},
            {QStringLiteral("CLI_OPTIONS"), manOptions()}};
    } else if (kind == QLatin1String("completion")) {
        values = {{QStringLiteral("CLI_COMMANDS"), completionCommands()},
            {QStringLiteral("CLI_GLOBAL_OPTIONS"), completionGlobalOptions()},
            {QStringLiteral("CLI_COMMAND_OPTIONS"), completionCommandOptions()},
            {QStringLiteral("CLI_VALUE_KINDS"), completionValueKinds()}};
    } else {
        std::fprintf(stderr, "usage: folio-clidocs man|completion TEMPLATE OUTPUT\n");
        return 2;
    }
    return fill(QFile::decodeName(argv[2]), QFile::decodeName(argv[3]), values) ? 0 : 1;
}
