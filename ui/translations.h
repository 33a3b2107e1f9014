// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;
class QLocale;

namespace folio {

// Installs the translators for QLocale::system(): Qt's own messages (qtbase, from
// QLibraryInfo::TranslationsPath, when the system has them) and Folio's, embedded in viewer_ui
// under :/i18n. Folio's English catalogue is always installed beneath the locale's one: it holds
// the plural forms of the %n messages ("1 page", "2 pages"), which the English source texts
// ("%n page(s)") lack. Call once after creating the application, before any window.
void installTranslators(QCoreApplication &app);
// The same for `locale`. Replaces the translators an earlier call installed.
void installTranslators(QCoreApplication &app, const QLocale &locale);

} // namespace folio
