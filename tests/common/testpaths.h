// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QString>

// The folders the tests need: the source tree, the build's bin/ (folio, folio-cli) and the
// optional external corpus. They are read at run time from folio-test-paths.txt beside the test
// executables (written by tests/CMakeLists.txt), not compiled in: an absolute path in a compile
// definition would make every clone's test objects different, and ccache could not share them.
namespace folio::test {

inline QString testPath(const QString &key)
{
    static const QHash<QString, QString> paths = [] {
        const QString folder = QCoreApplication::instance()
            ? QCoreApplication::applicationDirPath()
            : QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
        QHash<QString, QString> read;
        QFile file(folder + QStringLiteral("/folio-test-paths.txt"));
        if (file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine()).trimmed();
                const qsizetype equals = line.indexOf(QLatin1Char('='));
                if (equals > 0)
                    read.insert(line.left(equals), line.mid(equals + 1));
            }
        }
        return read;
    }();
    const QString path = paths.value(key);
    if (path.isEmpty())
        qFatal("folio-test-paths.txt beside the test has no \"%s\": run the tests from their build folder",
            qPrintable(key));
    return path;
}

// The project's source folder.
inline QString sourceDir()
{
    return testPath(QStringLiteral("source"));
}
// A file of tests/data.
inline QString dataFile(const QString &name)
{
    return sourceDir() + QStringLiteral("/tests/data/") + name;
}
// The build's bin/ folder, where folio and folio-cli are.
inline QString binDir()
{
    return testPath(QStringLiteral("bin"));
}
// The external corpus (FOLIO_CORPUS_DIR; may not exist).
inline QString corpusDir()
{
    return testPath(QStringLiteral("corpus"));
}

} // namespace folio::test
