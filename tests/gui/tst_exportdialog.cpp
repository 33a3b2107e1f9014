// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

class TestExportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
