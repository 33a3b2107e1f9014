// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

class TstPresentationBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QSKIP("reader not written yet"); }
};

QTEST_GUILESS_MAIN(TstPresentationBackend)
#include "tst_presentationbackend.moc"
