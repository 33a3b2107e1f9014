// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"

#include "clioptions.h"
#include "exporters/attachmentexporter.h"
#include "exporters/exporter.h"
#include "fonts.h"
#include "nativefilename.h"
#include "optionvalues.h"
#include "progressbar.h"
#include "usagetext.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdio>
#include <map>
#include <unistd.h>

using namespace folio;
using namespace cli::values;

namespace {

// The i-th page a page-by-page command goes through: pages[i] when a list was given, else page i,
// a streaming document read only as far as that; -1 past the last.
Result<int> nthPage(int i, bool listed, const QList<int> &pages, Document &document, const CancellationToken &token)
{
    if (listed)
        return i < pages.size() ? pages[i] : -1;
    if (Status s = document.ensurePages(i + 1, token); !s)
        return s;
    return i < document.pageCount() ? i : -1;
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

// `text` as a JSON string (RFC 8259: quotes, backslashes and control characters escaped), UTF-8.
void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (uchar(c) < 0x20)
                out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

QString formatSize(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("?");
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// `text` on one line: backslashes doubled, line breaks and tabs written as \n, \r and \t.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    text.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    text.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    text.replace(QChar::LineSeparator, QLatin1String("\\n"));
    text.replace(QChar::ParagraphSeparator, QLatin1String("\\n"));
    return text;
}

// ISO 8601 in UTC ("2026-12-07T10:00:00Z"); empty when unknown.
QString utcText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

// x, y, width, height in points with two decimals: "[72.00, 100.00, 200.00, 20.00]" in JSON.
QByteArray jsonRect(const QRectF &r)
{
    return '[' + QByteArray::number(r.x(), 'f', 2) + ',' + QByteArray::number(r.y(), 'f', 2) + ','
        + QByteArray::number(r.width(), 'f', 2) + ',' + QByteArray::number(r.height(), 'f', 2) + ']';
}

void appendJsonDate(QByteArray &out, const QDateTime &time)
{
    if (time.isValid())
        appendJsonString(out, utcText(time));
    else
        out += "null";
}

// "none", "acroform", "xfa": for JSON.
QString formTypeName(FormType type)
{
    switch (type) {
    case FormType::AcroForm:
        return QStringLiteral("acroform");
    case FormType::Xfa:
        return QStringLiteral("xfa");
    case FormType::None:
        break;
    }
    return QStringLiteral("none");
}

QString pointsText(QSizeF size)
{
    return QStringLiteral("%1 × %2 pt")
        .arg(size.width(), 0, 'f', 2)
        .arg(size.height(), 0, 'f', 2)
        .replace(QStringLiteral(".00 "), QStringLiteral(" "));
}

} // namespace

int exitCodeFor(const Status &status)
{
    switch (status.code()) {
    case StatusCode::Ok:
        return ExitOk;
    case StatusCode::TimedOut:
        return ExitTimedOut;
    case StatusCode::Canceled:
        return ExitInterrupted;
    case StatusCode::Unsupported:
        return ExitUnsupported;
    default:
        return ExitError;
    }
}

CliApp::CliApp(CancellationSource &interrupt)
    : m_interrupt(interrupt)
{ }

int CliApp::usageError(const QString &message) const
{
    printErr(QStringLiteral("folio-cli: error: %1\nTry 'folio-cli --help' for more information.\n").arg(message));
    return ExitUsage;
}

void CliApp::warn(const QString &message) const
{
    printErr(QStringLiteral("folio-cli: warning: %1\n").arg(message));
}

int CliApp::fail(const Status &status) const
{
    QString message = status.message();
    if (status.code() == StatusCode::NeedsPassword)
        message += tr(" (give it with --password)");
    printErr(QStringLiteral("folio-cli: error: %1\n").arg(message));
    return exitCodeFor(status);
}

bool CliApp::progressEnabled() const
{
    return !m_options.quiet && isatty(STDERR_FILENO);
}

int CliApp::parse(const QStringList &arguments, Options &options)
{
    QStringList positional;
    QList<QByteArray> positionalBytes; // as given in argv (see run())
    std::map<QString, QString> given;
    std::map<QString, QByteArray> givenBytes;
    const auto bytesOf = [this](qsizetype i) { return i < m_native.size() ? m_native[i] : QByteArray(); };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--")) {
            for (qsizetype j = i + 1; j < arguments.size(); ++j) {
                positional.append(arguments[j]);
                positionalBytes.append(bytesOf(j));
            }
            break;
        }
        if (!argument.startsWith(QLatin1String("--")) || argument.size() == 2) {
            // "-h" is the one-letter alias of a flag; anything else is FILE or the command.
            const cli::OptionSpec *alias = argument.size() == 2 && argument.startsWith(QLatin1Char('-'))
                ? cli::findShortOption(argument.at(1))
                : nullptr;
            if (alias) {
                given[QLatin1String(alias->name)] = QString();
            } else {
                positional.append(argument);
                positionalBytes.append(bytesOf(i));
            }
            continue;
        }
        QString name = argument.mid(2);
        QString value;
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        const bool inlineValue = equals >= 0;
        if (inlineValue) {
            value = name.mid(equals + 1);
            name = name.left(equals);
        }
        const cli::OptionSpec *option = cli::findOption(name);
        if (!option)
            return usageError(tr("unknown option --%1").arg(name));
        QByteArray valueBytes = inlineValue ? bytesOf(i).mid(bytesOf(i).indexOf('=') + 1) : QByteArray();
        if (option->takesValue() && !inlineValue) {
            if (i + 1 >= arguments.size())
                return usageError(tr("--%1 needs a value").arg(name));
            value = arguments[++i];
            valueBytes = bytesOf(i);
        } else if (!option->takesValue() && inlineValue) {
            return usageError(tr("--%1 takes no value").arg(name));
        }
        given[name] = value;
        givenBytes[name] = valueBytes;
    }

    if (given.count(QStringLiteral("help"))) {
        printOut(cli::usageText());
        return -1;
    }
    if (given.count(QStringLiteral("version"))) {
        printOut(QStringLiteral("folio-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return -1;
    }
    if (positional.isEmpty())
        return usageError(tr("no command given"));
    options.command = positional.takeFirst();
    positionalBytes.removeFirst();
    const cli::CommandSpec *command = cli::findCommand(options.command);
    if (!command)
        return usageError(tr("unknown command \"%1\"").arg(options.command));
    if (positional.isEmpty())
        return usageError(tr("%1: no FILE given").arg(options.command));
    const bool find = command->bit == cli::Find;
    if (find && positional.size() > 2)
        return usageError(tr("find: one FILE and one TEXT only; quote a TEXT with spaces"));
    if (find && positional.size() == 2) {
        options.needle = positional.takeLast();
        positionalBytes.removeLast();
    }
    if (positional.size() > 1)
        return usageError(tr("%1: one FILE only (got %2)").arg(options.command, positional.join(QLatin1Char(' '))));
    options.file = positional.first();
    options.baseName = QFileInfo(options.file).completeBaseName();
    // A FILE whose bytes are not UTF-8 is opened by those bytes; messages show them as \xHH.
    if (const QByteArray native = positionalBytes.first();
        !native.isEmpty() && !NativeFileName::isRepresentable(native)) {
        const auto reachable = NativeFileName::reachable(native);
        if (!reachable) {
            printErr(QStringLiteral("folio-cli: error: %1\n").arg(reachable.status().message()));
            return ExitError;
        }
        options.file = reachable.value();
        options.displayName = NativeFileName::display(native);
        options.baseName = QFileInfo(QFile::decodeName(native)).completeBaseName();
    }
    // Qt writes by Unicode names: an --out folder named by other bytes would be another folder.
    if (const auto out = givenBytes.find(QStringLiteral("out"));
        out != givenBytes.end() && !out->second.isEmpty() && !NativeFileName::isRepresentable(out->second))
        return usageError(tr("--out %1: the folder name is not valid UTF-8; choose another folder")
                              .arg(NativeFileName::display(out->second)));
    for (const auto &[name, value] : given) {
        if (!cli::findOption(name)->appliesTo(*command))
            return usageError(tr("--%1 does not apply to %2").arg(name, options.command));
    }

    const auto has = [&](const char *name) { return given.count(QLatin1String(name)) > 0; };
    const auto value = [&](const char *name) {
        const auto it = given.find(QLatin1String(name));
        return it == given.end() ? QString() : it->second;
    };
    options.json = has("json");
    options.quiet = has("quiet");
    options.verbose = has("verbose");
    options.all = has("all");
    options.search.regularExpression = has("regex");
    options.search.caseSensitive = has("match-case");
    options.search.wholeWords = has("whole-words");
    if (find) {
        if (options.needle.isEmpty())
            return usageError(tr("find: no TEXT given (folio-cli find FILE TEXT)"));
        const TextMatcher matcher(options.needle, options.search);
        if (!matcher.isValid())
            return usageError(matcher.errorString());
        if (matcher.isEmpty())
            return usageError(tr("find: TEXT is empty"));
    }
    options.renderOptions.setFlag(RenderOption::RenderComments, has("render-comments"));
    options.renderOptions.setFlag(RenderOption::RenderNotes, has("render-notes"));
    options.renderOptions.setFlag(RenderOption::RenderHiddenPages, has("render-hidden"));
    options.renderOptions.setFlag(RenderOption::RenderGridLines, has("render-grid"));
    options.renderOptions.setFlag(RenderOption::RenderHeadings, has("render-headings"));
    options.renderOptions.setFlag(RenderOption::RenderTrackedChanges, has("render-tracked-changes"));
    options.out = value("out");
    options.pages = value("pages");
    options.password = value("password");
    options.name = value("name");
    if (has("archive-encoding")) {
        options.archiveEncoding = value("archive-encoding").toLatin1();
        if (!Viewer::isKnownNameEncoding(options.archiveEncoding))
            return usageError(tr("--archive-encoding: \"%1\" is not a code page this system knows (see iconv -l)")
                                  .arg(value("archive-encoding")));
    }
    if (const int code = checkRenderOptions(given, options); code != ExitOk)
        return code;
    const int sizeOptions = int(has("dpi")) + int(has("width")) + int(has("height"));
    if (sizeOptions > 1)
        return usageError(tr("--dpi, --width and --height exclude each other"));
    if (has("dpi")) {
        bool ok = false;
        options.dpi = value("dpi").toDouble(&ok);
        if (!ok || options.dpi < 1 || options.dpi > 4800)
            return usageError(tr("--dpi must be a number from 1 to 4800, not \"%1\"").arg(value("dpi")));
    }
    for (const auto &[name, target] : {std::pair {"width", &options.width}, std::pair {"height", &options.height},
             std::pair {"max-width", &options.maxWidth}, std::pair {"max-height", &options.maxHeight}}) {
        if (has(name) && !parseInt(value(name), 1, 1'000'000, *target))
            return usageError(tr("--%1 must be a whole number of pixels from 1 to 1000000, not \"%2\"")
                                  .arg(QLatin1String(name), value(name)));
    }
    if (has("quality") && !parseInt(value("quality"), 1, 100, options.quality))
        return usageError(tr("--quality must be from 1 to 100, not \"%1\"").arg(value("quality")));
    if (has("threads") && !parseInt(value("threads"), 1, 256, options.threads))
        return usageError(tr("--threads must be from 1 to 256, not \"%1\"").arg(value("threads")));
    if (has("index") && !parseInt(value("index"), 1, std::numeric_limits<int>::max(), options.index))
        return usageError(tr("--index must be a number from 1 (see folio-cli attachments)"));
    if (has("max-entry-size") && !parseSizeLimit(value("max-entry-size"), options.limits.maxEntrySize))
        return usageError(tr("--max-entry-size must be a size such as 2G, 512M or 0 for no limit"));
    if (has("max-total-size") && !parseSizeLimit(value("max-total-size"), options.limits.maxTotalExtracted))
        return usageError(tr("--max-total-size must be a size such as 8G, 512M or 0 for no limit"));
    if (has("max-ratio")
        && !parseInt(value("max-ratio"), 0, std::numeric_limits<int>::max(), options.limits.maxCompressionRatio))
        return usageError(tr("--max-ratio must be a whole number, 0 for no limit"));
    if (has("max-entries") && !parseCountLimit(value("max-entries"), options.limits.maxEntries))
        return usageError(tr("--max-entries must be a whole number, 0 for no limit"));
    if (has("timeout")) {
        const auto timeout = parseDuration(value("timeout"));
        if (!timeout)
            return usageError(timeout.status().message());
        options.timeout = timeout.value();
    }
    // A list that is not numbers may name pages by their labels: checked once the file is open
    // (see resolvePageLabels()).
    if ((options.command == QLatin1String("render") || options.command == QLatin1String("extract"))
        && options.out.isEmpty())
        return usageError(tr("%1 needs --out DIR").arg(options.command));
    if (options.command == QLatin1String("extract") && int(has("index")) + int(has("name")) + int(options.all) != 1)
        return usageError(tr("extract needs exactly one of --index N, --name NAME or --all"));
    // Harmless, so said rather than refused; and only once nothing else is wrong.
    if (!options.quiet && has("embed-resources") && options.format != ExportOptions::Format::Html)
        warn(tr("--embed-resources applies to --format html only; ignored"));
    if (!options.quiet && has("quality") && options.format != ExportOptions::Format::Jpeg)
        warn(tr("--quality applies to --format jpg only; ignored"));
    return ExitOk;
}

int CliApp::checkRenderOptions(const std::map<QString, QString> &given, Options &options)
{
    const auto has = [&](const char *name) { return given.count(QLatin1String(name)) > 0; };
    const auto value = [&](const char *name) {
        const auto it = given.find(QLatin1String(name));
        return it == given.end() ? QString() : it->second;
    };
    if (has("format") && !ExportOptions::formatFromName(value("format"), options.format))
        return usageError(tr("unknown --format \"%1\": use png, jpg, html or pdf").arg(value("format")));
    const bool html = options.format == ExportOptions::Format::Html;
    if (has("embed-resources") && has("external-resources"))
        return usageError(tr("--embed-resources and --external-resources exclude each other"));
    // Only HTML has resources: asking another format for them to be written apart is a mistake
    // worth stopping; asking for them inside is what every other format does anyway.
    if (has("external-resources") && !html)
        return usageError(tr("--external-resources applies to --format html only, not %1")
                              .arg(ExportOptions::extension(options.format)));
    options.externalResources = has("external-resources");

    if (has("rotate")) {
        if (!parseInt(value("rotate"), -270, 270, options.rotation) || options.rotation % 90 != 0)
            return usageError(tr("--rotate must be 0, 90, 180 or 270, not \"%1\"").arg(value("rotate")));
        options.rotation = (options.rotation + 360) % 360;
    }

    if (has("colors")) {
        const std::optional<PageColors::Mode> mode = PageColors::modeFromName(value("colors").trimmed());
        if (!mode)
            return usageError(tr("unknown --colors \"%1\": use %2")
                                  .arg(value("colors"), PageColors::names().join(QLatin1String(", "))));
        options.colors.mode = *mode;
    }
    for (const char *name : {"paper", "ink"}) {
        if (!has(name))
            continue;
        if (options.colors.mode != PageColors::Mode::Custom)
            return usageError(tr("--%1 needs --colors custom").arg(QLatin1String(name)));
        const QColor color = QColor::fromString(value(name).trimmed());
        if (!color.isValid())
            return usageError(tr("--%1 \"%2\" is not a colour: use a name such as black, or #RRGGBB")
                                  .arg(QLatin1String(name), value(name)));
        (QLatin1String(name) == QLatin1String("paper") ? options.colors.paper : options.colors.ink) = color;
    }
    if (options.colors.mode == PageColors::Mode::Custom && !(has("paper") || has("ink")))
        return usageError(tr("--colors custom needs --paper COLOR and/or --ink COLOR"));
    if (has("keep-pictures")) {
        if (options.colors.isNormal())
            return usageError(tr("--keep-pictures needs --colors other than normal"));
        options.colors.keepPictures = true;
    }

    if (has("watermark")) {
        options.watermark.text = value("watermark");
        if (options.watermark.isEmpty())
            return usageError(tr("--watermark needs a text"));
    } else {
        for (const char *name : {"watermark-color", "watermark-size", "watermark-angle"}) {
            if (has(name))
                return usageError(tr("--%1 needs --watermark TEXT").arg(QLatin1String(name)));
        }
    }
    if (has("watermark-color")) {
        // Names and #RGB, #RRGGBB, #AARRGGBB as QColor reads them: "#80ff0000" is half-opaque red.
        options.watermark.color = QColor::fromString(value("watermark-color").trimmed());
        if (!options.watermark.color.isValid())
            return usageError(tr("--watermark-color \"%1\" is not a colour: use a name such as red, "
                                 "or #RRGGBB, or #AARRGGBB")
                                  .arg(value("watermark-color")));
    }
    if (has("watermark-size") && !parseNumber(value("watermark-size"), 4, 1000, options.watermark.size))
        return usageError(
            tr("--watermark-size must be from 4 to 1000 points, not \"%1\"").arg(value("watermark-size")));
    if (has("watermark-angle") && !parseNumber(value("watermark-angle"), -360, 360, options.watermark.angle))
        return usageError(
            tr("--watermark-angle must be from -360 to 360 degrees, not \"%1\"").arg(value("watermark-angle")));
    return ExitOk;
}

int CliApp::run(const QStringList &arguments, const QList<QByteArray> &native)
{
    m_native = native.size() == arguments.size() ? native : QList<QByteArray>();
    const int parsed = parse(arguments, m_options);
    if (parsed < 0)
        return ExitOk; // --help or --version
    if (parsed != ExitOk)
        return parsed;
    if (m_options.verbose) {
        QLoggingCategory::setFilterRules(QStringLiteral("folio.*.debug=true"));
        // Which declared fonts are missing (pages may then break differently elsewhere).
        (void)fonts::missingFamilies();
    }
    if (m_options.timeout.count() > 0)
        m_interrupt.cancelAfter(m_options.timeout);

    // Page labels in --pages are read as numbers before any command runs, so every command that
    // takes --pages (the exporters included) gets numbers. Only such lists open the file twice.
    if (!m_options.pages.isEmpty() && !PageList::parse(m_options.pages)) {
        Viewer viewer;
        if (Status s = openDocument(viewer); !s)
            return fail(s);
        const Document &document = *viewer.document();
        QStringList labels;
        bool any = false;
        for (int page = 0; page < document.pageCount(); ++page) {
            labels.append(document.pageLabel(page));
            any = any || !labels.last().isEmpty();
        }
        QString numbers;
        QString bad;
        if (!resolvePageLabels(m_options.pages, labels, numbers, bad))
            return usageError(
                tr("Invalid page list \"%1\" at \"%2\": use numbers and ranges such as 1,3-5,8-, or "
                   "labels that name one page each (%3)")
                    .arg(m_options.pages, bad,
                        any ? tr("folio-cli info --json lists them") : tr("this document has no page labels")));
        m_options.pages = numbers;
    }

    const QString &command = m_options.command;
    if (command == QLatin1String("info"))
        return runInfo();
    if (command == QLatin1String("render"))
        return runRender();
    if (command == QLatin1String("text"))
        return runText();
    if (command == QLatin1String("attachments"))
        return runAttachments();
    if (command == QLatin1String("find"))
        return runFind();
    if (command == QLatin1String("annotations"))
        return runAnnotations();
    return runExtract();
}

QString CliApp::fileLabel() const
{
    return m_options.displayName.isEmpty() ? m_options.file : m_options.displayName;
}

OpenOptions CliApp::openOptions() const
{
    OpenOptions options;
    options.password = m_options.password;
    options.limits = m_options.limits;
    options.renderOptions = m_options.renderOptions;
    options.displayName = m_options.displayName;
    options.archiveEncoding = m_options.archiveEncoding;
    return options;
}

Status CliApp::openDocument(Viewer &viewer)
{
    ProgressBar bar(tr("Opening"), progressEnabled());
    return viewer.open(m_options.file, openOptions(), m_interrupt.token(), bar.callback());
}

Result<QList<int>> CliApp::selectedPages(Viewer &viewer)
{
    ProgressBar bar(tr("Reading"), progressEnabled());
    return PageList::parseOrAll(m_options.pages).value().select(viewer, m_interrupt.token(), bar.callback());
}

int CliApp::runInfo()
{
    Viewer viewer;
    if (Status s = openDocument(viewer); !s)
        return fail(s);
    ProgressBar bar(tr("Counting pages"), progressEnabled());
    const auto info = viewer.info(m_interrupt.token(), bar.callback());
    bar.finish();
    if (!info)
        return fail(info.status().withFile(fileLabel()));

    if (m_options.json) {
        QJsonObject root;
        root[QLatin1String("file")] = info->file;
        root[QLatin1String("format")] = info->format;
        root[QLatin1String("mimeType")] = info->mimeType;
        root[QLatin1String("pageCount")] = info->pageCount;
        QJsonArray pages;
        for (int i = 0; i < info->pageSizes.size(); ++i) {
            QJsonObject page {{QLatin1String("number"), i + 1}, {QLatin1String("width"), info->pageSizes[i].width()},
                {QLatin1String("height"), info->pageSizes[i].height()}};
            // Only where the document names its pages (PDF /PageLabels).
            if (const QString label = viewer.document()->pageLabel(i); !label.isEmpty())
                page[QLatin1String("label")] = label;
            pages.append(page);
        }
        root[QLatin1String("pages")] = pages;
        QJsonObject metadata;
        for (const auto &[key, value] : info->metadata)
            metadata[key] = value;
        root[QLatin1String("metadata")] = metadata;
        root[QLatin1String("attachments")] = info->attachmentCount;
        root[QLatin1String("encrypted")] = info->encrypted;
        root[QLatin1String("form")] = formTypeName(info->formType);
        root[QLatin1String("formFields")] = info->formFieldCount;
        printOut(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }

    QString out;
    const auto line = [&out](const QString &key, const QString &value) {
        out += QStringLiteral("%1 %2\n").arg(key + QLatin1Char(':'), -18).arg(value);
    };
    line(tr("File"), info->file);
    line(tr("Format"), QStringLiteral("%1 (%2)").arg(info->formatName, info->mimeType));
    line(tr("Pages"), QString::number(info->pageCount));
    if (!info->pageSizes.isEmpty()) {
        const QSizeF first = info->pageSizes.first();
        const bool uniform = std::all_of(info->pageSizes.begin(), info->pageSizes.end(),
            [&](QSizeF s) { return qAbs(s.width() - first.width()) < 0.5 && qAbs(s.height() - first.height()) < 0.5; });
        line(tr("Page size"), uniform ? pointsText(first) : tr("mixed (page 1: %1)").arg(pointsText(first)));
    }
    line(tr("Encrypted"), info->encrypted ? tr("yes") : tr("no"));
    line(tr("Attachments"), QString::number(info->attachmentCount));
    if (info->formType == FormType::AcroForm)
        line(tr("Form"),
            info->formFieldCount == 1 ? tr("AcroForm (1 field)")
                                      : tr("AcroForm (%1 fields)").arg(info->formFieldCount));
    else if (info->formType == FormType::Xfa)
        line(tr("Form"), tr("XFA (not supported)"));
    for (const auto &[key, value] : info->metadata)
        line(key, value);
    printOut(out);
    return ExitOk;
}

ExportRequest CliApp::exportRequest() const
{
    ExportRequest request;
    request.documentPath = m_options.file;
    request.pages = m_options.pages;
    request.directory = m_options.out;
    request.options = exportOptions();
    request.open = openOptions();
    return request;
}

ExportOptions CliApp::exportOptions() const
{
    ExportOptions options;
    options.format = m_options.format;
    options.quality = m_options.quality;
    if (m_options.dpi > 0)
        options.dpi = m_options.dpi;
    options.width = m_options.width;
    options.height = m_options.height;
    options.maxWidth = m_options.maxWidth;
    options.maxHeight = m_options.maxHeight;
    options.threads = m_options.threads;
    options.rotation = m_options.rotation;
    options.colors = m_options.colors;
    options.watermark = m_options.watermark;
    options.resources
        = m_options.externalResources ? ExportOptions::Resources::External : ExportOptions::Resources::Embedded;
    options.baseName = m_options.baseName;
    return options;
}

int CliApp::runRender()
{
    const ExportRequest request = exportRequest();
    // The command line chose the folder: a usage error, said before the document is read.
    if (Status target = Exporter::checkTarget(request); !target)
        return usageError(tr("%1; choose another --out folder").arg(target.message()));

    ProgressBar opening(tr("Opening"), progressEnabled());
    ProgressBar reading(tr("Reading"), progressEnabled());
    ProgressBar rendering(tr("Rendering"), progressEnabled());
    const auto result = Exporter::exportDocument(
        request, m_interrupt.token(), {opening.callback(), reading.callback(), rendering.callback()});
    for (ProgressBar *bar : {&opening, &reading, &rendering})
        bar->finish();
    if (!result)
        return fail(result.status());
    if (!m_options.quiet) {
        const QString pages = pagesText(result->pageCount);
        if (request.options.format == ExportOptions::Format::Pdf)
            printErr(tr("folio-cli: wrote %1 (%2)\n").arg(QDir::toNativeSeparators(request.pdfFile()), pages));
        else
            printErr(tr("folio-cli: wrote %1 to %2\n").arg(pages, QDir::toNativeSeparators(m_options.out)));
    }
    return ExitOk;
}

int CliApp::runText()
{
    Viewer viewer;
    if (Status s = openDocument(viewer); !s)
        return fail(s);
    Document *document = viewer.document();
    const CancellationToken token = m_interrupt.token();
    QList<int> pages;
    if (!m_options.pages.isEmpty()) {
        const auto selected = selectedPages(viewer);
        if (!selected)
            return fail(selected.status());
        pages = selected.value();
    }
    // Without --pages, text streams page by page: a huge log starts printing at once.
    for (int i = 0;; ++i) {
        const Result<int> page = nthPage(i, !m_options.pages.isEmpty(), pages, *document, token);
        if (!page)
            return fail(page.status());
        if (*page < 0)
            break;
        const auto text = document->text(*page, token);
        if (!text)
            return fail(text.status().withFile(fileLabel()));
        if (i > 0)
            printOut(QStringLiteral("\f"));
        printOut(text.value());
    }
    std::fflush(stdout);
    return ExitOk;
}

int CliApp::runFind()
{
    Viewer viewer;
    if (Status s = openDocument(viewer); !s)
        return fail(s);
    Document *document = viewer.document();
    if (!document->capabilities().testAnyFlags(Capability::Text | Capability::TextLayout))
        return fail(Status(StatusCode::Unsupported, searchUnsupportedMessage()).withFile(fileLabel()));
    const CancellationToken token = m_interrupt.token();
    const TextMatcher matcher(m_options.needle, m_options.search);
    QList<int> pages;
    const bool listed = !m_options.pages.isEmpty();
    if (listed) {
        const auto selected = selectedPages(viewer);
        if (!selected)
            return fail(selected.status());
        pages = selected.value();
    }

    // Hits are printed as they are found (a huge log shows its first ones at once); JSON as one
    // array written element by element.
    ProgressBar bar(tr("Searching"), progressEnabled());
    qint64 count = 0;
    QList<int> failedPages;
    Status failure;
    if (m_options.json)
        printOut(QStringLiteral("["));
    const auto print = [&](const SearchHit &hit) {
        if (m_options.json) {
            QByteArray out = count == 0 ? "\n  {\"page\": " : ",\n  {\"page\": ";
            out += QByteArray::number(hit.page + 1) + ", \"context\": ";
            appendJsonString(out, hit.context);
            out += ", \"match\": [" + QByteArray::number(hit.contextFrom) + ", " + QByteArray::number(hit.contextLength)
                + "], \"rects\": [";
            for (qsizetype i = 0; i < hit.rects.size(); ++i) {
                const QRectF &r = hit.rects[i];
                out += (i > 0 ? ", [" : "[") + QByteArray::number(r.x(), 'f', 2) + ", "
                    + QByteArray::number(r.y(), 'f', 2) + ", " + QByteArray::number(r.width(), 'f', 2) + ", "
                    + QByteArray::number(r.height(), 'f', 2) + "]";
            }
            out += "]}";
            std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        } else {
            printOut(QStringLiteral("%1: %2\n").arg(hit.page + 1).arg(hit.context));
        }
        ++count;
    };
    const auto searched = [&](const Result<PageSearchStep> &step, int page) {
        if (step)
            return true;
        if (step.status().isCancellation()) {
            failure = step.status();
            return false;
        }
        failedPages.append(page); // a broken page does not stop the search of the others
        if (failure.isOk())
            failure = step.status();
        return true;
    };
    if (listed) {
        for (qsizetype i = 0; i < pages.size(); ++i) {
            const auto step = searchNextPage(*document, matcher, pages[i], pages[i] + 1, token);
            if (!searched(step, pages[i]))
                break;
            if (step)
                for (const SearchHit &hit : step->hits)
                    print(hit);
            bar.update(i + 1, pages.size());
        }
    } else {
        for (int page = 0;;) {
            const auto step = searchNextPage(*document, matcher, page, -1, token);
            if (!searched(step, page))
                break;
            if (step && step->page < 0)
                break;
            const int done = step ? step->page : page;
            if (step)
                for (const SearchHit &hit : step->hits)
                    print(hit);
            page = done + 1;
            bar.update(page, document->isPageCountFinal() ? document->pageCount() : -1);
        }
    }
    bar.finish();
    if (m_options.json)
        printOut(count > 0 ? QStringLiteral("\n]\n") : QStringLiteral("]\n"));
    std::fflush(stdout);
    if (failure.isCancellation())
        return fail(failure);
    if (!failedPages.isEmpty()) {
        printErr(QStringLiteral("folio-cli: error: %1\n")
                     .arg(tr("%1 could not be searched; the first: %2")
                              .arg(pagesText(int(failedPages.size())), failure.withFile(fileLabel()).message())));
        return ExitError;
    }
    if (!m_options.quiet)
        printErr(count == 1 ? tr("folio-cli: 1 match\n") : tr("folio-cli: %1 matches\n").arg(count));
    return count > 0 ? ExitOk : ExitNotFound;
}

int CliApp::runAttachments()
{
    Viewer viewer;
    if (Status s = openDocument(viewer); !s)
        return fail(s);
    const QList<AttachmentInfo> attachments = viewer.attachments();
    // Written as it goes, a few thousand entries at a time: an archive may list a million, and
    // neither a JSON tree of them nor the whole text should sit in memory.
    constexpr int Batch = 4096;
    QByteArray out;
    const auto flush = [&out](bool force) {
        if (force || out.size() > (1 << 20)) {
            std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
            out.clear();
        }
    };
    if (m_options.json) {
        out += "[";
        for (int i = 0; i < attachments.size(); ++i) {
            out += i == 0 ? "\n    {\"index\":" : ",\n    {\"index\":";
            out += QByteArray::number(i + 1);
            out += ",\"name\":";
            appendJsonString(out, attachments[i].name);
            out += ",\"path\":";
            appendJsonString(out, attachments[i].path);
            out += ",\"size\":";
            out += QByteArray::number(attachments[i].size);
            out += '}';
            if (i % Batch == 0)
                flush(false);
        }
        out += attachments.isEmpty() ? "]\n" : "\n]\n";
        flush(true);
        return ExitOk;
    }
    for (int i = 0; i < attachments.size(); ++i) {
        out += (QString::number(i + 1).rightJustified(4) + QLatin1String("  ")
            + formatSize(attachments[i].size).rightJustified(10) + QLatin1String("  ") + attachments[i].path
            + QLatin1Char('\n'))
                   .toUtf8();
        if (i % Batch == 0)
            flush(false);
    }
    if (attachments.isEmpty() && !m_options.quiet)
        printErr(tr("folio-cli: %1 has no attachments\n").arg(fileLabel()));
    flush(true);
    return ExitOk;
}

int CliApp::runAnnotations()
{
    Viewer viewer;
    if (Status s = openDocument(viewer); !s)
        return fail(s);
    Document *document = viewer.document();
    const CancellationToken token = m_interrupt.token();
    QList<int> pages;
    const bool listed = !m_options.pages.isEmpty();
    if (listed) {
        const auto selected = selectedPages(viewer);
        if (!selected)
            return fail(selected.status());
        pages = selected.value();
    }

    // One line per annotation, or a JSON array; written page by page.
    qint64 count = 0;
    if (m_options.json)
        printOut(QStringLiteral("["));
    const auto print = [&](const Annotation &annotation) {
        const QString label = document->pageLabel(annotation.page);
        QByteArray out;
        if (m_options.json) {
            out += count == 0 ? "\n    {\"page\":" : ",\n    {\"page\":";
            out += QByteArray::number(annotation.page + 1);
            if (!label.isEmpty()) {
                out += ",\"label\":";
                appendJsonString(out, label);
            }
            out += ",\"type\":";
            appendJsonString(out, Annotation::typeName(annotation.type));
            out += ",\"rect\":" + jsonRect(annotation.rect);
            out += ",\"quads\":[";
            for (qsizetype i = 0; i < annotation.quads.size(); ++i)
                out += (i > 0 ? "," : "") + jsonRect(annotation.quads[i]);
            out += "],\"author\":";
            appendJsonString(out, annotation.author);
            out += ",\"created\":";
            appendJsonDate(out, annotation.created);
            out += ",\"modified\":";
            appendJsonDate(out, annotation.modified);
            out += ",\"contents\":";
            appendJsonString(out, annotation.contents);
            out += ",\"subject\":";
            appendJsonString(out, annotation.subject);
            out += ",\"color\":";
            if (annotation.color.isValid())
                appendJsonString(
                    out, annotation.color.name(annotation.color.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb));
            else
                out += "null";
            out += ",\"id\":";
            appendJsonString(out, annotation.id);
            out += '}';
        } else {
            const QRectF &r = annotation.rect;
            const QString page = label.isEmpty() ? QString::number(annotation.page + 1).rightJustified(4)
                                                 : QStringLiteral("%1 (%2)").arg(annotation.page + 1, 4).arg(label);
            const QString date = utcText(annotation.modified.isValid() ? annotation.modified : annotation.created);
            const QString rect = QStringLiteral("%1 %2 %3 %4")
                                     .arg(r.x(), 7, 'f', 2)
                                     .arg(r.y(), 7, 'f', 2)
                                     .arg(r.width(), 7, 'f', 2)
                                     .arg(r.height(), 7, 'f', 2);
            // One multi-argument arg(): a label or contents holding "%1" stays as it is.
            QString line = QStringLiteral("%1  %2  %3  %4  %5")
                               .arg(page, Annotation::typeName(annotation.type).leftJustified(15), rect,
                                   (date.isEmpty() ? QStringLiteral("-") : date).leftJustified(20),
                                   annotation.author.isEmpty() ? QStringLiteral("-") : oneLine(annotation.author));
            if (!annotation.contents.isEmpty())
                line += QLatin1String("  ") + oneLine(annotation.contents);
            out = (line + QLatin1Char('\n')).toUtf8();
        }
        std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
        ++count;
    };
    ProgressBar bar(tr("Reading"), progressEnabled());
    for (int i = 0;; ++i) {
        const Result<int> found = nthPage(i, listed, pages, *document, token);
        if (!found)
            return fail(found.status());
        if (*found < 0)
            break;
        const int page = *found;
        const auto annotations = document->annotations(page, token);
        if (!annotations) {
            bar.finish();
            if (m_options.json)
                printOut(QStringLiteral("\n]\n"));
            std::fflush(stdout);
            return fail(annotations.status().withPage(page).withFile(fileLabel()));
        }
        for (const Annotation &annotation : annotations.value())
            print(annotation);
        bar.update(i + 1, listed ? pages.size() : (document->isPageCountFinal() ? document->pageCount() : -1));
    }
    bar.finish();
    if (m_options.json)
        printOut(count > 0 ? QStringLiteral("\n]\n") : QStringLiteral("]\n"));
    std::fflush(stdout);
    if (count == 0 && !m_options.quiet)
        printErr(listed ? tr("folio-cli: %1 has no annotations on these pages\n").arg(fileLabel())
                        : tr("folio-cli: %1 has no annotations\n").arg(fileLabel()));
    return ExitOk;
}

int CliApp::runExtract()
{
    Viewer viewer;
    if (Status s = openDocument(viewer); !s)
        return fail(s);
    const QList<AttachmentInfo> attachments = viewer.attachments();
    QList<int> indices;
    if (m_options.all) {
        for (int i = 0; i < attachments.size(); ++i)
            indices.append(i);
        if (indices.isEmpty()) {
            // An archive of folders only (or of nothing) is extracted in full by writing nothing.
            if (viewer.document()->capabilities().testFlag(Capability::AttachmentFolders)) {
                if (!m_options.quiet)
                    printErr(tr("folio-cli: %1 holds no files; nothing to write\n").arg(fileLabel()));
                return ExitOk;
            }
            return fail(Status(StatusCode::InvalidArgument, tr("%1 has no attachments").arg(fileLabel())));
        }
    } else if (m_options.index > 0) {
        if (m_options.index > attachments.size())
            return fail(Status(StatusCode::InvalidArgument,
                tr("%1 has no attachment %2 (it has %3)")
                    .arg(fileLabel())
                    .arg(m_options.index)
                    .arg(attachments.size())));
        indices.append(m_options.index - 1);
    } else {
        for (int i = 0; i < attachments.size(); ++i) {
            if (attachments[i].name == m_options.name || attachments[i].path == m_options.name)
                indices.append(i);
        }
        if (indices.isEmpty())
            return fail(Status(
                StatusCode::InvalidArgument, tr("%1 has no attachment named \"%2\"").arg(fileLabel(), m_options.name)));
        if (indices.size() > 1)
            return fail(Status(StatusCode::InvalidArgument,
                tr("%1 has %2 attachments named \"%3\"; use --index")
                    .arg(fileLabel())
                    .arg(indices.size())
                    .arg(m_options.name)));
    }
    ProgressBar bar(tr("Extracting"), progressEnabled());
    // An entry that cannot be read is left out and named; the others are still written, and the
    // exit status says that not everything was.
    QList<Status> skipped;
    AttachmentExporter::Options options;
    options.skipped = &skipped;
    const auto written = AttachmentExporter::extract(
        *viewer.document(), indices, m_options.out, options, m_interrupt.token(), bar.callback());
    bar.finish();
    if (!written)
        return fail(written.status().withFile(fileLabel()));
    if (!m_options.quiet) {
        for (const QString &path : written.value())
            printErr(tr("folio-cli: wrote %1\n").arg(QDir::toNativeSeparators(path)));
    }
    if (skipped.isEmpty())
        return ExitOk;
    for (const Status &status : std::as_const(skipped))
        warn(tr("skipped: %1").arg(status.withFile(fileLabel()).message()));
    return fail(Status(StatusCode::Corrupt,
        tr("%1 of %2 entries could not be extracted (listed above); the other %3 were written")
            .arg(skipped.size())
            .arg(indices.size())
            .arg(indices.size() - skipped.size()))
                    .withFile(fileLabel()));
}
