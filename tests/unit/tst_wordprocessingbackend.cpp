// SPDX-License-Identifier: GPL-3.0-or-later
// NOTE: moc (Qt 6.4) cannot parse raw string literals (R"(...)") anywhere in a file it reads:
// the class is then silently skipped ("No relevant classes found", undefined vtable). Use plain
// string literals ("...\n" "...") for XML fixtures, in this file and in headers it includes.
#include <QtTest>

class TstWordprocessingBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QSKIP("reader not written yet"); }
};

QTEST_GUILESS_MAIN(TstWordprocessingBackend)
#include "tst_wordprocessingbackend.moc"
