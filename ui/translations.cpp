// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace folio {

namespace {

// Marks the translators installed here, so that a later call can replace them.
QString translatorName()
{
    return QStringLiteral("folio-translator");
}

// Installs a translator owned by `app` when it loads; the last installed is searched first.
template<typename... Args>
bool install(QCoreApplication &app, Args &&...args)
{
    auto *translator = new QTranslator(&app);
    translator->setObjectName(translatorName());
    if (!translator->load(std::forward<Args>(args)...)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

void installTranslators(QCoreApplication &app)
{
    installTranslators(app, QLocale::system());
}

void installTranslators(QCoreApplication &app, const QLocale &locale)
{
    // Deleting a translator uninstalls it.
    qDeleteAll(app.findChildren<QTranslator *>(translatorName(), Qt::FindDirectChildrenOnly));

    install(
        app, locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    // English first, so that a message the locale's catalogue lacks still gets English plurals.
    install(app, QStringLiteral(":/i18n/folio_en.qm"));
    if (locale.language() != QLocale::English && locale.language() != QLocale::C)
        install(app, locale, QStringLiteral("folio"), QStringLiteral("_"), QStringLiteral(":/i18n"));
}

} // namespace folio
