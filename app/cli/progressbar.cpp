// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressbar.h"

#include <cstdio>

ProgressBar::ProgressBar(const QString &label, bool enabled)
    : m_label(label)
    , m_enabled(enabled)
{ }

ProgressBar::~ProgressBar()
{
    finish();
}

void ProgressBar::update(qint64 done, qint64 total)
{
    if (!m_enabled)
        return;
    std::lock_guard lock(m_mutex);
    if (m_drawn && m_sinceDraw.isValid() && m_sinceDraw.elapsed() < 100 && done != total)
        return;
    draw(done, total);
    m_sinceDraw.start();
}

std::function<void(qint64, qint64)> ProgressBar::callback()
{
    return [this](qint64 done, qint64 total) { update(done, total); };
}

void ProgressBar::draw(qint64 done, qint64 total)
{
    constexpr int Width = 30;
    QString line = QStringLiteral("\r%1 ").arg(m_label);
    if (total > 0) {
        const int filled = int(Width * std::min(done, total) / total);
        line += QStringLiteral("[%1%2] %3/%4")
                    .arg(QString(filled, QLatin1Char('=')), QString(Width - filled, QLatin1Char(' ')))
                    .arg(done)
                    .arg(total);
    } else {
        line += QString::number(done);
    }
    line += QStringLiteral("\x1b[K"); // clear to the end of the line
    std::fputs(line.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    m_drawn = true;
}

void ProgressBar::finish()
{
    std::lock_guard lock(m_mutex);
    if (m_drawn) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        m_drawn = false;
    }
}
