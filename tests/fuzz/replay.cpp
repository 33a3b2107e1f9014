// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_replay: the fuzz targets' code without libFuzzer, so that inputs that once crashed stay
// tested in every build and under that build's sanitizers (ctest fuzz_regressions).
//
//     fuzz_replay PATH...
//
// PATH is a file or a folder (read recursively). A file inside a folder named after a family
// (tests/fuzz/regressions/pdf/crash-1234) goes to that family only; any other file goes to every
// family. Prints what it replayed and the slowest input; a crash or a sanitizer report fails it.
#include "fuzzing.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace {

QStringList filesUnder(const QString &path)
{
    if (!QFileInfo(path).isDir())
        return {path};
    QStringList files;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

} // namespace

int main(int argc, char *argv[])
{
    folio::fuzz::initialize(&argc, &argv);
    const QStringList families = folio::fuzz::families();
    int inputs = 0;
    int runs = 0;
    qint64 slowestMs = 0;
    QString slowest;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        if (!QFileInfo::exists(path)) {
            std::fprintf(stderr, "fuzz_replay: %s: no such file or folder\n", argv[i]);
            return 2;
        }
        for (const QString &file : filesUnder(path)) {
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "fuzz_replay: %s: %s\n", qPrintable(file), qPrintable(in.errorString()));
                return 2;
            }
            const QByteArray bytes = in.readAll();
            const QString folder = QFileInfo(file).dir().dirName();
            const QStringList targets = families.contains(folder) ? QStringList {folder} : families;
            ++inputs;
            for (const QString &family : targets) {
                QElapsedTimer timer;
                timer.start();
                folio::fuzz::testOneInput(
                    family, reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
                ++runs;
                if (timer.elapsed() > slowestMs) {
                    slowestMs = timer.elapsed();
                    slowest = family + QLatin1Char(' ') + file;
                }
            }
        }
    }
    std::printf("fuzz_replay: %d inputs, %d runs, no crash; slowest %lld ms (%s)\n", inputs, runs,
        static_cast<long long>(slowestMs), qPrintable(slowest));
    return 0;
}
