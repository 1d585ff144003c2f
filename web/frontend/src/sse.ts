import type { Session } from './api';

/**
 * Reads a server-sent event stream with the user's token. EventSource cannot send an Authorization header,
 * and the token must not go into the URL, so this reads the stream with fetch.
 */
export async function readEvents(
  session: Session,
  path: string,
  signal: AbortSignal,
  onEvent: (name: string, data: string) => void,
): Promise<void> {
  const response = await session.fetch(path, { headers: { Accept: 'text/event-stream' }, signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end), onEvent);
      buffer = buffer.slice(end + 2);
    }
  }
}

function dispatch(block: string, onEvent: (name: string, data: string) => void): void {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const key = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (key === 'event') name = value;
    else if (key === 'data') data.push(value);
  }
  if (data.length) onEvent(name, data.join('\n'));
}
