// SPDX-License-Identifier: GPL-3.0-or-later
// Makes the archives the archive benchmarks read (tests/bench/run.sh). Not a benchmark itself.
//
//   bench_archive zip OUT N     a ZIP of N small deflated text files in 100 folders
//   bench_archive cbz OUT MB    a comic book of about MB MiB: stored JPEG pages, 1600×2400
#include <KZip>

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <cstdio>

namespace {

int makeZip(const QString &path, int count)
{
    KZip zip(path);
    if (!zip.open(QIODevice::WriteOnly))
        return 1;
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("folder-%1/file-%2.txt").arg(i % 100, 3, 10, QLatin1Char('0')).arg(i);
        const QByteArray data = QByteArray("entry ") + QByteArray::number(i) + QByteArray(64, 'x') + '\n';
        if (!zip.writeFile(name, data))
            return 1;
    }
    return zip.close() ? 0 : 1;
}

// A page that does not compress much: coloured noise under a big page number.
QByteArray pageJpeg(int number)
{
    QImage image(1600, 2400, QImage::Format_RGB32);
    QRandomGenerator random {quint32(number)};
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = random.generate() | 0xff000000;
    }
    QPainter painter(&image);
    QFont font = painter.font();
    font.setPixelSize(400);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(image.rect(), Qt::AlignCenter, QString::number(number));
    painter.end();
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 60);
    return jpeg;
}

int makeComic(const QString &path, qint64 megabytes)
{
    KZip zip(path);
    if (!zip.open(QIODevice::WriteOnly))
        return 1;
    zip.setCompression(KZip::NoCompression); // JPEG does not deflate: comic tools store pages
    // A few distinct pages, repeated: the size is what matters.
    QList<QByteArray> pages;
    for (int i = 1; i <= 8; ++i)
        pages.append(pageJpeg(i));
    qint64 written = 0;
    for (int number = 1; written < megabytes << 20; ++number) {
        const QByteArray &page = pages[(number - 1) % pages.size()];
        if (!zip.writeFile(QStringLiteral("pages/page%1.jpg").arg(number), page))
            return 1;
        written += page.size();
    }
    return zip.close() ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == QLatin1String("zip"))
        return makeZip(args[2], args[3].toInt());
    if (args.size() == 4 && args[1] == QLatin1String("cbz"))
        return makeComic(args[2], args[3].toLongLong());
    std::fputs("usage: bench_archive zip OUT N | cbz OUT MB\n", stderr);
    return 2;
}
