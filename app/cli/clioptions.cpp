// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioptions.h"

#include <algorithm>
#include <array>

namespace cli {

namespace {

constexpr std::array Commands = {
    CommandSpec {"info", Info, "FILE [--json]", "format, pages and their sizes (points) and labels, metadata, form"},
    CommandSpec {"render", Render,
        "FILE --out DIR\n"
        "[--format png|jpg|html|pdf] [--pages 1,3-5] [--dpi N | --width PX | --height PX]\n"
        "[--max-width PX] [--max-height PX] [--quality 1-100] [--rotate 0|90|180|270]\n"
        "[--embed-resources | --external-resources] [--threads N]\n"
        "[--watermark TEXT [--watermark-color COLOR] [--watermark-size PT] [--watermark-angle DEG]]\n"
        "[--colors normal|invert|invert-lightness|sepia|custom [--paper COLOR] [--ink COLOR] [--keep-pictures]]",
        "pages to DIR/page-N.png|jpg|html, or DIR/NAME.pdf"},
    CommandSpec {"text", Text, "FILE [--pages LIST]", "plain text on stdout, pages separated by \\f"},
    CommandSpec {"find", Find, "FILE TEXT [--regex] [--match-case] [--whole-words] [--pages LIST] [--json]",
        "where TEXT occurs: one line per hit (page: context); exit 0 when found, 5 when not"},
    CommandSpec {"attachments", Attachments, "FILE [--json]", "embedded files: index, size, name"},
    CommandSpec {"annotations", Annotations, "FILE [--pages LIST] [--json]",
        "notes, highlights, drawings: page, type, rectangle (points), date, author, contents"},
    CommandSpec {"extract", Extract, "FILE (--index N | --name NAME | --all) --out DIR",
        "embedded files (or archive entries) into DIR"},
};

constexpr std::array Sections = {
    SectionSpec {Section::Global, 0, "Global options", nullptr},
    SectionSpec {Section::Commands, 0, "Options of the commands", nullptr},
    SectionSpec {Section::Render, Render, "Render options", nullptr},
    SectionSpec {Section::View, 0, "View options (used by info, render and text)", nullptr},
    SectionSpec {Section::Limits, 0, "Safety limits for archives, comic books and compressed files",
        "0 means no limit. SIZE is bytes or a number with K, M, G or T (powers of 1024): 512M, 2G."},
};

constexpr std::array Options = {
    // Global
    OptionSpec {
        .name = "timeout", .valueName = "DURATION", .help = "stop after 500ms, 2s, 1m ... (0 = no limit, the default)"},
    OptionSpec {.name = "password", .valueName = "PW", .help = "password of an encrypted document"},
    OptionSpec {.name = "archive-encoding",
        .valueName = "NAME",
        .help = "code page of archive entry names stored without one (CP437, CP866, Shift_JIS, GBK...); "
                "detected by default"},
    OptionSpec {.name = "quiet", .help = "no progress bar, no summary"},
    OptionSpec {.name = "verbose", .help = "debug logging (also: QT_LOGGING_RULES=\"folio.*.debug=true\")"},
    OptionSpec {.name = "help", .help = "show a summary of the commands and options", .shortName = 'h'},
    OptionSpec {.name = "version", .help = "show the version"},

    // Options of some commands
    OptionSpec {.name = "json",
        .commands = Info | Attachments | Find | Annotations,
        .section = Section::Commands,
        .help = "the result as JSON"},
    OptionSpec {.name = "out",
        .valueName = "DIR",
        .commands = Render | Extract,
        .section = Section::Commands,
        .help = "the folder to write to, created when missing",
        .completion = Completion::Directory},
    OptionSpec {.name = "pages",
        .valueName = "LIST",
        .commands = Render | Text | Find | Annotations,
        .section = Section::Commands,
        .help = "the pages, in this order: 1,3-5 · 8- (to the last) · 5-3 (backwards); every page by default. "
                "Where a PDF names its pages, a label that names one page stands for it (iv, i-iv); "
                "numbers always mean page numbers"},
    OptionSpec {.name = "regex",
        .commands = Find,
        .section = Section::Commands,
        .help = "TEXT is a regular expression (Perl syntax, as QRegularExpression reads it)"},
    OptionSpec {.name = "match-case",
        .commands = Find,
        .section = Section::Commands,
        .help = "upper and lower case differ (by default they match each other)"},
    OptionSpec {.name = "whole-words",
        .commands = Find,
        .section = Section::Commands,
        .help = "a hit must not have a letter or digit right before or after it"},
    OptionSpec {.name = "index",
        .valueName = "N",
        .commands = Extract,
        .section = Section::Commands,
        .help = "the attachment with index N, as listed by attachments"},
    OptionSpec {.name = "name",
        .valueName = "NAME",
        .commands = Extract,
        .section = Section::Commands,
        .help = "the attachment whose name or path is NAME"},
    OptionSpec {.name = "all", .commands = Extract, .section = Section::Commands, .help = "every attachment"},

    // Render
    OptionSpec {.name = "format",
        .valueName = "FORMAT",
        .commands = Render,
        .section = Section::Render,
        .help = "png (the default), jpg, html (one file per page), or pdf: one file, DIR/NAME.pdf, NAME being "
                "FILE's name without its extension",
        .completion = Completion::Choices,
        .choices = "png jpg html pdf"},
    OptionSpec {.name = "dpi",
        .valueName = "N",
        .commands = Render,
        .section = Section::Render,
        .help = "resolution of page pictures, 1 to 4800 (default 150); PDF and HTML use it for the pictures of "
                "pages that cannot be written as text"},
    OptionSpec {.name = "width",
        .valueName = "PX",
        .commands = Render,
        .section = Section::Render,
        .help = "page pictures this many pixels wide instead (the aspect is kept); --dpi, --width and --height "
                "exclude each other"},
    OptionSpec {.name = "height",
        .valueName = "PX",
        .commands = Render,
        .section = Section::Render,
        .help = "page pictures this many pixels high instead (the aspect is kept)"},
    OptionSpec {.name = "max-width",
        .valueName = "PX",
        .commands = Render,
        .section = Section::Render,
        .help = "at most this many pixels wide: the resolution is lowered to fit"},
    OptionSpec {.name = "max-height",
        .valueName = "PX",
        .commands = Render,
        .section = Section::Render,
        .help = "at most this many pixels high: the resolution is lowered to fit"},
    OptionSpec {.name = "quality",
        .valueName = "Q",
        .commands = Render,
        .section = Section::Render,
        .help = "JPEG quality from 1 to 100 (default 90)"},
    OptionSpec {.name = "rotate",
        .valueName = "DEG",
        .commands = Render,
        .section = Section::Render,
        .help = "turn the pages clockwise by 0, 90, 180 or 270 degrees",
        .completion = Completion::Choices,
        .choices = "0 90 180 270"},
    OptionSpec {.name = "embed-resources",
        .commands = Render,
        .section = Section::Render,
        .help = "HTML: pictures inside the page files (the default)"},
    OptionSpec {.name = "external-resources",
        .commands = Render,
        .section = Section::Render,
        .help = "HTML: pictures written once into DIR/resources/"},
    OptionSpec {.name = "threads",
        .valueName = "N",
        .commands = Render,
        .section = Section::Render,
        .help = "pages rendered at the same time (default: one per processor)"},
    OptionSpec {.name = "colors",
        .valueName = "MODE",
        .commands = Render,
        .section = Section::Render,
        .help = "page colours: normal, invert, invert-lightness (dark pages, hues kept), sepia, or custom with "
                "--paper and --ink",
        .completion = Completion::Choices,
        .choices = "normal invert invert-lightness sepia custom"},
    OptionSpec {.name = "paper",
        .valueName = "COLOR",
        .commands = Render,
        .section = Section::Render,
        .help = "with --colors custom: what white becomes (a name or #RRGGBB; default white)"},
    OptionSpec {.name = "ink",
        .valueName = "COLOR",
        .commands = Render,
        .section = Section::Render,
        .help = "with --colors custom: what black becomes (default black)"},
    OptionSpec {.name = "keep-pictures",
        .commands = Render,
        .section = Section::Render,
        .help = "with --colors: leave pictures as they are (photos and comic pages)"},
    OptionSpec {.name = "watermark",
        .valueName = "TEXT",
        .commands = Render,
        .section = Section::Render,
        .help = "TEXT written across every page, shrunk to fit it"},
    OptionSpec {.name = "watermark-color",
        .valueName = "COLOR",
        .commands = Render,
        .section = Section::Render,
        .help = "a name (red, gray) or #RRGGBB, #AARRGGBB with AA the opacity (default #50C80000: a light red)",
        .completion = Completion::Choices,
        .choices = "red gray black blue green #50C80000"},
    OptionSpec {.name = "watermark-size",
        .valueName = "PT",
        .commands = Render,
        .section = Section::Render,
        .help = "its font size before any shrinking (default 72)"},
    OptionSpec {.name = "watermark-angle",
        .valueName = "DEG",
        .commands = Render,
        .section = Section::Render,
        .help = "clockwise turn of the text (default -45: rising to the right)"},

    // View options: accepted everywhere, used where pages are laid out
    OptionSpec {.name = "render-comments",
        .section = Section::View,
        .help = "include comments of Office documents (margin notes), and their text"},
    OptionSpec {.name = "render-notes", .section = Section::View, .help = "include the speaker notes of presentations"},
    OptionSpec {.name = "render-hidden", .section = Section::View, .help = "include hidden sheets and slides"},
    OptionSpec {.name = "render-grid",
        .section = Section::View,
        .help = "spreadsheets: print the grid on every sheet (default: as each sheet's print settings say)"},
    OptionSpec {.name = "render-headings",
        .section = Section::View,
        .help = "spreadsheets: print column letters and row numbers on every sheet (default: as each sheet says)"},
    OptionSpec {.name = "render-tracked-changes",
        .section = Section::View,
        .help = "word processing: show tracked changes as markup, insertions underlined and deletions struck "
                "through (default: the text with every change accepted)"},

    // Limits
    OptionSpec {.name = "max-entry-size",
        .valueName = "SIZE",
        .section = Section::Limits,
        .help = "largest entry or compressed file to unpack (default 1G)"},
    OptionSpec {.name = "max-total-size",
        .valueName = "SIZE",
        .section = Section::Limits,
        .help = "most data to unpack in all, e.g. by extract --all (default 4G)"},
    OptionSpec {.name = "max-ratio",
        .valueName = "N",
        .section = Section::Limits,
        .help = "highest compression ratio of data over 1 MiB (default 200)"},
    OptionSpec {.name = "max-entries",
        .valueName = "N",
        .section = Section::Limits,
        .help = "most entries in one archive (default 1000000)"},
};

} // namespace

std::span<const CommandSpec> commands()
{
    return Commands;
}

std::span<const OptionSpec> options()
{
    return Options;
}

std::span<const SectionSpec> sections()
{
    return Sections;
}

const CommandSpec *findCommand(const QString &name)
{
    const auto found = std::find_if(Commands.begin(), Commands.end(),
        [&](const CommandSpec &command) { return name == QLatin1String(command.name); });
    return found == Commands.end() ? nullptr : &*found;
}

const OptionSpec *findOption(const QString &name)
{
    const auto found = std::find_if(
        Options.begin(), Options.end(), [&](const OptionSpec &option) { return name == QLatin1String(option.name); });
    return found == Options.end() ? nullptr : &*found;
}

const OptionSpec *findShortOption(QChar letter)
{
    const auto found = std::find_if(Options.begin(), Options.end(),
        [&](const OptionSpec &option) { return option.shortName != 0 && letter == QLatin1Char(option.shortName); });
    return found == Options.end() ? nullptr : &*found;
}

QStringList commandNames(const OptionSpec &option)
{
    QStringList names;
    for (const CommandSpec &command : Commands) {
        if (option.appliesTo(command))
            names.append(QLatin1String(command.name));
    }
    return names;
}

QString description(const OptionSpec &option)
{
    const QString help = QString::fromUtf8(option.help);
    const auto section = std::find_if(
        Sections.begin(), Sections.end(), [&](const SectionSpec &spec) { return spec.section == option.section; });
    if (option.isGlobal() || (section != Sections.end() && section->commands == option.commands))
        return help;
    return QStringLiteral("%1 (%2)").arg(help, commandNames(option).join(QLatin1String(", ")));
}

} // namespace cli
