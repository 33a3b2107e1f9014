// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backends/common/safexml.h"
#include "flowdocument.h"
#include "flowformat.h"
#include "flowtable.h"

#include <QHash>
#include <QTextCharFormat>
#include <QTextFrame>

#include <array>
#include <memory>

namespace folio::wordprocessing::odt {

// Reads an OpenDocument text (ODT, OTT) into a FlowDocument: styles.xml for common styles, page
// layouts and master pages (headers, footers), content.xml for the text, read a few paragraphs
// at a time as pages are asked for. Notes and (with RenderOption::RenderComments) annotations
// are collected at the end of the document under a separator; tracked changes show the final
// text (deleted regions are skipped).
class OdtReader final : public FlowReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::wordprocessing::odt::OdtReader)
public:
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<office::Package> package, const QString &formatName,
        const QString &mimeType, const Limits &limits, RenderOptions options, const CancellationToken &token,
        const ProgressCallback &progress);

    explicit OdtReader(FlowDocument &flow);
    ~OdtReader() override;
    Status readMore(const CancellationToken &token) override;
    Status prepare(const CancellationToken &token) override;
    bool atEnd() const override { return m_done; }

private:
    // A fresh reader on content.xml, past the elements already shown.
    void restartText();
    struct Style
    {
        QString name;
        QString family;
        QString parent;
        QString displayName;
        RunProps run;
        ParaProps paragraph;
        QString listStyle;
        QString masterPage;
        int outlineLevel = 0; // style:default-outline-level, 1-based; 0 = none
        qreal columnWidth = 0; // table-column
        std::optional<QColor> background; // table-cell, table
        // table-cell: fo:border-top, -left, -bottom, -right (fo:border sets all four)
        std::array<std::optional<FlowTableBuilder::Edge>, 4> borders;
        std::optional<qreal> tableWidth;
        QString horizontalPos; // graphic: style:horizontal-pos (left, center, right, from-left...)
        std::optional<bool> framed; // graphic: whether fo:border draws a border
    };
    struct ListLevel
    {
        bool defined = false; // declared by the list style
        bool bullet = false;
        QString bulletChar;
        QString format = QStringLiteral("1"); // "1", "a", "A", "i", "I", ""
        QString prefix;
        QString suffix = QStringLiteral(".");
        int displayLevels = 1;
        int start = 1;
        qreal indent = 0; // points: where the text starts
        qreal labelWidth = 18; // points: the hanging marker's room
    };
    struct ListStyle
    {
        std::array<ListLevel, 10> levels;
    };
    struct PageLayout
    {
        PageGeometry geometry;
        qreal headerExtra = 0;
        qreal footerExtra = 0;
    };
    struct MasterPage
    {
        QString layout;
        std::shared_ptr<FlowTextDocument> header[3]; // default, first, left (even) pages
        std::shared_ptr<FlowTextDocument> footer[3];
    };
    struct Out;
    struct Note
    {
        QString mark;
        QString author;
        std::shared_ptr<FlowTextDocument> body;
    };

    void readStyles(SafeXmlReader &xml, QHash<QString, Style> &styles, bool automaticOnly);
    Style readStyle(SafeXmlReader &xml);
    void readListStyle(SafeXmlReader &xml);
    void readFontFaces(SafeXmlReader &xml);
    void readTextProperties(SafeXmlReader &xml, RunProps &props);
    void readParagraphProperties(SafeXmlReader &xml, ParaProps &props);
    void startSection(const QString &master, const CancellationToken &token);
    void readMasterPage(SafeXmlReader &xml);
    Status finish(const CancellationToken &token);
    void appendNotes(const QList<Note> &notes, bool comments);

    void blockElement(Out &out);
    void blockChildren(Out &out);
    void paragraph(Out &out, bool heading);
    void inlineContent(Out &out, const QTextCharFormat &format);
    void insertText(Out &out, const QString &text, const QTextCharFormat &format, bool collapse);
    void field(Out &out, const QTextCharFormat &format);
    void fillDropCap(Out &out, QTextFrame &frame, const ParaProps &props, int skip);
    void readTrackedChanges(SafeXmlReader &xml);
    void trackedChangeMark(Out &out, const QTextCharFormat &format, bool betweenParagraphs = false);
    void frame(Out &out, const QTextCharFormat &format);
    void list(Out &out);
    void table(Out &out);
    std::shared_ptr<FlowTextDocument> readInto(Out &out, bool blocks);

    const Style *style(const QString &name, QStringView family) const;
    ParaProps paragraphProps(const QString &name) const;
    RunProps runProps(const QString &name, QStringView family) const;
    QString listMarker(int level, int *counterLevel);
    // Level `level` of list style `style`; a level the style leaves out follows the deepest one
    // it declares above, indented further.
    ListLevel listLevel(const QString &style, int level) const;

    FlowDocument &m_flow;
    QHash<QString, Style> m_common;
    QHash<QString, Style> m_stylesAutomatic; // styles.xml's automatic styles (headers, footers)
    QHash<QString, Style> m_contentAutomatic; // content.xml's
    const QHash<QString, Style> *m_automatic = &m_contentAutomatic;
    QHash<QString, ListStyle> m_listStyles;
    QHash<QString, QString> m_fontFaces; // style:font-name → family
    QHash<QString, PageLayout> m_layouts;
    QHash<QString, MasterPage> m_masters;
    QString m_firstMaster;
    QString m_currentMaster;
    ParaProps m_defaultParagraph;
    RunProps m_defaultRun;
    QByteArray m_content;
    std::unique_ptr<SafeXmlReader> m_xml;
    int m_textDepth = -1;
    bool m_textEnded = false;
    bool m_done = false;
    int m_elements = 0; // body elements shown so far (to skip them when reading starts over)
    bool m_interrupted = false; // a cancel in the middle of a table: readMore() takes it back
    bool m_firstParagraph = true;
    // Lists: the style and counters of the list being read, by nesting level.
    struct ListContext
    {
        QString style;
        int level = 0;
    };
    QList<ListContext> m_lists;
    std::array<int, 10> m_counters {};
    std::array<bool, 10> m_counted {};
    QString m_pendingMarker; // the marker of the list item whose first paragraph comes next
    int m_pendingLevel = -1;
    QHash<QString, double> m_variables; // text:variable-set values met so far
    struct TrackedRegion
    {
        TrackedChange change = TrackedChange::None;
        QString author;
        QString deleted; // a deletion's text
    };
    QHash<QString, TrackedRegion> m_trackedChanges; // by id (RenderTrackedChanges only)
    QStringList m_openChanges; // insertions whose text:change-start has come, not their end
    QList<Note> m_notes;
    QList<Note> m_comments;
    const CancellationToken *m_token = nullptr;
    int m_stepSize = 24; // body elements in the next step: few first, so page 1 shows at once
};

} // namespace folio::wordprocessing::odt
