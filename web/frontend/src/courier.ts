import './style.css';
import { ApiError, type Caller, OfflineError, type Session } from './api';
import { byId, el, replace, when, words } from './dom';
import { clearError, showError, startPage } from './page';
import { deviceId, dequeue, enqueue, type PendingScan, pendingScans } from './queue';
import { scanWithCamera } from './scanner';

interface Contact {
  name: string | null;
  phone: string | null;
  address: { line1: string; line2: string | null; city: string; postalCode: string; country: string } | null;
}

interface ScanAnswer {
  trackingNumber: string;
  carrier: string;
  action: string;
  status: string;
  routing: { region: string; destinationHub: string } | null;
  pickupFrom: Contact | null;
  deliverTo: Contact | null;
}

interface RoutePage {
  routes: { destinationHub: string; destinationRegion: string; parcels: { trackingNumber: string; status: string; statusSince: string; hub: string | null }[] }[];
}

const ACTIONS = ['PICKUP', 'HUB_ARRIVAL', 'HUB_DEPARTURE', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'RETURNED'];
const HUB_ACTIONS = ['HUB_ARRIVAL', 'HUB_DEPARTURE', 'OUT_FOR_DELIVERY'];
const RETRY_MS = 15_000;
const HELD_CATCH_UP_MS = [1_500, 4_000, 10_000];

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/ui/sw.js', { scope: '/ui/' }).catch((error) => console.warn('no offline support', error));
}

startPage({
  sessionKey: 'exqress.session.courier',
  roles: ['COURIER'],
  wrongRole: 'This scanner is for couriers. Customers track their parcels on the tracking page.',
  render: (caller: Caller, session: Session, main: HTMLElement) => new ScannerPage(caller, session, main).show(),
});

class ScannerPage {
  private stopCamera: (() => void) | null = null;
  private flushing = false;

  constructor(
    private readonly caller: Caller,
    private readonly session: Session,
    private readonly main: HTMLElement,
  ) {}

  show(): void {
    const action = el('select', { id: 'action', name: 'action' }, ...ACTIONS.map((code) => el('option', { value: code }, words(code))));
    const hub = el('input', { id: 'hub', name: 'hub', value: this.caller.hub ?? '', pattern: '[A-Z0-9][A-Z0-9-]{1,19}', size: '8' });
    const start = el('button', { type: 'button', id: 'start-scan' }, 'Scan a label');
    start.addEventListener('click', () => this.startScanning());
    replace(this.main,
      el('section', { class: 'card' },
        el('div', { class: 'row' }, el('label', {}, 'Step', action), el('label', {}, 'Hub', hub)),
        start,
        el('video', { id: 'camera', hidden: true }),
        el('div', { id: 'scan' })),
      el('section', { class: 'card', id: 'pending', hidden: true }),
      el('section', { class: 'card' }, el('h2', {}, 'Parcels I hold'), el('div', { id: 'held' })));
    window.addEventListener('online', () => this.flush());
    setInterval(() => this.flush(), RETRY_MS);
    this.showPending();
    this.flush();
    this.listHeld();
  }

  private async startScanning(): Promise<void> {
    clearError();
    this.stopCamera?.();
    const video = byId<HTMLVideoElement>('camera');
    replace(byId('scan'), el('p', {}, 'Point the camera at the label’s QR code.'));
    video.hidden = false;
    try {
      this.stopCamera = await scanWithCamera(video, (qr) => {
        video.hidden = true;
        this.confirm(qr);
      });
    } catch (error) {
      video.hidden = true;
      showError(error instanceof DOMException ? 'The camera is not available. Allow this page to use it and try again.' : error);
    }
  }

  /** A label was read: the courier confirms the step before it is recorded. */
  private confirm(qr: string): void {
    const action = byId<HTMLSelectElement>('action').value;
    const hub = byId<HTMLInputElement>('hub').value.trim().toUpperCase();
    const record = el('button', { type: 'button', id: 'confirm-scan' }, `Record ${words(action)}`);
    const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
    cancel.addEventListener('click', () => replace(byId('scan')));
    record.addEventListener('click', () => {
      record.disabled = true;
      const scan = enqueue({
        username: this.caller.username,
        qr,
        action,
        hub: HUB_ACTIONS.includes(action) && hub ? hub : undefined,
        deviceTime: new Date().toISOString(),
      });
      this.send(scan);
    });
    replace(byId('scan'), el('p', {}, `Label read. Record ${words(action)}${HUB_ACTIONS.includes(action) && hub ? ` at ${hub}` : ''}?`),
      el('div', { class: 'row actions' }, record, cancel));
  }

  private async send(scan: PendingScan): Promise<void> {
    const result = byId('scan');
    try {
      const answer = await this.post(scan);
      clearError();
      replace(result, answerView(answer));
      this.listHeld();
      // The list is a read model, updated moments after the scan (longer on a busy server): look again.
      for (const delay of HELD_CATCH_UP_MS) setTimeout(() => this.listHeld(), delay);
    } catch (error) {
      if (stillToSend(error)) {
        replace(result, el('p', { class: 'queued' }, 'Saved on this phone: it is sent again by itself as soon as the server takes it.'));
      } else {
        replace(result);
        showError(error);
      }
    }
    this.showPending();
  }

  /** Sends one scan; it leaves the queue once the server has answered it, whatever the answer. */
  private async post(scan: PendingScan): Promise<ScanAnswer> {
    try {
      const answer = await this.session.call<ScanAnswer>('POST', '/scans', {
        body: { qr: scan.qr, action: scan.action, hub: scan.hub, deviceTime: scan.deviceTime },
        headers: { 'Idempotency-Key': scan.idempotencyKey, 'X-Device-Id': deviceId() },
      });
      dequeue(scan.idempotencyKey);
      return answer;
    } catch (error) {
      if (!stillToSend(error)) dequeue(scan.idempotencyKey);
      throw error;
    }
  }

  private async flush(): Promise<void> {
    if (this.flushing || !navigator.onLine) return;
    this.flushing = true;
    try {
      for (const scan of pendingScans(this.caller.username)) {
        try {
          replace(byId('scan'), answerView(await this.post(scan)));
        } catch (error) {
          if (stillToSend(error)) break;
          showError(`A saved ${words(scan.action)} scan was refused: ${(error as Error).message}`);
        }
      }
    } finally {
      this.flushing = false;
      this.showPending();
      this.listHeld();
    }
  }

  private showPending(): void {
    const pending = pendingScans(this.caller.username);
    const section = byId<HTMLElement>('pending');
    section.hidden = pending.length === 0;
    replace(section, el('h2', {}, `Waiting to be sent (${pending.length})`),
      el('ul', {}, ...pending.map((scan) => el('li', {}, `${words(scan.action)} at ${when(scan.deviceTime)}`))));
  }

  private async listHeld(): Promise<void> {
    try {
      const work = await this.session.call<{ held: RoutePage }>('GET', '/courier/parcels?list=held&limit=100');
      const parcels = work.held.routes.flatMap((route) => route.parcels.map((parcel) => ({ ...parcel, route })));
      replace(byId('held'), parcels.length
        ? el('ul', { class: 'parcels', id: 'held-list' }, ...parcels.map((parcel) => el('li', {},
          el('strong', {}, parcel.trackingNumber), ` ${words(parcel.status)} · to ${parcel.route.destinationHub} (${parcel.route.destinationRegion})`)))
        : el('p', { class: 'empty' }, 'You hold no parcels.'));
    } catch (error) {
      if (!(error instanceof OfflineError)) showError(error);
    }
  }
}

/** Offline, or the server asks to come back later: the scan stays queued with its key. */
function stillToSend(error: unknown): boolean {
  return error instanceof OfflineError || (error instanceof ApiError && (error.problem.status === 503 || error.problem.status === 429));
}

/** Exactly what the server answered, and nothing more. */
function answerView(answer: ScanAnswer): HTMLElement {
  const contact = (title: string, who: Contact) => el('div', { class: 'contact' },
    el('h3', {}, title),
    who.name && el('p', {}, who.name),
    who.phone && el('p', {}, who.phone),
    who.address && el('p', {}, [who.address.line1, who.address.line2, `${who.address.postalCode} ${who.address.city}`, who.address.country]
      .filter(Boolean).join(', ')));
  return el('div', { class: 'answer', id: 'scan-answer' },
    el('p', { class: 'ok' }, `Recorded: ${words(answer.action)} of ${answer.trackingNumber} (${answer.carrier}), now ${words(answer.status)}.`),
    answer.routing && el('p', {}, `Route: region ${answer.routing.region}, destination hub ${answer.routing.destinationHub}`),
    answer.pickupFrom && contact('Pick up from', answer.pickupFrom),
    answer.deliverTo && contact('Deliver to', answer.deliverTo));
}
