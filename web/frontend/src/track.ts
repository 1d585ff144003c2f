import './style.css';
import type { Caller, Session } from './api';
import { byId, el, field, onSubmit, replace, when, words } from './dom';
import { labelDownload, labelImage } from './labels';
import { clearError, showError, startPage } from './page';
import { readEvents } from './sse';

interface CustomerParcel {
  waybillId: string;
  trackingNumber: string;
  carrier: string;
  status: string;
  reason: string;
  statusSince: string;
  createdAt: string;
}

interface TrackingView {
  trackingNumber: string;
  carrier: string;
  status: string;
  reason: string;
  statusSince: string;
  nextStep: { step: string; hub: string | null } | null;
  timeline: { at: string; status: string; reason: string; hub: string | null }[];
  disclosures: { at: string; role: string; carrier: string | null; purpose: string; fields: string[] }[];
}

type Direction = 'sent' | 'received';

startPage({
  sessionKey: 'exqress.session.customer',
  roles: ['CUSTOMER'],
  wrongRole: 'This page is for customers. Couriers use the scanner, carrier admins the admin console.',
  render: (_caller: Caller, session: Session, main: HTMLElement) => new TrackingPage(session, main).show(),
});

class TrackingPage {
  private live: AbortController | null = null;
  private direction: Direction = 'sent';

  constructor(
    private readonly session: Session,
    private readonly main: HTMLElement,
  ) {}

  show(): void {
    replace(this.main,
      el('section', { class: 'card' },
        el('details', { id: 'send' }, el('summary', {}, 'Send a parcel'), this.sendForm())),
      el('section', { class: 'card', id: 'created', hidden: true }),
      el('section', { class: 'card' },
        el('h2', {}, 'My parcels'),
        el('div', { class: 'tabs', role: 'tablist' }, this.tab('sent', 'Sent'), this.tab('received', 'Received')),
        el('ul', { class: 'parcels', id: 'parcels' })),
      el('section', { class: 'card', id: 'parcel', hidden: true }));
    this.listParcels();
  }

  private tab(direction: Direction, title: string): HTMLButtonElement {
    const button = el('button', { type: 'button', role: 'tab', 'data-direction': direction }, title);
    button.setAttribute('aria-selected', String(direction === this.direction));
    button.addEventListener('click', () => {
      this.direction = direction;
      for (const other of this.main.querySelectorAll('[role=tab]')) {
        other.setAttribute('aria-selected', String(other === button));
      }
      this.listParcels();
    });
    return button;
  }

  private async listParcels(): Promise<void> {
    const list = byId<HTMLUListElement>('parcels');
    try {
      const page = await this.session.call<{ items: CustomerParcel[] }>('GET',
        `/me/parcels?direction=${this.direction}&limit=50`);
      const direction = this.direction;
      replace(list, ...page.items.map((parcel) => {
        const open = el('button', { type: 'button', class: 'parcel' },
          el('strong', {}, parcel.trackingNumber), ` ${parcel.carrier} · `,
          el('span', { class: `status status-${parcel.status}` }, words(parcel.status)), ` since ${when(parcel.statusSince)}`);
        open.addEventListener('click', () => this.openParcel(parcel, direction));
        return el('li', {}, open);
      }));
      if (!page.items.length) replace(list, el('li', { class: 'empty' }, 'No parcels yet.'));
    } catch (error) {
      showError(error);
    }
  }

  private sendForm(): HTMLFormElement {
    const contact = (who: string, title: string, withEmail: boolean) => el('fieldset', {},
      el('legend', {}, title),
      el('label', {}, 'Name', el('input', { name: `${who}.name`, required: true, autocomplete: 'off' })),
      el('label', {}, 'Phone', el('input', { name: `${who}.phone`, type: 'tel', required: true, autocomplete: 'off' })),
      withEmail && el('label', {}, 'E-mail (optional)', el('input', { name: `${who}.email`, type: 'email', autocomplete: 'off' })),
      el('label', {}, 'Street and number', el('input', { name: `${who}.line1`, required: true, autocomplete: 'off' })),
      el('label', {}, 'Floor, unit (optional)', el('input', { name: `${who}.line2`, autocomplete: 'off' })),
      el('label', {}, 'City', el('input', { name: `${who}.city`, required: true, autocomplete: 'off' })),
      el('label', {}, 'Postal code', el('input', { name: `${who}.postalCode`, required: true, autocomplete: 'off' })),
      el('label', {}, 'Country', el('input', { name: `${who}.country`, value: 'KR', required: true, maxlength: '2' })));
    const number = (name: string, title: string, value: string) =>
      el('label', {}, title, el('input', { name, type: 'number', min: '1', value, required: true }));
    const form = el('form', { id: 'send-form' },
      el('div', { class: 'row' },
        el('label', {}, 'Carrier', el('select', { name: 'carrier' },
          el('option', { value: 'SWP' }, 'Swift Parcel'), el('option', { value: 'BLR' }, 'Blue Route'),
          el('option', { value: 'NRT' }, 'North Trail'))),
        el('label', {}, 'Service', el('select', { name: 'service' },
          el('option', { value: 'STANDARD' }, 'Standard'), el('option', { value: 'EXPRESS' }, 'Express'),
          el('option', { value: 'SAME_DAY' }, 'Same day')))),
      el('div', { class: 'row' }, contact('sender', 'From (you)', true), contact('recipient', 'To', false)),
      el('fieldset', {}, el('legend', {}, 'Parcel'),
        el('div', { class: 'row' }, number('weightGrams', 'Weight (g)', '1000'), number('lengthCm', 'Length (cm)', '30'),
          number('widthCm', 'Width (cm)', '20'), number('heightCm', 'Height (cm)', '10'))),
      el('label', {}, 'Note for the courier (optional)', el('input', { name: 'note', maxlength: '500', autocomplete: 'off' })),
      el('button', { type: 'submit' }, 'Create the parcel and print its label'));
    // One key per filled-in form: a retry after a lost answer creates no second parcel.
    let idempotencyKey = crypto.randomUUID();
    form.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); });
    onSubmit(form, async (data) => {
      try {
        const created = await this.session.call<{ waybillId: string; trackingNumber: string }>('POST', '/waybills', {
          body: waybillRequest(data),
          headers: { 'Idempotency-Key': idempotencyKey },
        });
        await this.session.call('POST', `/waybills/${created.waybillId}/labels`,
          { headers: { 'Idempotency-Key': `${idempotencyKey}-label` } });
        clearError();
        form.reset();
        idempotencyKey = crypto.randomUUID();
        byId<HTMLDetailsElement>('send').open = false;
        await this.showCreated(created.waybillId, created.trackingNumber);
        this.listParcels();
      } catch (error) {
        showError(error);
      }
    });
    return form;
  }

  private async showCreated(waybillId: string, trackingNumber: string): Promise<void> {
    const section = byId<HTMLElement>('created');
    const print = el('button', { type: 'button' }, 'Print');
    print.addEventListener('click', () => window.print());
    replace(section,
      el('h2', {}, `Parcel ${trackingNumber} is ready`),
      el('p', {}, 'Stick this label on the parcel. It shows no name, phone number or address: only the carrier’s routing code, ' +
        'the tracking number and a QR code that only the carrier’s couriers can resolve.'),
      await labelImage(this.session, waybillId),
      el('div', { class: 'row actions' }, print, labelDownload(this.session, waybillId, 'png', showError),
        labelDownload(this.session, waybillId, 'pdf', showError)));
    section.dataset.waybillId = waybillId;
    section.hidden = false;
  }

  private openParcel(parcel: CustomerParcel, direction: Direction): void {
    this.live?.abort();
    const live = new AbortController();
    this.live = live;
    const section = byId<HTMLElement>('parcel');
    section.hidden = false;
    const liveState = el('p', { class: 'live', id: 'live-state' }, 'Connecting for live updates…');
    const view = el('div', { id: 'tracking' });
    replace(section, el('h2', {}, `Parcel ${parcel.trackingNumber}`), liveState, view);
    const path = `/tracking/${encodeURIComponent(parcel.trackingNumber)}`;
    this.session.call<TrackingView>('GET', path)
      .then((tracking) => this.renderTracking(view, parcel, direction, tracking), showError);
    this.follow(`${path}/stream`, live.signal, liveState, (tracking) => {
      this.renderTracking(view, parcel, direction, tracking);
      this.listParcels();
    });
    section.scrollIntoView({ behavior: 'smooth' });
  }

  /** Follows the live view until the parcel is closed, reconnecting after a lost connection. */
  private async follow(path: string, signal: AbortSignal, state: HTMLElement, onView: (view: TrackingView) => void): Promise<void> {
    while (!signal.aborted) {
      try {
        state.textContent = 'Live: this view updates by itself.';
        await readEvents(this.session, path, signal, (name, data) => {
          if (name === 'tracking') onView(JSON.parse(data) as TrackingView);
        });
        state.textContent = 'This parcel’s journey is over; there will be no more updates.';
        return;
      } catch {
        if (signal.aborted) return;
        state.textContent = 'Live updates paused; reconnecting…';
        await new Promise((resolve) => setTimeout(resolve, 5000));
      }
    }
  }

  private renderTracking(view: HTMLElement, parcel: CustomerParcel, direction: Direction, tracking: TrackingView): void {
    replace(view,
      el('p', { class: 'now' }, el('span', { class: `status status-${tracking.status}`, id: 'tracking-status' }, words(tracking.status)),
        ` (${words(tracking.reason)}) since ${when(tracking.statusSince)}`),
      tracking.nextStep && el('p', {}, `Next: ${words(tracking.nextStep.step)}${tracking.nextStep.hub ? ` at ${tracking.nextStep.hub}` : ''}`),
      el('h3', {}, 'Journey'),
      el('ol', { class: 'timeline', id: 'timeline' }, ...tracking.timeline.map((entry) => el('li', {},
        el('time', {}, when(entry.at)), ' ', words(entry.reason), entry.hub ? ` · ${entry.hub}` : ''))),
      el('h3', {}, 'Who looked at your data'),
      tracking.disclosures.length
        ? el('ul', { class: 'disclosures' }, ...tracking.disclosures.map((disclosure) => el('li', {},
          el('time', {}, when(disclosure.at)), ` a ${words(disclosure.role)}${disclosure.carrier ? ` of ${disclosure.carrier}` : ''}`,
          ` saw ${disclosure.fields.map(words).join(', ')} for ${words(disclosure.purpose)}`)))
        : el('p', {}, 'Nobody has been shown your personal data.'),
      direction === 'received' && tracking.status === 'DELIVERED' && this.disposal(parcel),
      tracking.status === 'DISPOSED' && disposedNotice());
  }

  private disposal(parcel: CustomerParcel): HTMLElement {
    const confirm = el('button', { type: 'button', class: 'danger' }, 'Yes, dispose of it');
    const box = el('div', { class: 'disposal' },
      el('h3', {}, 'Dispose of my label'),
      el('p', {}, 'Once you have the parcel, you can dispose of its label. This makes your name, phone number and address in ' +
        'this parcel’s records permanently unreadable, for everyone, and the label’s QR code stops working. The record that ' +
        'the parcel travelled stays, without your data. This cannot be undone.'),
      confirm);
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        await this.session.call('POST', `/waybills/${parcel.waybillId}/disposal`);
        box.replaceWith(disposedNotice());
      } catch (error) {
        confirm.disabled = false;
        showError(error);
      }
    });
    return box;
  }
}

/** Also after a live update re-renders the view, which may come before the disposal's own answer. */
function disposedNotice(): HTMLElement {
  return el('div', { class: 'disposal' }, el('p', {}, 'Disposed of: the personal data in this parcel’s records can no longer be read.'));
}

function waybillRequest(data: FormData): unknown {
  const optional = (name: string) => field(data, name) || undefined;
  const contact = (who: string) => ({
    name: field(data, `${who}.name`),
    phone: field(data, `${who}.phone`),
    email: optional(`${who}.email`),
    address: {
      line1: field(data, `${who}.line1`),
      line2: optional(`${who}.line2`),
      city: field(data, `${who}.city`),
      postalCode: field(data, `${who}.postalCode`),
      country: field(data, `${who}.country`).toUpperCase(),
    },
  });
  return {
    carrier: field(data, 'carrier'),
    service: field(data, 'service'),
    sender: contact('sender'),
    recipient: contact('recipient'),
    parcel: {
      weightGrams: Number(field(data, 'weightGrams')),
      lengthCm: Number(field(data, 'lengthCm')),
      widthCm: Number(field(data, 'widthCm')),
      heightCm: Number(field(data, 'heightCm')),
    },
    note: optional('note'),
  };
}
