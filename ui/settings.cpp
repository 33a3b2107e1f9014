// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QMap>
#include <QMutex>
#include <QSettings>
#include <QThreadPool>

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

// The settings as the GUI sees them: in memory, read from QSettings once, changed at once, and
// written to disk by a thread of its own. QSettings writes its whole file and syncs it to disk on
// every change (a QSettings going out of scope flushes): tens of milliseconds on a busy disk,
// which the GUI thread must not wait for when a document opens or the sidebar is dragged.
//
// Threads: value(), setValue(), remove() and childGroups() may be called from any thread; the
// mutex guards the values and the queue of changes and is never held during disk I/O. The writer
// thread is the only one that touches QSettings after the first read; it applies the queued
// changes in order.
class Store
{
public:
    static Store &instance()
    {
        static Store store;
        return store;
    }

    QVariant value(const QString &key, const QVariant &fallback = {})
    {
        const QMutexLocker locker(&m_mutex);
        load();
        return m_values.value(key, fallback);
    }

    void setValue(const QString &key, const QVariant &value)
    {
        const QMutexLocker locker(&m_mutex);
        load();
        m_values.insert(key, value);
        m_pending.append({key, value, false});
        queueWrite();
    }

    // Removes `key` and every key under it ("export" removes "export/dpi").
    void remove(const QString &key)
    {
        const QMutexLocker locker(&m_mutex);
        load();
        const QString prefix = key + QLatin1Char('/');
        m_values.remove(key);
        for (auto it = m_values.lowerBound(prefix); it != m_values.end() && it.key().startsWith(prefix);)
            it = m_values.erase(it);
        m_pending.append({key, {}, true});
        queueWrite();
    }

    // The groups directly under `group`.
    QStringList childGroups(const QString &group)
    {
        const QMutexLocker locker(&m_mutex);
        load();
        const QString prefix = group + QLatin1Char('/');
        QStringList groups;
        for (auto it = m_values.lowerBound(prefix); it != m_values.end() && it.key().startsWith(prefix); ++it) {
            const qsizetype slash = it.key().indexOf(QLatin1Char('/'), prefix.size());
            if (slash < 0)
                continue;
            const QString child = it.key().mid(prefix.size(), slash - prefix.size());
            if (groups.isEmpty() || groups.constLast() != child)
                groups.append(child);
        }
        return groups;
    }

    // Waits until every change is on disk.
    void flush() { m_writer.waitForDone(); }

private:
    struct Change
    {
        QString key;
        QVariant value;
        bool remove = false;
    };

    Store()
    {
        m_writer.setMaxThreadCount(1); // changes are written in the order they were made
        m_writer.setObjectName(QStringLiteral("folio-settings"));
        // Written before the application object goes (QSettings needs its names).
        qAddPostRoutine([] { Store::instance().flush(); });
    }

    // Reads the settings of the application's current names (tests change them) if not yet read.
    // Called with the mutex held.
    void load()
    {
        const QString scope
            = QCoreApplication::organizationName() + QLatin1Char('\n') + QCoreApplication::applicationName();
        if (scope == m_scope)
            return;
        if (!m_scope.isEmpty()) {
            m_mutex.unlock(); // the writer takes it to pick up the changes of the old names
            m_writer.waitForDone();
            m_mutex.lock();
        }
        m_scope = scope;
        m_organisation = QCoreApplication::organizationName();
        m_application = QCoreApplication::applicationName();
        m_values.clear();
        m_pending.clear();
        const QSettings settings;
        for (const QString &key : settings.allKeys())
            m_values.insert(key, settings.value(key));
    }

    // Called with the mutex held.
    void queueWrite()
    {
        if (m_writeQueued)
            return;
        m_writeQueued = true;
        // Everything the writer needs it takes under the mutex: the task itself carries nothing
        // (QThreadPool hands it over under a lock ThreadSanitizer cannot see).
        m_writer.start([] { Store::instance().writePending(); });
    }

    // On the writer thread.
    void writePending()
    {
        QList<Change> changes;
        QString organisation;
        QString application;
        {
            const QMutexLocker locker(&m_mutex);
            changes.swap(m_pending);
            organisation = m_organisation;
            application = m_application;
            m_writeQueued = false;
        }
        QSettings settings(organisation, application);
        for (const Change &change : std::as_const(changes)) {
            if (change.remove)
                settings.remove(change.key);
            else
                settings.setValue(change.key, change.value);
        }
        settings.sync();
    }

    QMutex m_mutex;
    QString m_scope; // the names the values were read for
    QString m_organisation;
    QString m_application;
    QMap<QString, QVariant> m_values;
    QList<Change> m_pending;
    bool m_writeQueued = false;
    QThreadPool m_writer;
};

QVariant value(const QString &key, const QVariant &fallback = {})
{
    return Store::instance().value(key, fallback);
}

void setValue(const QString &key, const QVariant &value)
{
    Store::instance().setValue(key, value);
}

// The keys of one group, read and written with their group's prefix.
class Group
{
public:
    explicit Group(const QString &group)
        : m_prefix(group + QLatin1Char('/'))
    { }
    QVariant value(const QString &key, const QVariant &fallback = {}) const
    {
        return Settings::value(m_prefix + key, fallback);
    }
    void setValue(const QString &key, const QVariant &value) const { Settings::setValue(m_prefix + key, value); }

private:
    QString m_prefix;
};

// Drops the least recently used states beyond MaxDocumentStates.
void pruneDocumentStates()
{
    const QStringList keys = Store::instance().childGroups(DocumentsGroup);
    if (keys.size() > MaxDocumentStates) {
        const Group documents(DocumentsGroup);
        QList<QPair<qint64, QString>> byAge;
        for (const QString &key : keys)
            byAge.append({documents.value(key + QLatin1String("/used")).toLongLong(), key});
        std::sort(byAge.begin(), byAge.end());
        for (qsizetype i = 0; i < byAge.size() - MaxDocumentStates; ++i)
            Store::instance().remove(DocumentsGroup + QLatin1Char('/') + byAge[i].second);
    }
}

} // namespace

std::chrono::milliseconds timeout()
{
    bool ok = false;
    const qlonglong ms = value(TimeoutKey, qlonglong(DefaultTimeout.count())).toLongLong(&ok);
    return ok && ms >= 0 ? std::chrono::milliseconds(ms) : DefaultTimeout;
}

void setTimeout(std::chrono::milliseconds timeout)
{
    setValue(TimeoutKey, qlonglong(timeout.count()));
}

QStringList recentFiles()
{
    QStringList files = value(RecentFilesKey).toStringList();
    files.removeAll(QString());
    files.removeDuplicates();
    return files.mid(0, MaxRecentFiles);
}

void addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    setValue(RecentFilesKey, files.mid(0, MaxRecentFiles));
}

void removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    setValue(RecentFilesKey, files);
}

void clearRecentFiles()
{
    Store::instance().remove(RecentFilesKey);
}

QByteArray windowGeometry()
{
    return value(GeometryKey).toByteArray();
}

QByteArray windowState()
{
    return value(StateKey).toByteArray();
}

void setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    setValue(GeometryKey, geometry);
    setValue(StateKey, state);
}

DocumentState documentState(const QString &path)
{
    const Group settings(DocumentsGroup + QLatin1Char('/') + documentKey(path));
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
    state.coverAlone = settings.value(QStringLiteral("coverAlone"), false).toBool();
    state.rightToLeft = settings.value(QStringLiteral("rightToLeft"), false).toBool();
    state.colors = defaultPageColors();
    if (const auto mode = PageColors::modeFromName(settings.value(QStringLiteral("colors")).toString()))
        state.colors.mode = *mode;
    state.colors.keepPictures = settings.value(QStringLiteral("keepPictures"), state.colors.keepPictures).toBool();
    return state;
}

void setDocumentState(const QString &path, const DocumentState &state)
{
    const Group settings(DocumentsGroup + QLatin1Char('/') + documentKey(path));
    settings.setValue(QStringLiteral("path"), path);
    settings.setValue(QStringLiteral("page"), state.page);
    settings.setValue(QStringLiteral("zoom"), state.zoom);
    settings.setValue(QStringLiteral("zoomMode"), state.zoomMode);
    settings.setValue(QStringLiteral("rotation"), state.rotation);
    settings.setValue(QStringLiteral("continuous"), state.continuous);
    settings.setValue(QStringLiteral("facing"), state.facing);
    settings.setValue(QStringLiteral("coverAlone"), state.coverAlone);
    settings.setValue(QStringLiteral("rightToLeft"), state.rightToLeft);
    settings.setValue(QStringLiteral("colors"), PageColors::name(state.colors.mode));
    settings.setValue(QStringLiteral("keepPictures"), state.colors.keepPictures);
    settings.setValue(QStringLiteral("used"), QDateTime::currentMSecsSinceEpoch());
    pruneDocumentStates();
}

QByteArray archiveEncoding()
{
    return value(QStringLiteral("archives/encoding")).toString().toLatin1();
}

void setArchiveEncoding(const QByteArray &encoding)
{
    if (encoding.isEmpty())
        Store::instance().remove(QStringLiteral("archives/encoding"));
    else
        setValue(QStringLiteral("archives/encoding"), QString::fromLatin1(encoding));
}

Limits limits()
{
    Limits limits;
    auto read = [](const char *key, auto fallback) {
        bool ok = false;
        const qlonglong value = Settings::value(QLatin1String(key), qlonglong(fallback)).toLongLong(&ok);
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
    auto stored = [](qint64 value) { return value == std::numeric_limits<qint64>::max() ? 0 : value; };
    setValue(QStringLiteral("limits/maxEntrySize"), qlonglong(stored(limits.maxEntrySize)));
    setValue(QStringLiteral("limits/maxTotalExtracted"), qlonglong(stored(limits.maxTotalExtracted)));
    setValue(QStringLiteral("limits/maxCompressionRatio"), limits.maxCompressionRatio);
    setValue(QStringLiteral("limits/maxEntries"), qlonglong(stored(limits.maxEntries)));
}

PageColors defaultPageColors()
{
    PageColors colors;
    if (const auto mode = PageColors::modeFromName(value(QStringLiteral("view/colors")).toString()))
        colors.mode = *mode;
    const QColor paper = QColor::fromString(value(QStringLiteral("view/paper")).toString());
    const QColor ink = QColor::fromString(value(QStringLiteral("view/ink")).toString());
    colors.paper = paper.isValid() ? paper : QColor(0x1e, 0x1e, 0x1e);
    colors.ink = ink.isValid() ? ink : QColor(0xd8, 0xd8, 0xd8);
    colors.keepPictures = value(QStringLiteral("view/keepPictures"), false).toBool();
    return colors;
}

void setDefaultPageColors(const PageColors &colors)
{
    setValue(QStringLiteral("view/colors"), PageColors::name(colors.mode));
    setValue(QStringLiteral("view/paper"), colors.paper.name(QColor::HexRgb));
    setValue(QStringLiteral("view/ink"), colors.ink.name(QColor::HexRgb));
    setValue(QStringLiteral("view/keepPictures"), colors.keepPictures);
}

RenderOptions viewOptions()
{
    const int known = int(RenderOption::RenderComments | RenderOption::RenderNotes | RenderOption::RenderHiddenPages
        | RenderOption::RenderGridLines | RenderOption::RenderHeadings | RenderOption::RenderTrackedChanges);
    return RenderOptions::fromInt(value(QStringLiteral("view/options"), 0).toInt() & known);
}

void setViewOptions(RenderOptions options)
{
    setValue(QStringLiteral("view/options"), options.toInt());
}

ExportChoices exportChoices()
{
    const Group settings(QStringLiteral("export"));
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

void resetExportChoices()
{
    Store::instance().remove(QStringLiteral("export"));
}

void setExportChoices(const ExportChoices &choices)
{
    const Group settings(QStringLiteral("export"));
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
    const int mib = value(CacheBudgetKey, DefaultCacheBudgetMiB).toInt(&ok);
    return ok && mib >= 16 ? mib : DefaultCacheBudgetMiB;
}

void setCacheBudgetMiB(int mib)
{
    setValue(CacheBudgetKey, mib);
}

bool sidebarVisible()
{
    return value(SidebarVisibleKey, true).toBool();
}

int sidebarPage()
{
    return value(SidebarPageKey, 0).toInt();
}

void setSidebar(bool visible, int page)
{
    setValue(SidebarVisibleKey, visible);
    setValue(SidebarPageKey, page);
}

int sidebarWidth()
{
    bool ok = false;
    const int width = value(SidebarWidthKey, DefaultSidebarWidth).toInt(&ok);
    return ok && width >= 80 ? width : DefaultSidebarWidth;
}

void setSidebarWidth(int width)
{
    setValue(SidebarWidthKey, width);
}

QString lastSaveFolder()
{
    const QString folder = value(QStringLiteral("attachments/lastSaveFolder")).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QString();
}

void setLastSaveFolder(const QString &folder)
{
    setValue(QStringLiteral("attachments/lastSaveFolder"), folder);
}

WindowTheme windowTheme()
{
    const QString name = value(QStringLiteral("view/windowTheme")).toString();
    if (name == QLatin1String("dark"))
        return WindowTheme::Dark;
    return name == QLatin1String("light") ? WindowTheme::Light : WindowTheme::System;
}

void setWindowTheme(WindowTheme theme)
{
    setValue(QStringLiteral("view/windowTheme"),
        theme == WindowTheme::Dark        ? QStringLiteral("dark")
            : theme == WindowTheme::Light ? QStringLiteral("light")
                                          : QStringLiteral("system"));
}

QString annotationAuthor()
{
    const QString author = value(QStringLiteral("annotations/author")).toString();
    if (!author.isEmpty())
        return author;
    const QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return login;
}

void setAnnotationAuthor(const QString &author)
{
    setValue(QStringLiteral("annotations/author"), author.trimmed());
}

QString presentationScreen()
{
    return value(QStringLiteral("presentation/screen")).toString();
}

void setPresentationScreen(const QString &name)
{
    setValue(QStringLiteral("presentation/screen"), name);
}

Session lastSession()
{
    Session session;
    session.files = value(QStringLiteral("session/files")).toStringList();
    session.current
        = std::clamp(value(QStringLiteral("session/current")).toInt(), 0, std::max(0, int(session.files.size()) - 1));
    return session;
}

void setLastSession(const Session &session)
{
    setValue(QStringLiteral("session/files"), session.files);
    setValue(QStringLiteral("session/current"), session.current);
}

bool restoreSession()
{
    return value(QStringLiteral("session/restore"), false).toBool();
}

void setRestoreSession(bool restore)
{
    setValue(QStringLiteral("session/restore"), restore);
}

void flush()
{
    Store::instance().flush();
}

} // namespace folio::Settings
