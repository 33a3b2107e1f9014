// SPDX-License-Identifier: GPL-3.0-or-later
#include "fonts.h"

#include "logging.h"

#include <QFontDatabase>
#include <QFontInfo>
#include <QGuiApplication>
#include <QHash>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <mutex>
#include <optional>

namespace folio::fonts {

namespace {

constexpr QLatin1String DejaVuSans("DejaVu Sans");
constexpr QLatin1String DejaVuSerif("DejaVu Serif");
constexpr QLatin1String DejaVuMono("DejaVu Sans Mono");
constexpr QLatin1String LiberationSans("Liberation Sans");
constexpr QLatin1String LiberationSerif("Liberation Serif");
constexpr QLatin1String LiberationMono("Liberation Mono");
constexpr QLatin1String Carlito("Carlito");
constexpr QLatin1String Caladea("Caladea");

// Metric-compatible stand-ins (the same advance widths, so the same line and page breaks as the
// author saw) and, for the few popular fonts without one, the closest declared family. LibreOffice
// makes the same substitutions.
const QHash<QString, QLatin1String> &substituteTable()
{
    static const QHash<QString, QLatin1String> table = {
        {QStringLiteral("calibri"), Carlito},
        {QStringLiteral("calibri light"), Carlito},
        {QStringLiteral("aptos"), Carlito}, // no metric twin; Carlito is the nearest in width
        {QStringLiteral("cambria"), Caladea},
        {QStringLiteral("cambria math"), Caladea},
        {QStringLiteral("arial"), LiberationSans},
        {QStringLiteral("arial nova"), LiberationSans},
        {QStringLiteral("arimo"), LiberationSans},
        {QStringLiteral("helvetica"), LiberationSans},
        {QStringLiteral("helvetica neue"), LiberationSans},
        {QStringLiteral("times new roman"), LiberationSerif},
        {QStringLiteral("times"), LiberationSerif},
        {QStringLiteral("tinos"), LiberationSerif},
        {QStringLiteral("courier new"), LiberationMono},
        {QStringLiteral("courier"), LiberationMono},
        {QStringLiteral("cousine"), LiberationMono},
        {QStringLiteral("consolas"), LiberationMono},
    };
    return table;
}

QLatin1String roleFamily(Role role)
{
    switch (role) {
    case Role::Serif:
        return DejaVuSerif;
    case Role::Mono:
        return DejaVuMono;
    case Role::Sans:
        break;
    }
    return DejaVuSans;
}

void reportOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { (void)missingFamilies(); });
}

} // namespace

const QList<DeclaredFamily> &declaredFamilies()
{
    static const QList<DeclaredFamily> families = {
        {DejaVuSans, QLatin1String("fonts-dejavu-core"), Role::Sans},
        {DejaVuSerif, QLatin1String("fonts-dejavu-core"), Role::Serif},
        {DejaVuMono, QLatin1String("fonts-dejavu-core"), Role::Mono},
        {LiberationSans, QLatin1String("fonts-liberation2"), Role::Sans},
        {LiberationSerif, QLatin1String("fonts-liberation2"), Role::Serif},
        {LiberationMono, QLatin1String("fonts-liberation2"), Role::Mono},
        {Carlito, QLatin1String("fonts-crosextra-carlito"), Role::Sans},
        {Caladea, QLatin1String("fonts-crosextra-caladea"), Role::Serif},
    };
    return families;
}

QString family(Role role)
{
    reportOnce();
    return roleFamily(role);
}

QFont font(Role role, qreal pointSize)
{
    QFont font(family(role));
    font.setPointSizeF(pointSize);
    font.setHintingPreference(QFont::PreferNoHinting);
    // Only consulted when the declared family is missing: the fallback is then of the same kind.
    switch (role) {
    case Role::Sans:
        font.setStyleHint(QFont::SansSerif);
        break;
    case Role::Serif:
        font.setStyleHint(QFont::Serif);
        break;
    case Role::Mono:
        font.setStyleHint(QFont::Monospace);
        font.setFixedPitch(true);
        break;
    }
    return font;
}

Role roleOf(const QString &requested)
{
    const QString key = requested.trimmed().toLower();
    if (key == QLatin1String("monospace") || key == QLatin1String("ui-monospace"))
        return Role::Mono;
    if (key == QLatin1String("serif") || key == QLatin1String("ui-serif"))
        return Role::Serif;
    for (const DeclaredFamily &declared : declaredFamilies()) {
        if (key == QString(declared.family).toLower())
            return declared.role;
    }
    if (const auto found = substituteTable().constFind(key); found != substituteTable().cend())
        return roleOf(*found);
    if (key.contains(QLatin1String("mono")) || key.contains(QLatin1String("courier"))
        || key.contains(QLatin1String("code")) || key.contains(QLatin1String("console"))
        || key.contains(QLatin1String("typewriter")))
        return Role::Mono;
    if (key.contains(QLatin1String("sans")) || key.contains(QLatin1String("gothic")))
        return Role::Sans;
    static const QLatin1String serifWords[] = {QLatin1String("serif"), QLatin1String("times"), QLatin1String("roman"),
        QLatin1String("georgia"), QLatin1String("garamond"), QLatin1String("book"), QLatin1String("palatino"),
        QLatin1String("baskerville"), QLatin1String("minion"), QLatin1String("caslon"), QLatin1String("bodoni"),
        QLatin1String("cambria"), QLatin1String("mincho"), QLatin1String("song"), QLatin1String("ming")};
    for (const QLatin1String &word : serifWords) {
        if (key.contains(word))
            return Role::Serif;
    }
    return Role::Sans;
}

QStringList substitutes(const QString &requested)
{
    reportOnce();
    const QString key = requested.trimmed().toLower();
    const Role role = roleOf(requested);
    QStringList families;
    for (const DeclaredFamily &declared : declaredFamilies()) {
        if (key == QString(declared.family).toLower())
            families.append(declared.family);
    }
    if (const auto found = substituteTable().constFind(key); found != substituteTable().cend())
        families.append(*found);
    const QString last = roleFamily(role);
    if (!families.contains(last))
        families.append(last);
    return families;
}

void pinFamilies(QTextDocument &document, const QStringList &allowed)
{
    QStringList known = allowed;
    for (const DeclaredFamily &declared : declaredFamilies())
        known.append(declared.family);
    const auto isKnown = [&known](const QStringList &families) {
        for (const QString &family : families) {
            if (!known.contains(family, Qt::CaseInsensitive))
                return false;
        }
        return true;
    };
    // The families a run asks for, empty when it inherits the document's default.
    const auto familiesOf = [](const QTextCharFormat &format) {
        QStringList families = format.fontFamilies().toStringList();
        if (families.isEmpty() && format.hasProperty(QTextFormat::FontFamily))
            families.append(format.stringProperty(QTextFormat::FontFamily));
        families.removeAll(QString());
        return families;
    };
    // The replacement for a run's format, or nothing when it may stay as it is.
    const auto pinned = [&](const QTextCharFormat &format) -> std::optional<QTextCharFormat> {
        const QStringList families = familiesOf(format);
        QStringList wanted;
        if (families.isEmpty()) {
            if (!format.fontFixedPitch())
                return std::nullopt;
            wanted = {roleFamily(Role::Mono)};
        } else if (isKnown(families)) {
            return std::nullopt;
        } else if (format.fontFixedPitch()) {
            wanted = {roleFamily(Role::Mono)};
        } else {
            // The first family the run names that Folio knows wins (a book's own font, then a
            // declared one); otherwise the stand-ins for the first name.
            for (const QString &family : families) {
                if (known.contains(family, Qt::CaseInsensitive)) {
                    wanted = {family};
                    break;
                }
            }
            if (wanted.isEmpty())
                wanted = substitutes(families.first());
        }
        QTextCharFormat replacement;
        replacement.setFontFamilies(wanted);
        replacement.setProperty(QTextFormat::FontFamily, wanted.first());
        return replacement;
    };
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        QTextCursor cursor(block);
        if (const auto replacement = pinned(block.charFormat()))
            cursor.mergeBlockCharFormat(*replacement);
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            if (const auto replacement = pinned(fragment.charFormat())) {
                cursor.setPosition(fragment.position());
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
                cursor.mergeCharFormat(*replacement);
            }
        }
    }
}

QStringList missingFamilies()
{
    static const QStringList missing = [] {
        QStringList result;
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
            return result;
        const QStringList installed = QFontDatabase::families();
        for (const DeclaredFamily &declared : declaredFamilies()) {
            if (!installed.contains(declared.family, Qt::CaseInsensitive))
                result.append(QStringLiteral("%1 (%2)").arg(declared.family, declared.package));
        }
        // What fontconfig would have chosen: for --verbose, and for the test that changes the
        // system's defaults and expects the same pages.
        const auto resolved = [](const char *generic) { return QFontInfo(QFont(QLatin1String(generic))).family(); };
        qCDebug(lcCore).noquote() << "fonts: the system's defaults (not used for layout): sans-serif"
                                  << resolved("sans-serif") << "| serif" << resolved("serif") << "| monospace"
                                  << resolved("monospace");
        if (result.isEmpty()) {
            qCDebug(lcCore).noquote() << "fonts: every declared family is installed";
        } else {
            for (const QString &family : std::as_const(result))
                qCDebug(lcCore).noquote() << "fonts: missing" << family
                                          << "- the system's fallback is used instead, so pages may break "
                                             "differently from other machines";
        }
        return result;
    }();
    return missing;
}

} // namespace folio::fonts
