// End-to-end test of the three pages in Chromium, against a running Exqress (EXQRESS_URL). WebPagesIT in
// standalone runs it from the Maven build; by hand: EXQRESS_URL=http://localhost:8080 node e2e/pages.e2e.mjs
//
// A customer creates a parcel and prints its label (which shows no personal data); the courier scanner reads
// that label through Chromium's fake camera and records the pickup, while the customer's tracking page
// follows live; a courier of a carrier that is no partner is refused; a courier at the destination hub scans
// it offline, and the scan goes out once when the phone is back online; the admin console counts the parcel;
// the admin rotates the carrier's label key, and the label on the box scans until the old key is retired;
// after delivery the recipient disposes of the label; a platform admin rebuilds the read models.
// Every step leaves a screenshot in SCREENSHOTS (default target/e2e). The exit status is 0 when every check passed.
// STUCK_IN_TRANSIT_AFTER tells that the system counts a parcel in transit as stuck after that long (an ISO
// duration of a second or so, as WebPagesIT configures it): then the console must list the parcel as stuck.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.EXQRESS_URL ?? 'http://localhost:8080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = resolve(process.env.SCREENSHOTS ?? 'target/e2e');
const PASSWORD = 'demo-password';
const TIMEOUT_MS = 20_000;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

const SENDER = { name: 'Kim Minji', phone: '010-1234-5678', line1: '12 Sejong-daero', city: 'Seoul', postalCode: '04524' };
const RECIPIENT = { name: 'Lee Jun', phone: '010-5555-0101', line1: '45 Haeundae-ro', city: 'Busan', postalCode: '48094' };

mkdirSync(OUT, { recursive: true });
const browsers = [];
const pageErrors = [];
let step = 0;

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  console.log(`ok - ${message}`);
}

async function screenshot(page, name) {
  check(pageErrors.length === 0, `no script errors or CSP violations so far ${pageErrors.join('; ')}`);
  step += 1;
  const file = join(OUT, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`   screenshot ${file}`);
}

async function launch(args = []) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...args] });
  browsers.push(browser);
  return browser;
}

/** A new page on one of the front ends, failing the test on any Content-Security-Policy violation or script error. */
async function open(browser, path, { initScript } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  if (initScript) await context.addInitScript(initScript.script, initScript.arg);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('pageerror', (error) => pageErrors.push(`script error on ${path}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      pageErrors.push(`CSP violation on ${path}: ${message.text()}`);
    }
  });
  const response = await page.goto(BASE + path);
  check(response.status() === 200, `${path} is served`);
  const csp = response.headers()['content-security-policy'] ?? '';
  check(csp.includes("default-src 'self'") && csp.includes("script-src 'self'") && !csp.includes('unsafe-inline'),
    `${path} has a strict Content-Security-Policy`);
  return page;
}

async function logIn(page, username) {
  await page.fill('#login input[name=username]', username);
  await page.fill('#login input[name=password]', PASSWORD);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#login', { state: 'detached' });
  check(!page.url().includes(username), `${username}'s name is not in the URL`);
}

/** A fetch from inside the page with the page's own session, as its scripts make them. */
function fetchInPage(page, sessionKey, path, as) {
  return page.evaluate(async ({ sessionKey, path, as }) => {
    const { access_token: token } = JSON.parse(localStorage.getItem(sessionKey));
    const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    if (as === 'text') return response.text();
    // The label as one Y4M video frame (I420), for Chromium's fake camera.
    const image = await createImageBitmap(await response.blob());
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, image.width, image.height);
    context.drawImage(image, 0, 0);
    const { width, height } = image;
    const rgba = context.getImageData(0, 0, width, height).data;
    const y = new Uint8Array(width * height);
    const u = new Uint8Array((width / 2) * (height / 2));
    const v = new Uint8Array((width / 2) * (height / 2));
    for (let row = 0; row < height; row++) {
      for (let column = 0; column < width; column++) {
        const i = (row * width + column) * 4;
        const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
        y[row * width + column] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
        if (row % 2 === 0 && column % 2 === 0) {
          const c = (row / 2) * (width / 2) + column / 2;
          u[c] = Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
          v[c] = Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
        }
      }
    }
    const base64 = (bytes) => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    };
    return { width, height, y: base64(y), u: base64(u), v: base64(v) };
  }, { sessionKey, path, as });
}

function writeY4m(frame, file) {
  const header = Buffer.from(`YUV4MPEG2 W${frame.width} H${frame.height} F5:1 Ip A1:1 C420jpeg\n`);
  const planes = Buffer.concat([Buffer.from('FRAME\n'), ...[frame.y, frame.u, frame.v].map((plane) => Buffer.from(plane, 'base64'))]);
  writeFileSync(file, Buffer.concat([header, planes, planes]));
}

async function scanLabel(browser, courier, action, { offline = false, initScript } = {}) {
  const page = await open(browser, '/ui/courier.html', { initScript });
  await page.context().grantPermissions(['camera'], { origin: BASE });
  await logIn(page, courier);
  // Offline only once the service worker holds the page, as on a phone that opened the scanner before.
  const worker = await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.active.scriptURL));
  check(worker === `${BASE}/ui/sw.js`, 'the scanner runs with its service worker');
  await page.context().setOffline(offline);
  await scan(page, action);
  return page;
}

async function scan(page, action) {
  await page.selectOption('#action', action);
  await page.click('#start-scan');
  await page.click('#confirm-scan');
}

async function scanRecorded(page, action, trackingNumber) {
  await scan(page, action);
  const recorded = `Recorded: ${action.toLowerCase().replace(/_/g, ' ')} of ${trackingNumber}`;
  await page.waitForFunction((text) => document.querySelector('#scan-answer')?.textContent.includes(text), recorded);
  return page.textContent('#scan-answer');
}

async function main() {
  const customerBrowser = await launch();

  // 1. A customer creates a parcel and prints its label.
  const customer = await open(customerBrowser, '/ui/track.html');
  await customer.fill('#login input[name=username]', 'sender1');
  await customer.fill('#login input[name=password]', 'not-the-password');
  await customer.click('#login button[type=submit]');
  await customer.waitForSelector('#message:not([hidden])');
  check((await customer.textContent('#message')) === 'That user name and password do not match.', 'a failed login is told in plain words');
  await logIn(customer, 'sender1');
  await screenshot(customer, 'customer-logged-in');
  await customer.click('#send summary');
  await customer.selectOption('select[name=carrier]', 'SWP');
  for (const [who, contact] of [['sender', SENDER], ['recipient', RECIPIENT]]) {
    for (const [name, value] of Object.entries(contact)) await customer.fill(`input[name="${who}.${name}"]`, value);
  }
  await customer.fill('input[name="sender.phone"]', 'call me');
  await customer.click('#send-form button[type=submit]');
  await customer.waitForSelector('#message:not([hidden])');
  const refusal = await customer.textContent('#message');
  check(refusal.startsWith('Some fields are missing or wrong.') && refusal.includes('phone'), `a refused form says what to fix: ${refusal}`);
  await screenshot(customer, 'customer-send-form-refused');
  await customer.fill('input[name="sender.phone"]', SENDER.phone);
  await customer.click('#send-form button[type=submit]');
  await customer.waitForSelector('#created img.label');
  await customer.waitForFunction(() => document.querySelector('#created img.label').complete
    && document.querySelector('#created img.label').naturalWidth > 0);
  const waybillId = await customer.getAttribute('#created', 'data-waybill-id');
  const trackingNumber = (await customer.textContent('#created h2')).match(/Parcel (\S+)/)[1];
  check(/^[0-9a-f-]{36}$/.test(waybillId) && trackingNumber.startsWith('SWP'), `parcel ${trackingNumber} created and labelled`);
  await screenshot(customer, 'customer-label');

  const svg = await fetchInPage(customer, 'exqress.session.customer', `/waybills/${waybillId}/labels/current?format=svg`, 'text');
  check(svg.includes(trackingNumber), 'the label shows the tracking number');
  for (const value of [...Object.values(SENDER), ...Object.values(RECIPIENT)]) {
    check(!svg.includes(value), `the label does not show "${value}"`);
  }
  check(!customer.url().includes(trackingNumber) && !customer.url().includes(waybillId), 'no parcel data in the page URL');

  // 2. Its tracking page, live.
  await customer.click('#parcels button.parcel');
  await customer.waitForSelector('#tracking-status');
  await customer.waitForFunction(() => document.querySelector('#live-state').textContent.startsWith('Live'));
  check((await customer.textContent('#tracking-status')) === 'info received', 'the tracking page shows the new parcel');
  await screenshot(customer, 'customer-tracking-before-pickup');

  // 3. The courier scans the printed label with the phone's camera.
  const camera = join(OUT, 'label.y4m');
  writeY4m(await fetchInPage(customer, 'exqress.session.customer', `/waybills/${waybillId}/labels/current?format=png`, 'frame'), camera);
  const cameraBrowser = await launch(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`]);
  const courier = await scanLabel(cameraBrowser, 'courier-swp-1', 'PICKUP');
  await courier.waitForSelector('#scan-answer');
  const answer = await courier.textContent('#scan-answer');
  check(answer.includes(`Recorded: pickup of ${trackingNumber}`), 'the courier recorded the pickup');
  check(answer.includes(SENDER.name) && answer.includes(SENDER.line1), 'the pickup answer shows where to pick it up');
  check(!answer.includes(RECIPIENT.name) && !answer.includes(RECIPIENT.line1), 'the pickup answer does not show the recipient');
  await courier.waitForFunction((tracking) => document.querySelector('#held-list')?.textContent.includes(tracking), trackingNumber);
  check(true, 'the parcel is in the courier\'s list of parcels held');
  await screenshot(courier, 'courier-pickup-recorded');

  // 4. The customer's open tracking page follows by itself.
  await customer.waitForFunction(() => document.querySelector('#tracking-status').textContent === 'picked up');
  check(true, 'the tracking page updated live to "picked up"');
  check((await customer.textContent('.disclosures')).includes('courier of SWP'), 'the customer sees that a courier of SWP looked at their data');
  await screenshot(customer, 'customer-tracking-after-pickup');

  // 5. A courier of a carrier that is not SWP's partner scans the same label: refused. This phone's browser has
  // a BarcodeDetector, as Android's Chrome does (Linux Chromium has none): a stand-in that counts the camera
  // frames it is given and reads the label's QR text, which the ZPL print carries as text.
  const zpl = await fetchInPage(customer, 'exqress.session.customer', `/waybills/${waybillId}/labels/current?format=zpl`, 'text');
  const qrText = zpl.match(/\^FDQA,([^^]+)\^FS/)[1];
  const nativeDetector = {
    script: (text) => {
      window.detectorFrames = 0;
      window.BarcodeDetector = class {
        static async getSupportedFormats() { return ['qr_code']; }
        async detect(frame) {
          if (frame.width === 0) return [];
          window.detectorFrames += 1;
          return [{ rawValue: text }];
        }
      };
    },
    arg: qrText,
  };
  const stranger = await scanLabel(cameraBrowser, 'courier-nrt-1', 'PICKUP', { initScript: nativeDetector });
  await stranger.waitForSelector('#message:not([hidden])');
  check((await stranger.textContent('#message')) === 'This label is not a parcel your company may handle.',
    'a courier of another carrier is refused in plain words');
  check(await stranger.$('#scan-answer') === null, 'the refused courier sees nothing of the parcel');
  check(await stranger.evaluate(() => window.detectorFrames) > 0, 'the scanner read the label with the browser\'s own BarcodeDetector');
  await screenshot(stranger, 'courier-other-carrier-refused');

  // 6. At the destination hub, courier-swp-2 scans it while the phone is offline: the scan waits, then goes out once.
  const hubCourier = await scanLabel(cameraBrowser, 'courier-swp-2', 'HUB_ARRIVAL', { offline: true });
  await hubCourier.waitForSelector('#scan .queued');
  check((await hubCourier.textContent('#pending h2')) === 'Waiting to be sent (1)', 'the offline scan waits on the phone');
  await screenshot(hubCourier, 'courier-offline-scan-queued');
  await hubCourier.reload();
  await hubCourier.waitForSelector('#pending:not([hidden])');
  check((await hubCourier.textContent('#account')).startsWith('courier-swp-2') && await hubCourier.isVisible('#start-scan'),
    'reopened offline, the scanner still works for the same courier');
  check((await hubCourier.textContent('#pending h2')) === 'Waiting to be sent (1)', 'the waiting scan survived reopening the page');
  await hubCourier.context().setOffline(false);
  await hubCourier.waitForSelector('#scan-answer');
  check((await hubCourier.textContent('#scan-answer')).includes(`Recorded: hub arrival of ${trackingNumber}`),
    'back online, the waiting scan is recorded');
  check(await hubCourier.isHidden('#pending'), 'nothing waits any more');
  const answer2 = await hubCourier.textContent('#scan-answer');
  check(!answer2.includes(SENDER.name) && !answer2.includes(RECIPIENT.name), 'a hub arrival shows no personal data');
  await screenshot(hubCourier, 'courier-offline-scan-sent');
  await customer.waitForFunction(() => document.querySelector('#tracking-status').textContent === 'in transit');
  check(true, 'the tracking page updated live to "in transit"');

  // 7. The carrier's admin console counts it, and its history has each scan once.
  const admin = await open(customerBrowser, '/ui/admin.html');
  await logIn(admin, 'admin-swp');
  await admin.waitForSelector('#status-counts tr[data-status=IN_TRANSIT]');
  check((await admin.textContent('#status-counts tr[data-status=IN_TRANSIT] td')) === '1', 'the admin console counts the parcel in transit');
  if (process.env.STUCK_IN_TRANSIT_AFTER) {
    await admin.click('#overview button.link');
    await admin.waitForSelector('#stuck-list:not([hidden])');
    check((await admin.textContent('#stuck-list')).includes(trackingNumber), 'the list of parcels stuck in transit has it');
  }
  await admin.fill('#search input[name=trackingNumber]', trackingNumber);
  await admin.click('#search button[type=submit]');
  await admin.waitForSelector('#found img.label');
  const history = await admin.textContent('#history');
  check(history.includes('scan PICKUP') && !history.includes(SENDER.name), 'the admin sees the parcel\'s history, without personal data');
  check(history.split('scan HUB_ARRIVAL').length === 2, 'the scan sent after going offline is recorded once');
  await screenshot(admin, 'admin-console');

  // 7b. The admin rotates the carrier's label key: new labels take the new key; the label on the box still scans (8).
  await admin.waitForSelector('#key-list tr[data-status=ACTIVE]');
  const oldKey = await admin.getAttribute('#key-list tr[data-status=ACTIVE]', 'data-key');
  await admin.click('#rotate-key');
  await admin.waitForFunction((old) => {
    const active = document.querySelector('#key-list tr[data-status=ACTIVE]');
    return active && active.dataset.key !== old;
  }, oldKey);
  const newKey = await admin.getAttribute('#key-list tr[data-status=ACTIVE]', 'data-key');
  check(newKey.startsWith('SWP') && await admin.$(`#key-list tr[data-key=${oldKey}][data-status=VERIFYING]`) !== null,
    `the admin rotated SWP's label key from ${oldKey} to ${newKey}, and the old key still verifies`);
  check(await admin.$(`#key-list tr[data-key=${newKey}] button`) === null, 'the active key cannot be retired');
  await screenshot(admin, 'admin-key-rotated');

  // 8. Delivered; the recipient disposes of the label from the tracking page.
  check((await scanRecorded(hubCourier, 'OUT_FOR_DELIVERY', trackingNumber)).includes(RECIPIENT.line1),
    'out for delivery, the courier sees where to deliver');
  await scanRecorded(hubCourier, 'DELIVERED', trackingNumber);
  check(true, 'the label printed before the rotation still scans');

  // 8b. The admin retires the old key: the label signed with it is refused in plain words.
  admin.once('dialog', (dialog) => dialog.accept());
  await admin.click(`#key-list tr[data-key=${oldKey}] button`);
  await admin.waitForSelector(`#key-list tr[data-key=${oldKey}][data-status=RETIRED]`);
  check((await admin.textContent(`#key-list tr[data-key=${oldKey}]`)).includes('by admin-swp'), 'the console says who retired the key');
  await screenshot(admin, 'admin-key-retired');
  await scan(hubCourier, 'DELIVERY_FAILED');
  await hubCourier.waitForFunction(() => document.querySelector('#message:not([hidden])')?.textContent.includes('signing key was retired'));
  check(true, 'a label signed with the retired key is refused in plain words');
  await screenshot(hubCourier, 'courier-retired-key-refused');
  const recipient = await open(customerBrowser, '/ui/track.html');
  await logIn(recipient, 'recipient1');
  await recipient.click('[data-direction=received]');
  await recipient.click(`#parcels button.parcel:has-text("${trackingNumber}")`);
  await recipient.waitForSelector('.disposal button.danger');
  check((await recipient.textContent('.disposal')).includes('cannot be undone'), 'the recipient is told what disposal does');
  await screenshot(recipient, 'recipient-before-disposal');
  await recipient.click('.disposal button.danger');
  await recipient.waitForFunction(() => document.querySelector('.disposal')?.textContent.startsWith('Disposed of'));
  check(true, 'the recipient disposed of the label');
  await screenshot(recipient, 'recipient-disposed');

  // 9. A platform admin rebuilds the read models and watches until the new copy serves.
  const platform = await open(customerBrowser, '/ui/admin.html');
  await logIn(platform, 'platform-admin');
  await platform.waitForSelector('#start-rebuild:enabled');
  check(await platform.$('#search') === null, 'a platform admin is offered no parcel search, whose histories are not theirs to see');
  const servingBefore = (await platform.textContent('#rebuild p')).match(/Serving copy (\w+)/)[1];
  await platform.click('#start-rebuild');
  await platform.waitForFunction((before) => {
    const serving = document.querySelector('#rebuild p')?.textContent.match(/Serving copy (\w+)/);
    return serving && serving[1] !== before && !document.querySelector('#rebuild progress');
  }, servingBefore, { timeout: 60_000 });
  check(true, `the rebuilt copy serves instead of ${servingBefore}`);
  await screenshot(platform, 'admin-rebuild-done');
  await platform.click('#account button');
  await platform.waitForSelector('#login');
  check(await platform.evaluate(() => localStorage.getItem('exqress.session.admin')) === null, 'logging out forgets the tokens');
  check(pageErrors.length === 0, `no script errors or CSP violations at all ${pageErrors.join('; ')}`);
}

try {
  await main();
  console.log('all checks passed');
} catch (error) {
  console.error(error.stack ?? String(error));
  // Every open page as it was when the test failed, to see what it waited for in vain.
  const pages = browsers.flatMap((browser) => browser.contexts().flatMap((context) => context.pages()));
  await Promise.all(pages.map((page, index) => page.screenshot({ path: join(OUT, `failure-${index + 1}.png`), fullPage: true })
    .catch(() => undefined)));
  process.exitCode = 1;
} finally {
  await Promise.all(browsers.map((browser) => browser.close()));
}
