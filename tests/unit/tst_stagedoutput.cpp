// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporters/stagedoutput.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace folio;

namespace {
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}
} // namespace

class TestStagedOutput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commitRenamesEverything()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("out"));
        StagedOutput output;
        QVERIFY(output.prepare(dir).isOk());
        for (const char *name : {"page-1.png", "page-2.png"}) {
            auto file = output.stage(QLatin1String(name));
            QVERIFY(file.isOk());
            file.value()->write(name);
        }
        // Before commit only hidden temporary files exist.
        const QStringList staged = entries(dir);
        QCOMPARE(staged.size(), 2);
        for (const QString &name : staged)
            QVERIFY(name.startsWith(QLatin1String(".folio-")) && name.endsWith(QLatin1String(".part")));
        const auto written = output.commit();
        QVERIFY(written.isOk());
        QCOMPARE(entries(dir), (QStringList {QStringLiteral("page-1.png"), QStringLiteral("page-2.png")}));
        QCOMPARE(contents(QDir(dir).filePath(QStringLiteral("page-2.png"))), QByteArray("page-2.png"));
    }

    void commitReplacesExistingFiles()
    {
        QTemporaryDir dir;
        QFile old(dir.filePath(QStringLiteral("a.txt")));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        StagedOutput output;
        QVERIFY(output.prepare(dir.path()).isOk());
        output.stage(QStringLiteral("a.txt")).value()->write("new");
        QVERIFY(output.commit().isOk());
        QCOMPARE(contents(old.fileName()), QByteArray("new"));
    }

    void destructionWithoutCommitLeavesNothing()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("new/deeper"));
        {
            StagedOutput output;
            QVERIFY(output.prepare(dir).isOk());
            output.stage(QStringLiteral("x.png")).value()->write("data");
            QVERIFY(QFileInfo::exists(dir));
        }
        QVERIFY(!QFileInfo::exists(dir)); // the folder it created is removed again
    }

    void existingFolderIsKept()
    {
        QTemporaryDir dir;
        {
            StagedOutput output;
            QVERIFY(output.prepare(dir.path()).isOk());
            output.stage(QStringLiteral("x.png")).value()->write("data");
        }
        QVERIFY(QFileInfo::exists(dir.path()));
        QCOMPARE(entries(dir.path()), QStringList());
    }

    void fileInTheWay()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        StagedOutput output;
        const Status status = output.prepare(path);
        QCOMPARE(status.code(), StatusCode::IoError);
        QVERIFY(status.message().contains(QStringLiteral("is not a folder")));
    }

    void sanitize_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "notes.txt"
                               << "notes.txt";
        QTest::newRow("parent dirs") << "../../evil.txt"
                                     << "evil.txt";
        QTest::newRow("absolute") << "/etc/passwd"
                                  << "passwd";
        QTest::newRow("windows") << "C:\\Windows\\evil.dll"
                                 << "evil.dll";
        // A leading dot is part of the name (OOXML's _rels/.rels, macOS's ._file).
        QTest::newRow("hidden") << ".bashrc"
                                << ".bashrc";
        QTest::newRow("apple double") << "._photo.jpg"
                                      << "._photo.jpg";
        QTest::newRow("dot") << "."
                             << "attachment";
        QTest::newRow("dots only") << ".."
                                   << "attachment";
        QTest::newRow("empty") << ""
                               << "attachment";
        QTest::newRow("control chars") << QStringLiteral("a\nb\x01.txt") << "a_b_.txt";
        QTest::newRow("unicode") << QStringLiteral("résumé ✓.pdf") << QStringLiteral("résumé ✓.pdf");
    }
    void sanitize()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(sanitizeFileName(name), expected);
    }

    void sanitizePath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nested") << "docs/a/notes.txt"
                                << "docs/a/notes.txt";
        QTest::newRow("parent dirs") << "../../etc/passwd"
                                     << "etc/passwd";
        QTest::newRow("parent in the middle") << "a/../../b.txt"
                                              << "a/b.txt";
        QTest::newRow("absolute") << "/abs/x"
                                  << "abs/x";
        QTest::newRow("windows") << "..\\..\\win.txt"
                                 << "win.txt";
        QTest::newRow("hidden folder") << ".git/config"
                                       << ".git/config";
        QTest::newRow("only dots") << "../.."
                                   << "attachment";
        QTest::newRow("drive") << "C:/x.txt"
                               << "C_/x.txt";
    }
    void sanitizePath()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(sanitizeRelativePath(path), expected);
    }

    void foldersAreCreatedAndRemovedAgain()
    {
        QTemporaryDir root;
        {
            StagedOutput output;
            QVERIFY(output.prepare(root.path()).isOk());
            QVERIFY(output.stage(QStringLiteral("a/b/c.txt")));
            QVERIFY(QFileInfo(root.filePath(QStringLiteral("a/b"))).isDir());
            for (const QString &unsafe : {QStringLiteral("../x"), QStringLiteral("a/../../x"), QStringLiteral("/x"),
                     QStringLiteral("a//x"), QStringLiteral("a/./x")})
                QCOMPARE(output.stage(unsafe).status().code(), StatusCode::InvalidArgument);
        }
        QCOMPARE(entries(root.path()), QStringList()); // not committed: the folders are gone too
        {
            StagedOutput output;
            QVERIFY(output.prepare(root.path()).isOk());
            output.stage(QStringLiteral("a/b/c.txt")).value()->write("c");
            QVERIFY(output.commit());
        }
        QCOMPARE(contents(root.filePath(QStringLiteral("a/b/c.txt"))), QByteArray("c"));
    }

    void linkedFolderIsNotWrittenThrough()
    {
        QTemporaryDir root;
        QTemporaryDir elsewhere;
        QVERIFY(QFile::link(elsewhere.path(), root.filePath(QStringLiteral("docs"))));
        StagedOutput output;
        QVERIFY(output.prepare(root.path()).isOk());
        const auto staged = output.stage(QStringLiteral("docs/x.txt"));
        QCOMPARE(staged.status().code(), StatusCode::IoError);
        QCOMPARE(entries(elsewhere.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestStagedOutput)
#include "tst_stagedoutput.moc"
