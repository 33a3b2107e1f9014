// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

class TstSpreadsheetBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QSKIP("reader not written yet"); }
};

QTEST_GUILESS_MAIN(TstSpreadsheetBackend)
#include "tst_spreadsheetbackend.moc"
