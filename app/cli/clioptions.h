// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <span>

// The one definition of folio-cli's commands and options. The parser, --help, the man page and
// the bash completion are all made from these tables (the last two at build time, by
// folio-clidocs), so none of them can forget or misspell an option.
namespace cli {

// The commands as bits, for the options that only some of them accept.
enum CommandBit : unsigned {
    Info = 1u << 0,
    Render = 1u << 1,
    Text = 1u << 2,
    Attachments = 1u << 3,
    Extract = 1u << 4,
    Find = 1u << 5,
    Annotations = 1u << 6,
};

// Where --help and the man page list an option.
enum class Section { Global, Commands, Render, View, Limits };

// How a shell completes an option's value.
enum class Completion {
    None, // free text: nothing to offer
    File,
    Directory,
    Choices, // the words of OptionSpec::choices
};

struct CommandSpec
{
    const char *name;
    CommandBit bit;
    // What follows "folio-cli NAME", as --help shows it: the first line names what the command
    // needs; further lines (after '\n') list its options.
    const char *synopsis;
    const char *summary;
};

struct OptionSpec
{
    const char *name; // without the dashes: "max-entry-size"
    const char *valueName = nullptr; // "SIZE"; nullptr for a flag
    unsigned commands = 0; // CommandBits of the commands that accept it; 0: every command
    Section section = Section::Global;
    const char *help = ""; // plain text: --help wraps it, the man page marks it up
    Completion completion = Completion::None;
    const char *choices = nullptr; // Completion::Choices: words separated by spaces
    char shortName = 0; // the one-letter alias of a flag: 'h' for -h

    QString longName() const { return QStringLiteral("--") + QLatin1String(name); }
    bool takesValue() const { return valueName != nullptr; }
    bool isGlobal() const { return commands == 0; }
    bool appliesTo(const CommandSpec &command) const { return isGlobal() || (commands & command.bit) != 0; }
};

struct SectionSpec
{
    Section section;
    unsigned commands; // the commands all of its options are for; 0 when that varies
    const char *title;
    const char *note; // said once for the whole section, or nullptr
};

std::span<const CommandSpec> commands();
std::span<const OptionSpec> options();
std::span<const SectionSpec> sections();

// nullptr for a name that is not in the tables. Names are without the dashes.
const CommandSpec *findCommand(const QString &name);
const OptionSpec *findOption(const QString &name);
const OptionSpec *findShortOption(QChar letter);

// The names of the commands that accept `option`, in table order.
QStringList commandNames(const OptionSpec &option);
// What --help and the man page say about `option`: its help text, followed by the commands that
// accept it when its section is not about those alone ("the result as JSON (info, attachments)").
QString description(const OptionSpec &option);

} // namespace cli
