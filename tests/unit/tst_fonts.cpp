// SPDX-License-Identifier: GPL-3.0-or-later
// The fonts pages are laid out with: declared families only, the same on every machine.
#include "../common/testpaths.h"
#include "fonts.h"
#include "viewer.h"

#include <QBuffer>
#include <QFile>
#include <QFontInfo>
#include <QGuiApplication>
#include <QTest>

using namespace folio;

class TestFonts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The Debian packages the code names are the ones the project declares (and so installs, and
    // the .deb recommends): packaging/fonts.list.
    void declaredPackagesAreListed()
    {
        QFile list(test::sourceDir() + QStringLiteral("/packaging/fonts.list"));
        QVERIFY(list.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList packages;
        while (!list.atEnd()) {
            const QString line = QString::fromUtf8(list.readLine()).trimmed();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                packages.append(line);
        }
        for (const fonts::DeclaredFamily &declared : fonts::declaredFamilies())
            QVERIFY2(packages.contains(declared.package), declared.package.data());
    }

    // The tests run under a fontconfig that holds exactly the declared fonts.
    void everyDeclaredFamilyIsInstalled()
    {
        QVERIFY2(fonts::missingFamilies().isEmpty(), qPrintable(fonts::missingFamilies().join(u", ")));
        for (const fonts::Role role : {fonts::Role::Sans, fonts::Role::Serif, fonts::Role::Mono}) {
            const QFont font = fonts::font(role, 10);
            QCOMPARE(QFontInfo(font).family(), fonts::family(role));
        }
        QVERIFY(QFontInfo(fonts::font(fonts::Role::Mono, 10)).fixedPitch());
    }

    void substitutes_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("families"); // separated by |
        QTest::newRow("calibri") << QStringLiteral("Calibri") << QStringLiteral("Carlito|DejaVu Sans");
        QTest::newRow("cambria") << QStringLiteral("Cambria") << QStringLiteral("Caladea|DejaVu Serif");
        QTest::newRow("arial") << QStringLiteral("Arial") << QStringLiteral("Liberation Sans|DejaVu Sans");
        QTest::newRow("times") << QStringLiteral("Times New Roman") << QStringLiteral("Liberation Serif|DejaVu Serif");
        QTest::newRow("courier") << QStringLiteral("Courier New") << QStringLiteral("Liberation Mono|DejaVu Sans Mono");
        QTest::newRow("declared itself") << QStringLiteral("Liberation Serif")
                                         << QStringLiteral("Liberation Serif|DejaVu Serif");
        QTest::newRow("dejavu") << QStringLiteral("DejaVu Sans Mono") << QStringLiteral("DejaVu Sans Mono");
        QTest::newRow("case") << QStringLiteral("  CALIBRI ") << QStringLiteral("Carlito|DejaVu Sans");
        QTest::newRow("css serif") << QStringLiteral("serif") << QStringLiteral("DejaVu Serif");
        QTest::newRow("css sans-serif") << QStringLiteral("sans-serif") << QStringLiteral("DejaVu Sans");
        QTest::newRow("css monospace") << QStringLiteral("monospace") << QStringLiteral("DejaVu Sans Mono");
        // Installed on some machines, not declared: never used, whatever is installed.
        QTest::newRow("noto mono") << QStringLiteral("Noto Sans Mono") << QStringLiteral("DejaVu Sans Mono");
        QTest::newRow("georgia") << QStringLiteral("Georgia") << QStringLiteral("DejaVu Serif");
        QTest::newRow("garamond") << QStringLiteral("EB Garamond") << QStringLiteral("DejaVu Serif");
        QTest::newRow("source code") << QStringLiteral("Source Code Pro") << QStringLiteral("DejaVu Sans Mono");
        QTest::newRow("unknown") << QStringLiteral("Frutiger") << QStringLiteral("DejaVu Sans");
        QTest::newRow("none") << QStringLiteral("") << QStringLiteral("DejaVu Sans");
    }
    void substitutes()
    {
        QFETCH(QString, requested);
        QFETCH(QString, families);
        QCOMPARE(fonts::substitutes(requested), families.split(u'|'));
    }

    // The README's promise: a plain-text page is a grid of 91 × 70 DejaVu Sans Mono cells on every
    // machine with the declared fonts (with Noto Sans Mono as the system's monospace font, a grid
    // measured from the system's font held 59 lines).
    void textGridIsTheDeclaredOne_data()
    {
        QTest::addColumn<int>("lines");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("pages");
        QTest::newRow("1,000 short lines") << 1000 << 8 << 15;
        QTest::newRow("70 lines a page") << 70 << 8 << 1;
        QTest::newRow("71st line") << 71 << 8 << 2;
        QTest::newRow("91 columns") << 70 << 91 << 1;
        QTest::newRow("92nd column wraps") << 70 << 92 << 2;
    }
    void textGridIsTheDeclaredOne()
    {
        QFETCH(int, lines);
        QFETCH(int, width);
        QFETCH(int, pages);
        QByteArray text;
        for (int i = 0; i < lines; ++i)
            text += QByteArray(width, 'x') + '\n';
        auto device = std::make_unique<QBuffer>();
        device->setData(text);
        QVERIFY(device->open(QIODevice::ReadOnly));
        auto document = Viewer::load(std::move(device), QStringLiteral("lines.txt"), {}, {});
        QVERIFY2(document, qPrintable(document.status().message()));
        QVERIFY(document.value()->ensurePages(-1, {}));
        QCOMPARE(document.value()->pageCount(), pages);
    }
};

QTEST_MAIN(TestFonts)
#include "tst_fonts.moc"
