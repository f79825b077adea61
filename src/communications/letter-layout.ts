/**
 * The layout both first letters share (the French R124-4 one and the Italian one): an A4 sheet whose debtor's address
 * shows through a window envelope's window with only the agency's neutral name above it, and the amount's table.
 */

/** Millimetres to PDF points. */
export const mm = (value: number) => (value * 72) / 25.4;

/**
 * The window of a right-hand window envelope (DL, 45 × 100 mm, French practice): the address block starts 110 mm from
 * the sheet's left edge and 45 mm from its top, 80 mm wide (it ends 20 mm from the right edge), so a sheet folded in
 * three shows it and nothing else.
 */
export const WINDOW = { x: mm(110), y: mm(45), width: mm(80), height: mm(45) } as const;

export const LEFT = 56;
export const WIDTH = 595.28 - 2 * LEFT;

/**
 * The window: the agency's neutral name as sender, then the debtor's address; nothing about the debt. Leaves the pen
 * under the window, at the left margin, for the letter's date and references.
 */
export function drawWindow(doc: PDFKit.PDFDocument, window: { sender: string; recipient: readonly string[] }): void {
  doc
    .font('Helvetica')
    .fontSize(7)
    .text(window.sender, WINDOW.x, WINDOW.y + 6, { width: WINDOW.width });
  doc.moveDown(0.6).fontSize(11);
  for (const line of window.recipient) doc.text(line, WINDOW.x, doc.y, { width: WINDOW.width });
  doc.x = LEFT;
  doc.y = WINDOW.y + WINDOW.height + mm(12);
}

/** A paragraph of the letter's body, at the left margin, the full width. */
export function paragraph(doc: PDFKit.PDFDocument, text: string, bold = false): PDFKit.PDFDocument {
  return doc
    .moveDown(0.5)
    .font(bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(10)
    .text(text, LEFT, doc.y, { width: WIDTH, align: 'left' });
}

/** The amount's table: a bold header, a row per claim and component, then the totals, the last (the amount) bold. */
export function drawAmountTable(
  doc: PDFKit.PDFDocument,
  table: { header: readonly string[]; rows: readonly (readonly string[])[]; totals: readonly (readonly string[])[] },
): void {
  const columns = [LEFT, LEFT + 180, LEFT + 330];
  const row = (cells: readonly string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    cells.forEach((cell, k) =>
      doc.text(cell, columns[k], y, {
        width: k === 2 ? 100 : 150,
        align: k === 2 ? 'right' : 'left',
        lineBreak: false,
      }),
    );
    doc.x = LEFT;
    doc.y = y + 15;
  };
  doc.moveDown(0.5);
  row(table.header, true);
  for (const cells of table.rows) row(cells);
  doc.moveDown(0.3);
  table.totals.forEach((cells, index) => row(cells, index === table.totals.length - 1));
}
