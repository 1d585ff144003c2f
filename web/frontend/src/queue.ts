// Scans waiting to be sent, kept in the browser's storage so they survive going offline and a reload. Each has
// its idempotency key from the moment it was made, so a scan sent twice (the answer was lost) records once.

export interface PendingScan {
  idempotencyKey: string;
  /** The courier who made it: only their session sends it. */
  username: string;
  qr: string;
  action: string;
  hub?: string;
  deviceTime: string;
}

const KEY = 'exqress.courier.pending-scans';

export function pendingScans(username: string): PendingScan[] {
  return allPendingScans().filter((scan) => scan.username === username);
}

function allPendingScans(): PendingScan[] {
  const stored = localStorage.getItem(KEY);
  return stored ? (JSON.parse(stored) as PendingScan[]) : [];
}

export function enqueue(scan: Omit<PendingScan, 'idempotencyKey'>): PendingScan {
  const pending = { ...scan, idempotencyKey: crypto.randomUUID() };
  save([...allPendingScans(), pending]);
  return pending;
}

export function dequeue(idempotencyKey: string): void {
  save(allPendingScans().filter((scan) => scan.idempotencyKey !== idempotencyKey));
}

function save(scans: PendingScan[]): void {
  localStorage.setItem(KEY, JSON.stringify(scans));
}

/** This browser's device id for the scan rate limit, made once. */
export function deviceId(): string {
  let id = localStorage.getItem('exqress.courier.device-id');
  if (!id) {
    id = `web-${crypto.randomUUID()}`;
    localStorage.setItem('exqress.courier.device-id', id);
  }
  return id;
}
