// SPDX-License-Identifier: GPL-3.0-or-later
#include "../common/testpaths.h"
#include "translations.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

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

// One <message> of a Qt Linguist catalogue (.ts), as lupdate writes it.
struct CatalogueMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; // the translation's type: "" (finished), "unfinished", "obsolete" or "vanished"
    QStringList forms; // the translation, or its <numerusform>s
};

// Reads translations/folio_<language>.ts from the source tree: the catalogue as committed, not
// as compiled (lrelease -nounfinished drops unfinished messages without a word).
QList<CatalogueMessage> readCatalogue(const QString &language, QString *error)
{
    const QString path = folio::test::sourceDir() + QStringLiteral("/translations/folio_%1.ts").arg(language);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    QList<CatalogueMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QStringView element = xml.name();
        if (element == u"TS" || element == u"context") {
            continue; // descend
        } else if (element == u"name") {
            context = xml.readElementText();
        } else if (element == u"message") {
            CatalogueMessage message;
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source") {
                    message.source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    message.type = xml.attributes().value(QLatin1StringView("type")).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == u"numerusform")
                                message.forms << xml.readElementText();
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        message.forms << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement(); // comments, locations
                }
            }
            messages << message;
        } else {
            xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QString describe(const CatalogueMessage &message, const QString &problem)
{
    return QStringLiteral("  %1 \"%2\": %3").arg(message.context, message.source, problem);
}

// %1…%99, %L1, %n and %Ln: what arg() and the plural machinery fill in.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

bool hasAccelerator(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("(?<!&)&(?![&\\s])"));
    return pattern.match(QString(text).remove(QStringLiteral("&&"))).hasMatch();
}

// English and German both have two plural forms: one, and other.
constexpr qsizetype PluralForms = 2;

// The problems of a catalogue's messages, one line each; empty when there are none.
QStringList catalogueProblems(const QList<CatalogueMessage> &messages, bool mustBeFinished)
{
    QStringList problems;
    for (const CatalogueMessage &message : messages) {
        if (message.type == u"obsolete" || message.type == u"vanished") {
            problems << describe(message, QStringLiteral("%1: no longer in the sources").arg(message.type));
            continue;
        }
        if (!mustBeFinished && !message.numerus)
            continue; // English source texts stand for themselves
        if (message.type == u"unfinished") {
            problems << describe(message, QStringLiteral("unfinished"));
            continue;
        }
        if (message.numerus && message.forms.size() != PluralForms) {
            problems << describe(
                message, QStringLiteral("%1 plural forms, not %2").arg(message.forms.size()).arg(PluralForms));
            continue;
        }
        for (const QString &form : message.forms) {
            if (form.isEmpty())
                problems << describe(message, QStringLiteral("empty translation"));
            else if (placeholders(form) != placeholders(message.source))
                problems << describe(message, QStringLiteral("placeholders differ in \"%1\"").arg(form));
            else if (hasAccelerator(message.source) != hasAccelerator(form))
                problems << describe(message, QStringLiteral("keyboard accelerator (&) differs in \"%1\"").arg(form));
        }
    }
    return problems;
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

    // Every message of the German catalogue is translated, and it holds nothing the sources no
    // longer say: after adding or changing a tr() text, run the update_translations target and
    // translate what it marks unfinished (lrelease would silently leave it out, showing English).
    void germanCatalogueIsComplete()
    {
        QString error;
        const QList<CatalogueMessage> messages = readCatalogue(QStringLiteral("de"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        const QStringList problems = catalogueProblems(messages, true);
        QVERIFY2(problems.isEmpty(),
            qPrintable(QStringLiteral("translations/folio_de.ts has %1 problem(s):\n").arg(problems.size())
                + problems.join(QLatin1Char('\n'))));
    }

    // English is the source language, so its catalogue only supplies the plural forms of the
    // "(s)" texts: every numerus message needs both.
    void englishCatalogueHasPluralForms()
    {
        QString error;
        const QList<CatalogueMessage> messages = readCatalogue(QStringLiteral("en"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(), [](const auto &m) { return m.numerus; }));
        const QStringList problems = catalogueProblems(messages, false);
        QVERIFY2(problems.isEmpty(),
            qPrintable(QStringLiteral("translations/folio_en.ts has %1 problem(s):\n").arg(problems.size())
                + problems.join(QLatin1Char('\n'))));
    }

    // The texts issue 18 found in English in a German session: the sidebar's tabs, the find bar
    // and the archive limits of the preferences, as the embedded catalogue gives them.
    void germanSidebarFindBarAndLimits()
    {
        installTranslators(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(translate("folio::DocumentView", "Contents"), QStringLiteral("Inhalt"));
        QCOMPARE(translate("folio::DocumentView", "Attachments"), QStringLiteral("Anhänge"));
        QCOMPARE(translate("folio::DocumentView", "Attachments (%1)"), QStringLiteral("Anhänge (%1)"));
        QCOMPARE(translate("folio::DocumentView", "Results"), QStringLiteral("Ergebnisse"));
        QCOMPARE(translate("folio::FindBar", "Match case"), QStringLiteral("Groß-/Kleinschreibung beachten"));
        QCOMPARE(translate("folio::FindBar", "Whole words"), QStringLiteral("Ganze Wörter"));
        QCOMPARE(translate("folio::FindBar", "Regular expression"), QStringLiteral("Regulärer Ausdruck"));
        QCOMPARE(translate("folio::FindBar", "Find in document"), QStringLiteral("Im Dokument suchen"));
        QCOMPARE(translate("folio::FindController", "No matches"), QStringLiteral("Keine Treffer"));
        QCOMPARE(translate("folio::PreferencesDialog", "Archive safety limits"),
            QStringLiteral("Sicherheitsgrenzen für Archive"));
        QCOMPARE(translate("folio::PreferencesDialog", "Largest &entry:"), QStringLiteral("Größter &Eintrag:"));
        QCOMPARE(translate("folio::PreferencesDialog", "Most e&ntries:"), QStringLiteral("&Höchstzahl an Einträgen:"));
        QCOMPARE(translate("folio::PreferencesDialog", " thousand"), QStringLiteral(" Tausend"));
        QCOMPARE(translate("folio::AttachmentPanel", "… and %n more", 1), QStringLiteral("… und 1 weiterer"));
        QCOMPARE(translate("folio::AttachmentPanel", "… and %n more", 3), QStringLiteral("… und 3 weitere"));
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
