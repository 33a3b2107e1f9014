// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

class TestHtmlExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_MAIN(TestHtmlExporter)
#include "tst_htmlexporter.moc"
