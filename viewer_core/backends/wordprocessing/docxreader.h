// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "docxstyles.h"
#include "flowdocument.h"

#include <QHash>
#include <QTextCharFormat>

#include <memory>

namespace folio::wordprocessing::docx {

// Reads a WordprocessingML package (DOCX, DOTX, DOCM, DOTM; Transitional or Strict) into a
// FlowDocument. The body is read a few paragraphs at a time as pages are asked for; headers and
// footers when their section starts; footnotes, endnotes and (with RenderOption::RenderComments)
// comments are collected at the end of the document under a separator, their marks numbered in
// the text (notes at the foot of each page would need a second layout pass).
class DocxReader final : public FlowReader
{
    Q_DECLARE_TR_FUNCTIONS(folio::wordprocessing::docx::DocxReader)
public:
    static Result<std::unique_ptr<Document>> open(std::unique_ptr<office::Package> package, const QString &formatName,
        const QString &mimeType, const Limits &limits, RenderOptions options, const CancellationToken &token,
        const ProgressCallback &progress);

    explicit DocxReader(FlowDocument &flow);
    ~DocxReader() override;
    Status readMore(const CancellationToken &token) override;
    Status prepare(const CancellationToken &token) override;
    bool atEnd() const override { return m_done; }

private:
    struct Out;
    struct Run;
    struct Field
    {
        QString instruction;
        bool separated = false;
        PageField page = PageField::None;
        bool placed = false;
    };
    struct Section
    {
        SectionSetup setup;
        QString headerIds[3];
        QString footerIds[3];
        bool continuous = false;
    };

    void restartBody();
    void scanSections(const QByteArray &xml);
    void startSection(int index, const CancellationToken &token);
    std::shared_ptr<FlowTextDocument> marginPart(const QString &relationshipId, const CancellationToken &token);
    Status finish(const CancellationToken &token);
    void readComments(SafeXmlReader &xml);
    // The text of footnote `id` (word/footnotes.xml, read whole the first time), its own mark
    // showing `number`; nullptr for a note the part lacks or when reading it was cancelled.
    std::shared_ptr<FlowTextDocument> footnoteBody(const QString &id, const QString &number);
    void appendNotes(const QString &relationshipType, QStringView element, const QHash<QString, int> &numbers,
        bool comments, const CancellationToken &token);

    // Content readers; the SafeXmlReader in `out` is on the element's start tag.
    void blockContent(Out &out);
    void blockElement(Out &out);
    void paragraph(Out &out);
    void beginBlock(Out &out);
    void inlineContent(Out &out, const Run &run);
    void run(Out &out, const Run &run);
    void insertText(Out &out, const QString &text, const QTextCharFormat &format);
    void splitForPageBreak(Out &out);
    void drawing(Out &out, const QTextCharFormat &format);
    void textBox(Out &out, qreal width);
    FloatPlacement anchorPlacement(SafeXmlReader &xml) const;
    void insertDropCap(Out &out, const FlowTextDocument &letters, qreal height);
    void table(Out &out);
    QTextTableFormat tableFormat(const TableProps &props, const QList<qreal> &grid, int columns) const;
    void noteMark(Out &out, const QTextCharFormat &format, const QString &text);
    void field(Out &out, const QString &instruction, const QTextCharFormat &format);
    bool showingFieldResult() const;

    QString relationshipTarget(const QString &part, const QString &id, bool *external = nullptr);
    const ParaProps &paragraphStyle(const QString &id);
    const RunProps &runStyle(const QString &id);
    QTextCharFormat baseCharFormat(const RunProps &props) const;
    // Replaces a theme font placeholder with the theme's font.
    void resolveTheme(RunProps &props) const;

    FlowDocument &m_flow;
    Styles m_styles;
    Numbering m_numbering;
    QString m_mainPart;
    QByteArray m_body;
    std::unique_ptr<SafeXmlReader> m_xml;
    int m_bodyDepth = -1;
    int m_elements = 0; // body elements read so far
    bool m_interrupted = false; // a table stopped reading rows on a cancel
    bool m_bodyEnded = false;
    bool m_done = false;
    QList<Section> m_sections;
    int m_section = 0;
    bool m_breakPending = false; // a page break ended the last body paragraph
    bool m_evenAndOdd = false;
    QHash<QString, std::shared_ptr<FlowTextDocument>> m_margins; // by part path
    QHash<QString, QHash<QString, office::Relationship>> m_relationships; // by part, by id
    QHash<QString, ParaProps> m_paragraphStyles;
    QHash<QString, RunProps> m_runStyles;
    QString m_majorFont = QStringLiteral("Calibri Light"); // Office's default theme
    QString m_minorFont = QStringLiteral("Calibri");
    QHash<QString, int> m_footnotes; // note id → number
    QHash<QString, std::shared_ptr<FlowTextDocument>> m_footnoteBodies; // by note id
    bool m_footnotesRead = false;
    QHash<QString, int> m_endnotes;
    QHash<QString, int> m_comments;
    QList<Field> m_fields;
    QString m_currentNote; // the mark of the note being read (footnoteRef)
    QString m_prefix; // inserted at the start of the next paragraph (comment numbers)
    const CancellationToken *m_token = nullptr;
    int m_stepSize = 24; // body elements in the next step: few first, so page 1 shows at once
};

} // namespace folio::wordprocessing::docx
