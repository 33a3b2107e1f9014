// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

class TestPdfExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_MAIN(TestPdfExporter)
#include "tst_pdfexporter.moc"
