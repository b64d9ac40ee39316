/** HTML escaping for the preview's server-rendered markup: every cell text and attribute goes through here. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** JSON that can sit inside a <script> element: the same escaping the server uses for the sidebar's boot data. */
export { embedJson as scriptJson } from '../../src/core/embed-json';
