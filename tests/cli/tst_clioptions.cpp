// SPDX-License-Identifier: GPL-3.0-or-later
// folio-cli's option table (app/cli/clioptions.h) against everything made from it: each command
// and option appears in `folio-cli --help`, in the generated man page and in the generated bash
// completion (which completes it, and its value as the table says), and folio-cli's parser takes
// each option on the commands the table gives it and refuses it on the others. A list that drops,
// adds or misspells an option fails here.
#include "../common/testpaths.h"
#include "clioptions.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cli;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QString &folder)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("did not finish");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// How the man page spells text: its hyphens escaped.
QString roff(const QString &text)
{
    return QString(text).replace(QLatin1Char('-'), QLatin1String("\\-"));
}

// A section of the man page: from ".SH TITLE" to the next ".SH".
QString manSection(const QString &man, const QString &title)
{
    const qsizetype start = man.indexOf(QStringLiteral("\n.SH ") + title + QLatin1Char('\n'));
    if (start < 0)
        return {};
    const qsizetype end = man.indexOf(QLatin1String("\n.SH "), start + 1);
    return man.mid(start, end < 0 ? -1 : end - start);
}

QStringList words(const QString &text)
{
    QStringList list = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    list.sort();
    return list;
}

const OptionSpec &option(const QByteArray &name)
{
    return *findOption(QString::fromLatin1(name));
}

} // namespace

class TestCliOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder")));
        QFile file(m_dir.filePath(QStringLiteral("file.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        const Run help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        m_help = help.out;
        m_man = readText(qEnvironmentVariable("FOLIO_CLI_MAN_PAGE"));
        QVERIFY2(m_man.startsWith(QLatin1String(".\\\"")), "FOLIO_CLI_MAN_PAGE names no man page");
        QVERIFY2(!m_man.contains(QLatin1String("@CLI_")), "a placeholder of the man page was left");
        m_completion = qEnvironmentVariable("FOLIO_CLI_COMPLETION");
        const QString script = readText(m_completion);
        QVERIFY2(script.contains(QLatin1String("complete -F _folio_cli folio-cli")), qPrintable(m_completion));
        QVERIFY2(!script.contains(QLatin1String("@CLI_")), "a placeholder of the completion was left");
    }

    // The synopsis lines are written by hand: they may name only options of their command.
    void synopsisNamesOwnOptions_data() { commandRows(); }
    void synopsisNamesOwnOptions()
    {
        QFETCH(QString, name);
        const CommandSpec &command = *findCommand(name);
        static const QRegularExpression named(QStringLiteral("--([a-z][a-z0-9-]*)"));
        for (const auto &match : named.globalMatch(QString::fromUtf8(command.synopsis))) {
            const OptionSpec *option = findOption(match.captured(1));
            QVERIFY2(option && option->appliesTo(command), qPrintable(match.captured()));
        }
    }

    void commandIsDocumented_data() { commandRows(); }
    void commandIsDocumented()
    {
        QFETCH(QString, name);
        QVERIFY2(m_help.contains(
                     QRegularExpression(QStringLiteral("^  %1 FILE").arg(name), QRegularExpression::MultilineOption)),
            "missing from --help");
        QVERIFY2(
            manSection(m_man, QStringLiteral("SYNOPSIS")).contains(QStringLiteral("\\fBfolio\\-cli %1\\fR").arg(name)),
            "missing from the man page's synopsis");
        QVERIFY2(manSection(m_man, QStringLiteral("COMMANDS")).contains(QStringLiteral(".TP\n\\fB%1\\fR").arg(name)),
            "missing from the man page's commands");
        QVERIFY2(complete(QStringLiteral("folio-cli ")).contains(name), "not completed");
    }

    void optionInHelp_data() { optionRows(); }
    void optionInHelp()
    {
        QFETCH(QByteArray, name);
        const OptionSpec &spec = option(name);
        QString line = QStringLiteral("^  (-[a-z], )?") + QRegularExpression::escape(spec.longName());
        if (spec.takesValue())
            line += QLatin1Char(' ') + QRegularExpression::escape(QLatin1String(spec.valueName));
        line += QLatin1String("( |$)");
        QVERIFY2(m_help.contains(QRegularExpression(line, QRegularExpression::MultilineOption)), qPrintable(line));
    }

    void optionInManPage_data() { optionRows(); }
    void optionInManPage()
    {
        QFETCH(QByteArray, name);
        const OptionSpec &spec = option(name);
        QString label = QStringLiteral("\\fB") + roff(spec.longName()) + QStringLiteral("\\fR");
        if (spec.takesValue())
            label += QStringLiteral(" \\fI%1\\fR").arg(QLatin1String(spec.valueName));
        const QRegularExpression item(
            QStringLiteral("^\\.TP\\n.*") + QRegularExpression::escape(label) + QLatin1Char('$'),
            QRegularExpression::MultilineOption);
        QVERIFY2(manSection(m_man, QStringLiteral("OPTIONS")).contains(item), qPrintable(label));
    }

    // Offered after "--" on every command that takes it (and before the command when global),
    // its value completed as the table says.
    void optionInCompletion_data() { optionRows(); }
    void optionInCompletion()
    {
        QFETCH(QByteArray, name);
        const OptionSpec &spec = option(name);
        if (spec.isGlobal())
            QVERIFY2(
                complete(QStringLiteral("folio-cli --")).contains(spec.longName()), "not offered before a command");
        for (const QString &command : commandNames(spec)) {
            QVERIFY2(complete(QStringLiteral("folio-cli %1 file.txt --").arg(command)).contains(spec.longName()),
                qPrintable(command));
        }
        if (!spec.takesValue())
            return;
        const QStringList values
            = complete(QStringLiteral("folio-cli %1 file.txt %2 ").arg(commandNames(spec).first(), spec.longName()));
        switch (spec.completion) {
        case Completion::None:
            QCOMPARE(values, QStringList());
            break;
        case Completion::File:
            QCOMPARE(values, QStringList({QStringLiteral("file.txt"), QStringLiteral("folder")}));
            break;
        case Completion::Directory:
            QCOMPARE(values, QStringList {QStringLiteral("folder")});
            break;
        case Completion::Choices:
            QCOMPARE(values, words(QLatin1String(spec.choices)));
            break;
        }
    }

    // Taken by the commands of the table (whatever else is then wrong with the command line),
    // refused by the others.
    void optionParsed_data() { optionRows(); }
    void optionParsed()
    {
        QFETCH(QByteArray, name);
        const OptionSpec &spec = option(name);
        for (const CommandSpec &command : commands()) {
            const QString commandName = QLatin1String(command.name);
            QStringList arguments = {commandName, QStringLiteral("missing.pdf"), spec.longName()};
            if (spec.takesValue())
                arguments.append(QStringLiteral("1"));
            const Run result = runCli(arguments);
            const QString refused = QStringLiteral("%1 does not apply to %2").arg(spec.longName(), commandName);
            QVERIFY2(!result.err.contains(QLatin1String("unknown option")), qPrintable(result.err));
            QVERIFY2(!result.err.contains(QLatin1String("needs a value"))
                    && !result.err.contains(QLatin1String("takes no value")),
                qPrintable(result.err));
            if (spec.appliesTo(command)) {
                QVERIFY2(result.exitCode >= 0 && result.exitCode <= 2, qPrintable(commandName + result.err));
                QVERIFY2(!result.err.contains(refused), qPrintable(result.err));
            } else {
                QCOMPARE(result.exitCode, 2);
                QVERIFY2(result.err.contains(refused), qPrintable(result.err));
            }
        }
    }

private:
    static void commandRows()
    {
        QTest::addColumn<QString>("name");
        for (const CommandSpec &command : commands())
            QTest::newRow(command.name) << QString::fromLatin1(command.name);
    }

    static void optionRows()
    {
        QTest::addColumn<QByteArray>("name");
        for (const OptionSpec &option : options())
            QTest::newRow(option.name) << QByteArray(option.name);
    }

    Run runCli(const QStringList &arguments) const
    {
        return run(folio::test::binDir() + QStringLiteral("/folio-cli"), arguments, m_dir.path());
    }

    // What the generated completion offers for the last word of `line`, sorted (bash without the
    // bash-completion package, in a folder holding file.txt and folder/).
    QStringList complete(const QString &line)
    {
        if (const auto cached = m_completions.constFind(line); cached != m_completions.cend())
            return *cached;
        const QString completeLine = folio::test::sourceDir() + QStringLiteral("/packaging/desktop/complete-line.sh");
        const Run result = run(QStringLiteral("bash"), {completeLine, m_completion, line}, m_dir.path());
        if (result.exitCode != 0)
            qWarning("bash: %s", qPrintable(result.err));
        QStringList offered = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        offered.sort();
        m_completions.insert(line, offered);
        return offered;
    }

    QTemporaryDir m_dir;
    QString m_help;
    QString m_man;
    QString m_completion;
    QHash<QString, QStringList> m_completions;
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
