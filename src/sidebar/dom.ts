/**
 * The one way this client makes DOM: text goes in as text nodes and field values as `.value`, never as
 * markup, so spreadsheet text such as `<img src=x onerror=alert(1)>` is shown literally and never runs.
 */

type EventHandler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | null | undefined | EventHandler>;
export type Child = Node | string | null | undefined | false;

/** Properties set as DOM properties rather than attributes (what the user sees in a field). */
const PROPERTY_NAMES = new Set(['value']);

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function' || name.startsWith('on')) {
      // Handlers are functions only: an inline `on…` attribute would be markup that runs.
      if (typeof value !== 'function' || !name.startsWith('on')) throw new Error(`el(): bad event property ${name}`);
      node.addEventListener(name.slice(2), value);
    } else if (PROPERTY_NAMES.has(name)) {
      (node as unknown as Record<string, unknown>)[name] = String(value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** "1 entry", "7 entries". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
