import './style.css';
import { type Caller, type Session } from './api';
import { barChart } from './chart';
import { byId, el, field, onSubmit, replace, when, words } from './dom';
import { labelImage } from './labels';
import { clearError, showError, startPage } from './page';

interface Overview {
  carrier: string;
  asOf: string;
  byStatus: Record<string, number>;
  stuck: { status: string; after: string; parcels: number }[];
  since: string;
  failedDeliveries: number;
  throughput: { hub: string; hour: string; arrivals: number }[];
}

interface AdminWaybill {
  waybillId: string;
  trackingNumber: string;
  status: string;
  statusSince: string;
  hub: string | null;
  holderKind: string | null;
  holderId: string | null;
}

interface HistoryEntry {
  sequence: number;
  type: string;
  who: { actorId: string | null; role: string | null; carrier: string | null };
  when: { eventTime: string; recordedAt: string };
  where: { location: string | null; hub: string | null };
  why: string;
}

/** One of the carrier's label signing keys; createdAt only for keys made by rotation. */
interface LabelKey {
  keyId: string;
  status: 'ACTIVE' | 'VERIFYING' | 'RETIRED';
  origin: 'CONFIGURED' | 'ROTATED';
  createdAt: string | null;
  createdBy: string | null;
  retiredAt: string | null;
  retiredBy: string | null;
}

/** The read models' state; the rebuild fields are there only while one runs. */
interface Rebuild {
  serving: string;
  servingLag: number;
  rebuilding?: string;
  startedAt?: string;
  head: number;
  position: number;
  lag: number;
}

const CARRIERS = ['SWP', 'BLR', 'NRT'];
const REFRESH_MS = 10_000;

startPage({
  sessionKey: 'exqress.session.admin',
  roles: ['CARRIER_ADMIN', 'PLATFORM_ADMIN'],
  wrongRole: 'This console is for carrier and platform admins.',
  render: (caller: Caller, session: Session, main: HTMLElement) => new AdminConsole(caller, session, main).show(),
});

class AdminConsole {
  private carrier: string;
  private rebuildPoll: number | undefined;

  constructor(
    private readonly caller: Caller,
    private readonly session: Session,
    private readonly main: HTMLElement,
  ) {
    this.carrier = caller.carrier ?? CARRIERS[0];
  }

  show(): void {
    const refresh = el('button', { type: 'button', class: 'secondary', id: 'refresh' }, 'Refresh');
    refresh.addEventListener('click', () => this.loadOverview());
    const search = el('form', { id: 'search', class: 'row' },
      el('label', {}, 'Tracking number', el('input', { name: 'trackingNumber', required: true, autocomplete: 'off' })),
      el('button', { type: 'submit' }, 'Find'));
    onSubmit(search, (data) => this.find(field(data, 'trackingNumber').toUpperCase()));
    replace(this.main,
      el('section', { class: 'card' },
        el('div', { class: 'row' }, el('h2', {}, 'Overview of ', this.carrierChoice()), refresh),
        el('div', { id: 'overview' })),
      el('section', { class: 'card', id: 'stuck-list', hidden: true }),
      el('section', { class: 'card' }, el('h2', {}, 'Find a parcel'),
        // A parcel's history is for its carrier's admins and auditors, who answer for it; platform admins are neither.
        this.caller.role === 'PLATFORM_ADMIN'
          ? el('p', { class: 'muted' }, 'A parcel’s history is for its carrier’s admins and for auditors.')
          : search,
        el('div', { id: 'found' })),
      el('section', { class: 'card' }, el('h2', {}, 'Read models'), el('div', { id: 'rebuild' })),
      el('section', { class: 'card' }, el('h2', {}, 'Label signing keys'), el('div', { id: 'keys' })));
    this.loadOverview();
    setInterval(() => this.loadOverview(), REFRESH_MS);
    this.loadRebuild();
    this.loadKeys();
  }

  private carrierChoice(): HTMLElement {
    if (this.caller.role !== 'PLATFORM_ADMIN') return el('strong', {}, this.carrier);
    const select = el('select', { id: 'carrier' }, ...CARRIERS.map((code) => el('option', { value: code }, code)));
    select.addEventListener('change', () => {
      this.carrier = select.value;
      this.loadOverview();
      this.loadKeys();
    });
    return select;
  }

  private async loadOverview(): Promise<void> {
    try {
      const overview = await this.session.call<Overview>('GET', `/admin/carriers/${this.carrier}/overview`);
      const hubs = new Map<string, number>();
      for (const hour of overview.throughput) hubs.set(hour.hub, (hubs.get(hour.hub) ?? 0) + hour.arrivals);
      const stuck = overview.stuck.filter((entry) => entry.parcels > 0);
      replace(byId('overview'),
        el('p', { class: 'muted' }, `As of ${when(overview.asOf)}`),
        el('div', { class: 'grid' },
          el('div', {}, el('h3', {}, 'Parcels by status'),
            barChart('Parcels by status', Object.entries(overview.byStatus).map(([status, count]) => ({ label: words(status), value: count }))),
            el('table', { class: 'counts', id: 'status-counts' }, ...Object.entries(overview.byStatus).map(([status, count]) =>
              el('tr', { 'data-status': status }, el('th', {}, words(status)), el('td', {}, String(count)))))),
          el('div', {}, el('h3', {}, 'Arrivals per hub, last 24 hours'),
            hubs.size ? barChart('Arrivals per hub', [...hubs].map(([hub, arrivals]) => ({ label: hub, value: arrivals })))
              : el('p', { class: 'empty' }, 'No arrivals at hubs in the last 24 hours.'),
            el('h3', {}, 'Failed deliveries, last 24 hours'), el('p', { class: 'big', id: 'failed-deliveries' }, String(overview.failedDeliveries)),
            el('h3', {}, 'Stuck parcels'),
            stuck.length ? el('ul', {}, ...stuck.map((entry) => {
              const open = el('button', { type: 'button', class: 'link' },
                `${entry.parcels} ${words(entry.status)} for more than ${duration(entry.after)}`);
              open.addEventListener('click', () => this.listStuck(entry.status, entry.after));
              return el('li', {}, open);
            })) : el('p', { class: 'empty' }, 'None.'))));
    } catch (error) {
      showError(error);
    }
  }

  private async listStuck(status: string, after: string): Promise<void> {
    const section = byId<HTMLElement>('stuck-list');
    try {
      const page = await this.session.call<{ items: AdminWaybill[] }>('GET',
        `/admin/carriers/${this.carrier}/waybills?status=${status}&stuckFor=${after}&limit=100`);
      replace(section, el('h2', {}, `${words(status)} for more than ${duration(after)}`),
        el('ul', { class: 'parcels' }, ...page.items.map((parcel) => {
          const open = el('button', { type: 'button', class: 'link' }, parcel.trackingNumber);
          open.addEventListener('click', () => this.showParcel(parcel.waybillId, parcel.trackingNumber));
          return el('li', {}, open, ` since ${when(parcel.statusSince)}${parcel.hub ? ` at ${parcel.hub}` : ''}`,
            parcel.holderKind ? ` · held by ${words(parcel.holderKind)}${parcel.holderId ? ` ${parcel.holderId}` : ''}` : '');
        })));
      section.hidden = false;
    } catch (error) {
      showError(error);
    }
  }

  private async find(trackingNumber: string): Promise<void> {
    try {
      const page = await this.session.call<{ items: { waybillId: string }[] }>('GET',
        `/audit/events?trackingNumber=${encodeURIComponent(trackingNumber)}&limit=1`);
      if (!page.items.length) {
        replace(byId('found'), el('p', { class: 'empty' }, `No parcel ${trackingNumber} of yours.`));
        return;
      }
      await this.showParcel(page.items[0].waybillId, trackingNumber);
    } catch (error) {
      showError(error);
    }
  }

  /** The parcel's history with personal data redacted, and its label. */
  private async showParcel(waybillId: string, trackingNumber: string): Promise<void> {
    const found = byId('found');
    try {
      const history = await this.session.call<{ events: HistoryEntry[] }>('GET', `/audit/waybills/${waybillId}/history?limit=100`);
      clearError();
      replace(found,
        el('h3', {}, `Parcel ${trackingNumber}`),
        el('ol', { class: 'timeline', id: 'history' }, ...history.events.map((entry) => el('li', {},
          el('time', {}, when(entry.when.eventTime)), ` ${entry.why}`, ` · ${actor(entry.who)}`))));
      found.scrollIntoView({ behavior: 'smooth' });
      found.appendChild(await labelImage(this.session, waybillId));
    } catch (error) {
      showError(error);
    }
  }

  private async loadRebuild(): Promise<void> {
    window.clearTimeout(this.rebuildPoll);
    const box = byId('rebuild');
    try {
      const state = await this.session.call<Rebuild>('GET', '/admin/projections/parcels');
      const running = state.rebuilding !== undefined;
      const start = el('button', { type: 'button', id: 'start-rebuild' }, 'Rebuild the read models');
      start.disabled = running;
      start.addEventListener('click', async () => {
        start.disabled = true;
        try {
          await this.session.call('POST', '/admin/projections/parcels/rebuild');
          clearError();
        } catch (error) {
          showError(error);
        }
        this.loadRebuild();
      });
      replace(box,
        el('p', {}, `Serving copy ${state.serving}, ${state.servingLag} events behind the event store.`),
        running && el('p', {}, `Rebuilding ${state.rebuilding} since ${when(state.startedAt)}: event ${state.position} of ${state.head}`,
          el('progress', { max: String(Math.max(1, state.head)), value: String(state.position) })),
        this.caller.role === 'PLATFORM_ADMIN' ? start
          : el('p', { class: 'muted' }, 'Platform admins start a rebuild; you can watch it here.'));
      if (running) this.rebuildPoll = window.setTimeout(() => this.loadRebuild(), 2000);
    } catch (error) {
      showError(error);
    }
  }

  /** The carrier's keys; its own admins rotate and retire them, platform admins only look. */
  private async loadKeys(): Promise<void> {
    try {
      const { keys } = await this.session.call<{ keys: LabelKey[] }>('GET', `/carriers/${this.carrier}/label-keys`);
      const mayChange = this.caller.role === 'CARRIER_ADMIN';
      const rotate = el('button', { type: 'button', id: 'rotate-key' }, 'Rotate: sign new labels with a new key');
      rotate.addEventListener('click', () => this.rotateKey(rotate));
      replace(byId('keys'),
        el('p', {}, 'The active key signs new labels; scanners verify labels offline with the published keys. '
          + 'Labels printed before a rotation keep scanning with their key until you retire it. Retire a key only once '
          + 'its labels are out of circulation: a label signed with a retired key is refused, and the parcel needs a new print.'),
        el('table', { class: 'counts', id: 'key-list' },
          el('tr', {}, el('th', {}, 'Key'), el('th', {}, 'Status'), el('th', {}, 'Made'), el('th', {}, 'Retired'), el('th', {}, '')),
          ...keys.map((key) => el('tr', { 'data-key': key.keyId, 'data-status': key.status },
            el('td', {}, el('code', {}, key.keyId)),
            el('td', {}, words(key.status)),
            el('td', {}, key.createdAt ? `${when(key.createdAt)} by ${key.createdBy}` : 'in configuration'),
            el('td', {}, key.retiredAt ? `${when(key.retiredAt)} by ${key.retiredBy}` : key.status === 'RETIRED' ? 'in configuration' : ''),
            el('td', {}, mayChange && key.status === 'VERIFYING' ? this.retireButton(key.keyId) : '')))),
        mayChange ? rotate : el('p', { class: 'muted' }, 'The carrier’s own admins rotate and retire its keys.'));
    } catch (error) {
      showError(error);
    }
  }

  /** One idempotency key per click, so a retried request makes no second key. */
  private async rotateKey(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await this.session.call('POST', `/carriers/${this.carrier}/label-keys`, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
      clearError();
    } catch (error) {
      showError(error);
    }
    this.loadKeys();
  }

  private retireButton(keyId: string): HTMLButtonElement {
    const retire = el('button', { type: 'button', class: 'secondary' }, 'Retire');
    retire.addEventListener('click', async () => {
      if (!window.confirm(`Retire key ${keyId}? Labels signed with it will be refused from now on and need a new print.`)) return;
      retire.disabled = true;
      try {
        await this.session.call('POST', `/carriers/${this.carrier}/label-keys/${keyId}/retirement`);
        clearError();
      } catch (error) {
        showError(error);
      }
      this.loadKeys();
    });
    return retire;
  }
}

/** Carrier staff by account; a customer only as "the customer": the console shows no customer's account. */
function actor(who: HistoryEntry['who']): string {
  if (!who.role) return 'by the platform';
  if (who.role === 'CUSTOMER') return 'by the customer';
  return `by ${words(who.role)}${who.actorId ? ` ${who.actorId}` : ''}`;
}

/** PT48H → "48 hours", P2D → "2 days", PT1S → "1 second". */
function duration(iso: string): string {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!match) return iso;
  const units = ['day', 'hour', 'minute', 'second'];
  return match.slice(1)
    .map((count, index) => (count ? `${count} ${units[index]}${count === '1' ? '' : 's'}` : ''))
    .filter(Boolean)
    .join(' ');
}
