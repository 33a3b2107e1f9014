// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"
#include "exporters/exportoptions.h"
#include "exporters/exportrequest.h"
#include "pagelist.h"
#include "textsearch.h"
#include "viewer.h"

#include <QCoreApplication>
#include <QStringList>

#include <map>

// Exit codes of the command-line contract.
enum ExitCode {
    ExitOk = 0,
    ExitError = 1,
    ExitUsage = 2,
    ExitTimedOut = 3,
    ExitUnsupported = 4,
    ExitNotFound = 5, // find: nothing found (everything was searched)
    ExitInterrupted = 130,
};

// folio-cli: parses the command line, wires a Viewer and the exporters to one cancellation token
// (cancelled by --timeout and by SIGINT/SIGTERM through `interrupt`), prints results.
class CliApp
{
    Q_DECLARE_TR_FUNCTIONS(CliApp)
public:
    explicit CliApp(folio::CancellationSource &interrupt);
    // `native` is argv as bytes, one per argument, when the caller has it: file names that are
    // not UTF-8 can only be opened by those (see NativeFileName).
    int run(const QStringList &arguments, const QList<QByteArray> &native = {});

private:
    struct Options
    {
        QString command;
        QString file; // the path to open: FILE, or a descriptor path for a name that is not UTF-8
        QString displayName; // FILE in messages when `file` is a descriptor path
        QString baseName; // FILE's name without its extension: names the PDF
        bool json = false;
        QString out;
        folio::ExportOptions::Format format = folio::ExportOptions::Format::Png;
        bool externalResources = false;
        QString pages;
        QString needle; // find's TEXT
        folio::SearchOptions search;
        double dpi = 0;
        int width = 0;
        int height = 0;
        int maxWidth = 0;
        int maxHeight = 0;
        int quality = -1;
        int threads = 0;
        int rotation = 0;
        folio::Watermark watermark;
        folio::PageColors colors;
        folio::RenderOptions renderOptions = folio::RenderOption::None;
        int index = 0;
        QString name;
        bool all = false;
        std::chrono::milliseconds timeout {0};
        QString password;
        QByteArray archiveEncoding;
        bool quiet = false;
        bool verbose = false;
        folio::Limits limits;
    };

    int parse(const QStringList &arguments, Options &options);
    int usageError(const QString &message) const;
    void warn(const QString &message) const;
    // The render options that only make sense together; an exit code when they do not.
    int checkRenderOptions(const std::map<QString, QString> &given, Options &options);
    folio::OpenOptions openOptions() const;
    folio::ExportOptions exportOptions() const;
    folio::ExportRequest exportRequest() const;
    int fail(const folio::Status &status) const;
    bool progressEnabled() const;
    folio::Status openDocument(folio::Viewer &viewer);
    QString fileLabel() const;
    folio::Result<QList<int>> selectedPages(folio::Viewer &viewer);

    int runInfo();
    int runRender();
    int runText();
    int runAttachments();
    int runAnnotations();
    int runExtract();
    int runFind();

    folio::CancellationSource &m_interrupt;
    Options m_options;
    QList<QByteArray> m_native;
};

int exitCodeFor(const folio::Status &status);
