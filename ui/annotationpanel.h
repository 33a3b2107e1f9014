// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "shareddocument.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace folio {

// The sidebar's Annotations panel: every note, highlight, drawing and stamp of the document
// (Document::annotations(); speaker notes of slides too), grouped by page, each with its type,
// author, date and contents. Activating one asks the view to show it (activated()).
//
// The pages are read the first time the panel is shown, in the background: one job per chunk
// of ChunkPages pages on the render pool, each holding the document's gate only for its chunk,
// so page renders interleave. The jobs are linked to the token given to setDocument() (the tab's
// lifetime). A page that cannot be read (too many annotations, an error) is named in the panel
// and skipped. GUI thread only; the jobs touch only the shared document under its gate.
class AnnotationPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int ChunkPages = 32;

    explicit AnnotationPanel(QWidget *parent = nullptr);
    ~AnnotationPanel() override;

    // `more`: the document's pages are still being counted (a DOCX read on as pages are asked
    // for); setPageCount() then gives the pages as they come, and the panel reads them too.
    void setDocument(
        std::shared_ptr<SharedDocument> document, int pageCount, bool more, const CancellationToken &parent);
    void setPageCount(int pageCount, bool more);
    void setPageLabels(const QStringList &labels);
    // Starts reading the pages, once (showing the panel does it).
    void load();
    bool isLoaded() const { return m_loaded; }
    const QList<Annotation> &annotations() const { return m_annotations; }
    // The annotations made in Folio (and not in the file shown): listed first, under a heading
    // that says whether they are saved in a copy yet, in the order they were made.
    void setPending(const QList<Annotation> &pending, bool saved);
    const QList<Annotation> &pending() const { return m_pending; }
    QTreeWidget *tree() const { return m_tree; }
    QString statusText() const;

Q_SIGNALS:
    void activated(const folio::Annotation &annotation);
    // Every page has been read (or the reading stopped: cancelled).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Chunk
    {
        int first = 0;
        QList<Annotation> annotations;
        QStringList failures; // "page 4: why"
        Status status; // not Ok: cancelled
    };
    void readNextChunk();
    void chunkRead(const Chunk &chunk);
    void addItems(const QList<Annotation> &annotations);
    QString pageTitle(int page) const;
    void updateStatus();

    std::shared_ptr<SharedDocument> m_document;
    std::unique_ptr<CancellationSource> m_source;
    int m_pageCount = 0;
    bool m_morePages = false;
    bool m_waiting = false; // every known page read; more to come
    int m_nextPage = 0;
    bool m_started = false;
    bool m_loaded = false;
    QList<Annotation> m_annotations;
    QStringList m_failures;
    QStringList m_labels;
    QLabel *m_status = nullptr;
    QTreeWidget *m_tree = nullptr;
    std::map<int, QTreeWidgetItem *> m_pageItems;
    QList<Annotation> m_pending;
    QTreeWidgetItem *m_pendingItem = nullptr;
    QTreeWidgetItem *makeItem(QTreeWidgetItem *parent, const Annotation &annotation, int index);
};

} // namespace folio
