// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace folio;

namespace {

QString translate(const char *context, const char *source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

QString pages(int n)
{
    return translate("folio::PropertiesDialog", "%Ln page(s)", n);
}

} // namespace

// The catalogues embedded in viewer_ui (translations/*.ts) and how installTranslators() picks them.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void cataloguesAreEmbedded()
    {
        QVERIFY(QFileInfo::exists(QStringLiteral(":/i18n/folio_de.qm")));
        QVERIFY(QFileInfo::exists(QStringLiteral(":/i18n/folio_en.qm")));
    }

    void german()
    {
        installTranslators(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(translate("folio::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(translate("folio::MainWindow", "Zoom &In"), QStringLiteral("Ver&größern"));
        QCOMPARE(translate("folio::Status", "Cancelled"), QStringLiteral("Abgebrochen"));
        QCOMPARE(pages(1), QStringLiteral("1 Seite"));
        QCOMPARE(pages(2), QStringLiteral("2 Seiten"));
        // %Ln uses the default locale's digits and separators.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(pages(2000), QStringLiteral("2.000 Seiten"));
    }

    // The English source texts say "%Ln page(s)": the English catalogue supplies the forms.
    void englishPlurals_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom);
        // No Folio catalogue for these: English text, still with the right plurals.
        QTest::newRow("fr_FR") << QLocale(QLocale::French, QLocale::France);
        QTest::newRow("C") << QLocale::c();
    }

    void englishPlurals()
    {
        QFETCH(QLocale, locale);
        installTranslators(*QCoreApplication::instance(), locale);
        QCOMPARE(pages(1), QStringLiteral("1 page"));
        QCOMPARE(pages(2), QStringLiteral("2 pages"));
        QCOMPARE(pages(0), QStringLiteral("0 pages"));
        QCOMPARE(pages(2000), QStringLiteral("2,000 pages"));
        QCOMPARE(translate("folio::MainWindow", "&File"), QStringLiteral("&File"));
    }

    // A second call replaces the first one's translators instead of stacking on them.
    void replacesEarlierTranslators()
    {
        QCoreApplication &app = *QCoreApplication::instance();
        installTranslators(app, QLocale(QLocale::German, QLocale::Germany));
        installTranslators(app, QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(app.findChildren<QTranslator *>().size(), qsizetype(2) + hasQtCatalogue("de"));
        installTranslators(app, QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(translate("folio::MainWindow", "&File"), QStringLiteral("&File"));
        QCOMPARE(app.findChildren<QTranslator *>().size(), qsizetype(1) + hasQtCatalogue("en"));
    }

    // Qt's own messages (button texts) come from the system's qtbase catalogue when installed
    // (Debian: qt6-translations-l10n).
    void qtMessages()
    {
        if (!hasQtCatalogue("de"))
            QSKIP("qtbase_de.qm is not installed (qt6-translations-l10n)");
        installTranslators(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
    }

private:
    static bool hasQtCatalogue(const char *language)
    {
        return QFileInfo::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_")
            + QLatin1String(language) + QStringLiteral(".qm"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
