import type { Session } from './api';
import { el } from './dom';

/**
 * A waybill's current label as an image, fetched with the user's token. The SVG is what the page shows;
 * PNG and PDF are for printers.
 */
export async function labelImage(session: Session, waybillId: string): Promise<HTMLImageElement> {
  const url = await labelUrl(session, waybillId, 'svg');
  return el('img', { class: 'label', src: url, alt: 'The parcel’s label: carrier, routing code, tracking number and QR code' });
}

/** A button that downloads the label in a printer's format. */
export function labelDownload(session: Session, waybillId: string, format: 'png' | 'pdf', onError: (error: unknown) => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'secondary' }, `Download ${format.toUpperCase()}`);
  button.addEventListener('click', async () => {
    try {
      const link = el('a', { href: await labelUrl(session, waybillId, format), download: `label.${format}` });
      link.click();
    } catch (error) {
      onError(error);
    }
  });
  return button;
}

async function labelUrl(session: Session, waybillId: string, format: string): Promise<string> {
  const response = await session.fetch(`/waybills/${encodeURIComponent(waybillId)}/labels/current?format=${format}`);
  return URL.createObjectURL(await response.blob());
}
