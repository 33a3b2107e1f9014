// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <limits>

namespace folio::Settings {

namespace {
const QString TimeoutKey = QStringLiteral("timeout");
const QString RecentFilesKey = QStringLiteral("recentFiles");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString CacheBudgetKey = QStringLiteral("cacheBudget");
const QString SidebarVisibleKey = QStringLiteral("sidebar/visible");
const QString SidebarPageKey = QStringLiteral("sidebar/page");
const QString SidebarWidthKey = QStringLiteral("sidebar/width");
const QString DocumentsGroup = QStringLiteral("documents");

QString documentKey(const QString &path)
{
    return QString::fromLatin1(QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex());
}

// Drops the least recently used states beyond MaxDocumentStates.
void pruneDocumentStates(QSettings &settings)
{
    settings.beginGroup(DocumentsGroup);
    const QStringList keys = settings.childGroups();
    if (keys.size() > MaxDocumentStates) {
        QList<QPair<qint64, QString>> byAge;
        for (const QString &key : keys)
            byAge.append({settings.value(key + QLatin1String("/used")).toLongLong(), key});
        std::sort(byAge.begin(), byAge.end());
        for (qsizetype i = 0; i < byAge.size() - MaxDocumentStates; ++i)
            settings.remove(byAge[i].second);
    }
    settings.endGroup();
}

} // namespace

std::chrono::milliseconds timeout()
{
    bool ok = false;
    const qlonglong ms = QSettings().value(TimeoutKey, qlonglong(DefaultTimeout.count())).toLongLong(&ok);
    return ok && ms >= 0 ? std::chrono::milliseconds(ms) : DefaultTimeout;
}

void setTimeout(std::chrono::milliseconds timeout)
{
    QSettings().setValue(TimeoutKey, qlonglong(timeout.count()));
}

QStringList recentFiles()
{
    QStringList files = QSettings().value(RecentFilesKey).toStringList();
    files.removeAll(QString());
    files.removeDuplicates();
    return files.mid(0, MaxRecentFiles);
}

void addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    QSettings().setValue(RecentFilesKey, files.mid(0, MaxRecentFiles));
}

void removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    QSettings().setValue(RecentFilesKey, files);
}

void clearRecentFiles()
{
    QSettings().remove(RecentFilesKey);
}

QByteArray windowGeometry()
{
    return QSettings().value(GeometryKey).toByteArray();
}

QByteArray windowState()
{
    return QSettings().value(StateKey).toByteArray();
}

void setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    QSettings settings;
    settings.setValue(GeometryKey, geometry);
    settings.setValue(StateKey, state);
}

DocumentState documentState(const QString &path)
{
    QSettings settings;
    settings.beginGroup(DocumentsGroup + QLatin1Char('/') + documentKey(path));
    DocumentState state;
    // A hash collision must not move another document: the path is stored too.
    if (settings.value(QStringLiteral("path")).toString() != path)
        return state;
    state.valid = true;
    state.page = std::max(0, settings.value(QStringLiteral("page")).toInt());
    state.zoom = settings.value(QStringLiteral("zoom"), 1.0).toDouble();
    state.zoomMode = settings.value(QStringLiteral("zoomMode")).toInt();
    state.rotation = settings.value(QStringLiteral("rotation")).toInt();
    state.continuous = settings.value(QStringLiteral("continuous"), true).toBool();
    state.facing = settings.value(QStringLiteral("facing"), false).toBool();
    return state;
}

void setDocumentState(const QString &path, const DocumentState &state)
{
    QSettings settings;
    settings.beginGroup(DocumentsGroup + QLatin1Char('/') + documentKey(path));
    settings.setValue(QStringLiteral("path"), path);
    settings.setValue(QStringLiteral("page"), state.page);
    settings.setValue(QStringLiteral("zoom"), state.zoom);
    settings.setValue(QStringLiteral("zoomMode"), state.zoomMode);
    settings.setValue(QStringLiteral("rotation"), state.rotation);
    settings.setValue(QStringLiteral("continuous"), state.continuous);
    settings.setValue(QStringLiteral("facing"), state.facing);
    settings.setValue(QStringLiteral("used"), QDateTime::currentMSecsSinceEpoch());
    settings.endGroup();
    pruneDocumentStates(settings);
}

QByteArray archiveEncoding()
{
    return QSettings().value(QStringLiteral("archives/encoding")).toString().toLatin1();
}

void setArchiveEncoding(const QByteArray &encoding)
{
    QSettings settings;
    if (encoding.isEmpty())
        settings.remove(QStringLiteral("archives/encoding"));
    else
        settings.setValue(QStringLiteral("archives/encoding"), QString::fromLatin1(encoding));
}

Limits limits()
{
    QSettings settings;
    Limits limits;
    auto read = [&settings](const char *key, auto fallback) {
        bool ok = false;
        const qlonglong value = settings.value(QLatin1String(key), qlonglong(fallback)).toLongLong(&ok);
        return ok && value >= 0 ? decltype(fallback)(value) : fallback;
    };
    limits.maxEntrySize = read("limits/maxEntrySize", limits.maxEntrySize);
    limits.maxTotalExtracted = read("limits/maxTotalExtracted", limits.maxTotalExtracted);
    limits.maxCompressionRatio = read("limits/maxCompressionRatio", limits.maxCompressionRatio);
    limits.maxEntries = read("limits/maxEntries", limits.maxEntries);
    // Stored 0 means no limit; the sizes and counts then take their largest value.
    if (limits.maxEntrySize == 0)
        limits.maxEntrySize = std::numeric_limits<qint64>::max();
    if (limits.maxTotalExtracted == 0)
        limits.maxTotalExtracted = std::numeric_limits<qint64>::max();
    if (limits.maxEntries == 0)
        limits.maxEntries = std::numeric_limits<qint64>::max();
    return limits;
}

void setLimits(const Limits &limits)
{
    QSettings settings;
    auto store = [](qint64 value) { return value == std::numeric_limits<qint64>::max() ? 0 : value; };
    settings.setValue(QStringLiteral("limits/maxEntrySize"), qlonglong(store(limits.maxEntrySize)));
    settings.setValue(QStringLiteral("limits/maxTotalExtracted"), qlonglong(store(limits.maxTotalExtracted)));
    settings.setValue(QStringLiteral("limits/maxCompressionRatio"), limits.maxCompressionRatio);
    settings.setValue(QStringLiteral("limits/maxEntries"), qlonglong(store(limits.maxEntries)));
}

RenderOptions viewOptions()
{
    const int known = int(RenderOption::RenderComments | RenderOption::RenderNotes | RenderOption::RenderHiddenPages);
    return RenderOptions::fromInt(QSettings().value(QStringLiteral("view/options"), 0).toInt() & known);
}

void setViewOptions(RenderOptions options)
{
    QSettings().setValue(QStringLiteral("view/options"), options.toInt());
}

ExportChoices exportChoices()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    ExportChoices choices;
    ExportOptions &options = choices.options;
    // Out-of-range values (an edited file, an older version) fall back to the defaults.
    ExportOptions::Format format = ExportOptions::Format::Png;
    if (ExportOptions::formatFromName(settings.value(QStringLiteral("format")).toString(), format))
        options.format = format;
    const double dpi = settings.value(QStringLiteral("dpi"), options.dpi).toDouble();
    if (dpi >= 36 && dpi <= 1200)
        options.dpi = dpi;
    choices.useWidth = settings.value(QStringLiteral("useWidth"), false).toBool();
    options.width = std::clamp(settings.value(QStringLiteral("width"), 1240).toInt(), 16, 20000);
    options.quality = std::clamp(settings.value(QStringLiteral("quality"), 90).toInt(), 1, 100);
    options.resources = settings.value(QStringLiteral("resources")).toString() == QLatin1String("external")
        ? ExportOptions::Resources::External
        : ExportOptions::Resources::Embedded;
    const int rotation = settings.value(QStringLiteral("rotation"), 0).toInt();
    options.rotation = rotation % 90 == 0 ? ((rotation % 360) + 360) % 360 : 0;
    choices.watermark = settings.value(QStringLiteral("watermark"), false).toBool();
    options.watermark.text = settings.value(QStringLiteral("watermarkText")).toString();
    const QColor color = QColor::fromString(settings.value(QStringLiteral("watermarkColor")).toString());
    if (color.isValid())
        options.watermark.color = color;
    options.watermark.size
        = std::clamp(settings.value(QStringLiteral("watermarkSize"), options.watermark.size).toDouble(), 4.0, 1000.0);
    options.watermark.angle = std::clamp(
        settings.value(QStringLiteral("watermarkAngle"), options.watermark.angle).toDouble(), -180.0, 180.0);
    choices.folder = settings.value(QStringLiteral("folder")).toString();
    choices.document = settings.value(QStringLiteral("document")).toString();
    return choices;
}

void setExportChoices(const ExportChoices &choices)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    const ExportOptions &options = choices.options;
    settings.setValue(QStringLiteral("format"), options.extension());
    settings.setValue(QStringLiteral("dpi"), options.dpi);
    settings.setValue(QStringLiteral("useWidth"), choices.useWidth);
    settings.setValue(QStringLiteral("width"), options.width);
    settings.setValue(QStringLiteral("quality"), options.quality);
    settings.setValue(QStringLiteral("resources"),
        options.resources == ExportOptions::Resources::External ? QStringLiteral("external")
                                                                : QStringLiteral("embedded"));
    settings.setValue(QStringLiteral("rotation"), options.rotation);
    settings.setValue(QStringLiteral("watermark"), choices.watermark);
    settings.setValue(QStringLiteral("watermarkText"), options.watermark.text);
    settings.setValue(QStringLiteral("watermarkColor"), options.watermark.color.name(QColor::HexArgb));
    settings.setValue(QStringLiteral("watermarkSize"), options.watermark.size);
    settings.setValue(QStringLiteral("watermarkAngle"), options.watermark.angle);
    settings.setValue(QStringLiteral("folder"), choices.folder);
    settings.setValue(QStringLiteral("document"), choices.document);
}

int cacheBudgetMiB()
{
    bool ok = false;
    const int mib = QSettings().value(CacheBudgetKey, DefaultCacheBudgetMiB).toInt(&ok);
    return ok && mib >= 16 ? mib : DefaultCacheBudgetMiB;
}

void setCacheBudgetMiB(int mib)
{
    QSettings().setValue(CacheBudgetKey, mib);
}

bool sidebarVisible()
{
    return QSettings().value(SidebarVisibleKey, true).toBool();
}

int sidebarPage()
{
    return QSettings().value(SidebarPageKey, 0).toInt();
}

void setSidebar(bool visible, int page)
{
    QSettings settings;
    settings.setValue(SidebarVisibleKey, visible);
    settings.setValue(SidebarPageKey, page);
}

int sidebarWidth()
{
    bool ok = false;
    const int width = QSettings().value(SidebarWidthKey, DefaultSidebarWidth).toInt(&ok);
    return ok && width >= 80 ? width : DefaultSidebarWidth;
}

void setSidebarWidth(int width)
{
    QSettings().setValue(SidebarWidthKey, width);
}

QString lastSaveFolder()
{
    const QString folder = QSettings().value(QStringLiteral("attachments/lastSaveFolder")).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QString();
}

void setLastSaveFolder(const QString &folder)
{
    QSettings().setValue(QStringLiteral("attachments/lastSaveFolder"), folder);
}

} // namespace folio::Settings
