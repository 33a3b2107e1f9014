// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QString>

#include <functional>
#include <mutex>

// A one-line progress bar on stderr, drawn only when enabled (stderr is a terminal and --quiet
// is absent). update() may be called from several worker threads; redraws are throttled.
class ProgressBar
{
public:
    ProgressBar(const QString &label, bool enabled);
    ~ProgressBar();

    void update(qint64 done, qint64 total);
    void finish();
    // update() as a progress callback; valid while the bar lives.
    std::function<void(qint64, qint64)> callback();

private:
    void draw(qint64 done, qint64 total);

    std::mutex m_mutex;
    QString m_label;
    bool m_enabled;
    bool m_drawn = false;
    QElapsedTimer m_sinceDraw;
};
