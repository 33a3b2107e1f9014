// SPDX-License-Identifier: GPL-3.0-or-later
// Shared fixtures of the GUI tests: generated documents and a scriptable fake Document.
#pragma once

#include "../common/testpaths.h"
#include "document.h"
#include "loadeddocument.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMouseEvent>
#include <QPainter>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QThread>
#include <QWidget>

#include <atomic>
#include <memory>
#include <mutex>

namespace folio::test {

// The first visible child of type T of `window` (dialogs, message boxes), or nullptr.
template<typename T>
T *visibleChild(QWidget *window)
{
    for (T *child : window->findChildren<T *>()) {
        if (child->isVisible())
            return child;
    }
    return nullptr;
}

// The action whose text, without mnemonics, is `text`, or nullptr.
inline QAction *actionNamed(QWidget *window, const QString &text)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')) == text)
            return action;
    }
    return nullptr;
}

// A press at `from`, four moves and a release at `to` on `viewport` with `button`.
inline void drag(QWidget *viewport, QPointF from, QPointF to, Qt::MouseButton button = Qt::LeftButton)
{
    const auto send = [&](QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
        QMouseEvent event(type, at, viewport->mapToGlobal(at), button, buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &event);
    };
    send(QEvent::MouseButtonPress, from, button);
    for (int step = 1; step <= 4; ++step)
        send(QEvent::MouseMove, from + (to - from) * step / 4.0, button);
    send(QEvent::MouseButtonRelease, to, Qt::NoButton);
}

// Keeps the tests away from the user's settings.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FolioTest"));
    QCoreApplication::setApplicationName(QStringLiteral("folio-gui-tests"));
}

inline QString sourceDataFile(const char *name)
{
    return folio::test::dataFile(QLatin1String(name));
}

// Copies a checked-in fixture into `dir` and returns the copy's path.
inline QString copyFixture(const QDir &dir, const char *name)
{
    const QString target = dir.filePath(QLatin1String(name));
    QFile::remove(target);
    return QFile::copy(sourceDataFile(name), target) ? target : QString();
}

// A PDF of `pages` A5 pages, each with its number in large type.
inline QString writeManyPagePdf(const QDir &dir, int pages)
{
    const QString path = dir.filePath(QStringLiteral("pages-%1.pdf").arg(pages));
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A5));
    writer.setResolution(72);
    QPainter painter(&writer);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        QFont font = painter.font();
        font.setPointSize(48);
        painter.setFont(font);
        painter.drawText(QRect(0, 0, 400, 500), Qt::AlignCenter, QString::number(page + 1));
    }
    painter.end();
    return path;
}

// A Document whose behaviour the test scripts: page sizes, a render that can block until its
// token is cancelled, and pages discovered in steps (StreamingPages).
class FakeDocument final : public Document
{
public:
    struct Script
    {
        std::atomic<bool> blockRenders {false}; // renders wait for cancellation
        std::atomic<int> rendersStarted {0};
        std::atomic<int> rendersCancelled {0};
        std::atomic<int> supersededRenders {0};
        std::atomic<int> concurrentRenders {0};
        std::atomic<int> maxConcurrentRenders {0};
        std::atomic<int> ensureCalls {0};
    };

    FakeDocument(std::shared_ptr<Script> script, int knownPages, int totalPages)
        : Document(Limits())
        , m_script(std::move(script))
        , m_known(knownPages)
        , m_total(totalPages)
    {
        setFormat(QStringLiteral("fake"), QStringLiteral("Fake document"), QStringLiteral("application/x-fake"));
        setCapabilities(knownPages < totalPages ? Capability::StreamingPages : Capability::None);
    }

protected:
    int doPageCount() const override { return m_known; }
    bool doIsPageCountFinal() const override { return m_known >= m_total; }
    QSizeF doPageSize(int) const override { return {300, 400}; }

    Status doEnsurePages(int count, const CancellationToken &token, const ProgressCallback &) override
    {
        ++m_script->ensureCalls;
        const int target = count < 0 ? m_total : std::min(count, m_total);
        while (m_known < target) {
            if (token.isCancelled())
                return Status::fromToken(token);
            ++m_known;
        }
        return {};
    }

    Result<QImage> doRender(int index, const RenderRequest &request, const CancellationToken &token) override
    {
        ++m_script->rendersStarted;
        const int now = ++m_script->concurrentRenders;
        int seen = m_script->maxConcurrentRenders.load();
        while (now > seen && !m_script->maxConcurrentRenders.compare_exchange_weak(seen, now)) { }
        while (m_script->blockRenders.load() && !token.isCancelled())
            QThread::msleep(2);
        --m_script->concurrentRenders;
        if (token.isCancelled()) {
            ++m_script->rendersCancelled;
            if (token.reason() == CancelReason::Superseded)
                ++m_script->supersededRenders;
            return Status::fromToken(token);
        }
        QImage image(renderSize(index, request), QImage::Format_RGB32);
        image.fill(Qt::white);
        return image;
    }

private:
    std::shared_ptr<Script> m_script;
    int m_known;
    int m_total;
};

inline LoadedDocument loadedFake(std::shared_ptr<FakeDocument::Script> script, int knownPages, int totalPages)
{
    auto document = std::make_unique<FakeDocument>(std::move(script), knownPages, totalPages);
    LoadedDocument loaded;
    loaded.path = QStringLiteral("/nonexistent/fake.doc");
    loaded.summary = summarize(*document);
    for (int i = 0; i < document->pageCount(); ++i)
        loaded.pageSizes.append(document->pageSize(i));
    loaded.pageCountFinal = document->isPageCountFinal();
    loaded.document = std::make_shared<SharedDocument>(std::move(document));
    return loaded;
}

} // namespace folio::test
