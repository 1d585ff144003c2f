// Horizontal bar charts as SVG built in script: the Content-Security-Policy allows no inline styles, and
// presentation attributes are not styles.
const SVG = 'http://www.w3.org/2000/svg';
const ROW = 26;
const LABEL_WIDTH = 150;
const BAR_WIDTH = 300;

export interface Bar {
  label: string;
  value: number;
}

export function barChart(title: string, bars: Bar[]): SVGSVGElement {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const svg = node('svg', { viewBox: `0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${Math.max(1, bars.length) * ROW}`, role: 'img', class: 'chart' });
  svg.appendChild(node('title', {}, title));
  bars.forEach((bar, index) => {
    const y = index * ROW;
    svg.appendChild(node('text', { x: '0', y: String(y + 17), class: 'chart-label' }, bar.label));
    svg.appendChild(node('rect', {
      x: String(LABEL_WIDTH), y: String(y + 4), height: String(ROW - 8),
      width: String(Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * BAR_WIDTH)), class: 'chart-bar',
    }));
    svg.appendChild(node('text', { x: String(LABEL_WIDTH + (bar.value / max) * BAR_WIDTH + 6), y: String(y + 17), class: 'chart-value' },
      String(bar.value)));
  });
  return svg;
}

function node<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}
