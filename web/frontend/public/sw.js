// The courier scanner's service worker: the pages and their assets stay usable without a connection. It only
// serves /ui/ (API calls go to the network as they are; scans made offline wait in the page's own queue).
const CACHE = 'exqress-ui-v1';
const SHELL = ['/ui/courier.html', '/ui/manifest.webmanifest', '/ui/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

/** The shell and the scripts and styles the scanner page names, so it opens offline after the first visit. */
async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  const page = await (await cache.match('/ui/courier.html')).text();
  await cache.addAll([...new Set(page.match(/\/ui\/assets\/[^"]+/g) ?? [])]);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/ui/')) return;
  // Built assets have their content hash in the name, so a cached copy is always right; pages may change.
  event.respondWith(url.pathname.startsWith('/ui/assets/') ? cacheFirst(event.request) : networkFirst(event.request));
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(request);
    if (cached) return cached;
    throw error;
  }
}
