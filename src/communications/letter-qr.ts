import qrcode from 'qrcode-generator';
import type { PaymentWay } from './core/first-letter.js';
import { LEFT, mm, WIDTH } from './letter-layout.js';

/** The printed code's side: 24 mm gives modules of about 0.7 mm for a link of ~50 characters, read by any phone. */
export const QR_SIDE = mm(24);

/**
 * The dark modules of a QR code for a link: error correction M (15 %), enough for a folded, slightly soiled sheet at
 * this size; the smallest version that holds the link.
 */
export function qrModules(link: string): { size: number; dark: (row: number, col: number) => boolean } {
  const code = qrcode(0, 'M');
  code.addData(link, 'Byte');
  code.make();
  return { size: code.getModuleCount(), dark: (row, col) => code.isDark(row, col) };
}

/**
 * The portal's QR code at the left margin with its caption beside it, kept whole on one page. Drawn as vector squares
 * (one path, one fill), so it prints sharp at any resolution and needs no image. The quiet zone of four modules the
 * standard asks for is left blank around it.
 */
export function drawPortalQr(doc: PDFKit.PDFDocument, link: string, caption: string): void {
  const { size, dark } = qrModules(link);
  const module = QR_SIDE / size;
  const quiet = 4 * module;
  if (doc.y + QR_SIDE + 2 * quiet > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + quiet;
  const left = LEFT + quiet;
  doc.save();
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (dark(row, col)) doc.rect(left + col * module, top + row * module, module, module);
    }
  }
  doc.fillColor('#000000').fill();
  doc.restore();
  const captionLeft = left + QR_SIDE + quiet + 8;
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(caption, captionLeft, top, { width: WIDTH - (captionLeft - LEFT) });
  doc.x = LEFT;
  doc.y = Math.max(doc.y, top + QR_SIDE + quiet);
}

/** The link the letter's QR code opens: the online way's, when the letter names the portal. */
export function portalLink(ways: readonly PaymentWay[]): string | null {
  for (const way of ways) if (way.kind === 'online' && way.link) return way.link;
  return null;
}
