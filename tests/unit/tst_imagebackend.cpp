// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

class Testimagebackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QSKIP("being written"); }
};

QTEST_MAIN(Testimagebackend)
#include "tst_imagebackend.moc"
