/**
 * The pickup code as a QR image the email carries inline (a CID attachment, not a remote image that mail
 * clients block): black on white with its quiet zone, so it scans on a dark page too.
 */
import QRCode from 'qrcode';

/** An image the email's HTML shows by `cid:`, sent as a related part of the message. */
export interface InlineImage {
  cid: string;
  /** The name a client shows should it list the image as an attachment. */
  filename: string;
  content: Buffer;
  contentType: 'image/png';
}

/** The Content-ID the layout's QR image refers to. */
export const PICKUP_QR_CID = 'pickup-code@doorstep';
/** The image's side in pixels: large enough for a phone camera at arm's length, small enough for a phone screen. */
export const QR_PX = 200;

/** The PNG of `code` as a QR (error correction M, a four-module white quiet zone). */
export async function pickupQr(code: string): Promise<InlineImage> {
  const content = await QRCode.toBuffer(code, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    width: QR_PX,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  return { cid: PICKUP_QR_CID, filename: 'pickup-code.png', content, contentType: 'image/png' };
}

/** The HTML with its inline images as data: URIs, for a browser's preview (a mail client gets CID attachments). */
export function withInlineImages(html: string, images: InlineImage[] = []): string {
  return images.reduce(
    (page, { cid, contentType, content }) =>
      page.replaceAll(`cid:${cid}`, `data:${contentType};base64,${content.toString('base64')}`),
    html,
  );
}
