/**
 * The preview page's script (serialised with toString into the page, so it is self-contained and only
 * uses browser APIs). It switches sheet tabs, selects and edits cells (a teammate's direct edit, sent to
 * /api/cell), runs the add-on menu items (/api/menu; questions become window.confirm, alerts
 * window.alert, toasts a toast), inserts and deletes rows and renames and deletes tabs as a teammate would
 * (/api/structure, the Edit menu), hosts the sidebar iframe and redraws the grid after every change.
 */

export interface ClientBoot {
  version: number;
  sheet: string;
  active: { sheet: string; range: string };
  sheets: Array<{ name: string; tabColor: string | null }>;
}

export function previewClient(boot: ClientBoot): void {
  interface View {
    version: number;
    spreadsheetName: string;
    sheets: Array<{ name: string; tabColor: string | null }>;
    sheet: string;
    active: { sheet: string; range: string };
    grid: string;
  }
  interface Outcome {
    ok: boolean;
    error?: string;
    question?: { prompt: string; buttons: string };
    alerts?: Array<{ title?: string; prompt: string }>;
    toasts?: Array<{ title: string; message: string; timeout: number }>;
    sidebar?: boolean;
    changed?: boolean;
    version?: number;
  }

  const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
  const scroller = $<HTMLDivElement>('grid-scroll');

  /** Draws the embedded charts of the grid with Apache ECharts (loaded by the page), from their options. */
  function drawCharts(): void {
    type Chart = { setOption(option: unknown): void };
    const lib = (window as unknown as { echarts?: { init(el: HTMLElement, theme?: null, opts?: object): Chart } })
      .echarts;
    if (!lib) return;
    for (const el of Array.from(scroller.querySelectorAll<HTMLElement>('.chart'))) {
      lib.init(el, null, { renderer: 'svg' }).setOption(JSON.parse(el.dataset.option ?? '{}'));
      el.dataset.drawn = 'true';
    }
  }
  drawCharts();
  const tabs = $<HTMLDivElement>('tabs');
  const nameBox = $<HTMLInputElement>('name-box');
  const formula = $<HTMLInputElement>('formula-input');
  const pane = $<HTMLElement>('sidebar-pane');
  const frame = $<HTMLIFrameElement>('sidebar-frame');
  const toastBox = $<HTMLDivElement>('toast');
  const saved = $<HTMLSpanElement>('save-status');

  let current = boot.sheet;
  let version = boot.version;
  let lastActive = `${boot.active.sheet}!${boot.active.range}`;
  let activeRange = boot.active;
  let selected: string | null = null;
  let editor: HTMLTextAreaElement | null = null;
  let refreshing: Promise<void> | null = null;
  let toastTimer = 0;

  function lettersToCol(letters: string): number {
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }
  function colToLetters(col: number): string {
    let s = '';
    for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function parseCell(a1: string): { row: number; col: number } | null {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    return m ? { row: Number(m[2]), col: lettersToCol(m[1]) } : null;
  }
  function parseRange(a1: string): { r1: number; c1: number; r2: number; c2: number } | null {
    const [a, b] = a1.split(':');
    const p = parseCell(a);
    const q = b ? parseCell(b) : p;
    if (!p || !q) return null;
    return {
      r1: Math.min(p.row, q.row),
      c1: Math.min(p.col, q.col),
      r2: Math.max(p.row, q.row),
      c2: Math.max(p.col, q.col),
    };
  }
  function cellRect(td: HTMLElement): { r1: number; c1: number; r2: number; c2: number } | null {
    return parseRange(td.dataset.merge || td.dataset.a1 || '');
  }
  function tdAt(a1: string): HTMLTableCellElement | null {
    const direct = scroller.querySelector<HTMLTableCellElement>(`td[data-a1="${a1}"]`);
    if (direct) return direct;
    const p = parseCell(a1);
    if (!p) return null;
    for (const td of Array.from(scroller.querySelectorAll<HTMLTableCellElement>('td[data-merge]'))) {
      const r = cellRect(td);
      if (r && p.row >= r.r1 && p.row <= r.r2 && p.col >= r.c1 && p.col <= r.c2) return td;
    }
    return null;
  }

  async function postJson(path: string, body: unknown): Promise<Outcome> {
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const data = (await response.json().catch(() => ({ ok: false, error: `HTTP ${response.status}` }))) as Outcome;
      if (!response.ok && data.ok !== false) return { ok: false, error: data.error || `HTTP ${response.status}` };
      return data;
    } catch (error) {
      return {
        ok: false,
        error: `The preview server cannot be reached (${String(error)}). Is "npm start" still running?`,
      };
    }
  }

  async function fetchView(sheet?: string): Promise<View | null> {
    try {
      const response = await fetch(`/api/view${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`);
      if (!response.ok) return null;
      return (await response.json()) as View;
    } catch {
      return null;
    }
  }

  function renderTabs(view: View): void {
    tabs.textContent = '';
    for (const s of view.sheets) {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = `tab${s.name === view.sheet ? ' active' : ''}`;
      tab.textContent = s.name;
      tab.dataset.sheet = s.name;
      if (s.tabColor && /^#[0-9a-f]{6}$/i.test(s.tabColor)) tab.style.borderBottomColor = s.tabColor;
      tab.addEventListener('click', () => void show(s.name));
      tabs.appendChild(tab);
    }
  }

  function markActiveRange(): void {
    for (const td of Array.from(scroller.querySelectorAll('td.in-range'))) td.classList.remove('in-range');
    if (activeRange.sheet !== current) return;
    const range = parseRange(activeRange.range);
    if (!range || (range.r1 === range.r2 && range.c1 === range.c2)) return;
    for (const td of Array.from(scroller.querySelectorAll<HTMLTableCellElement>('td[data-a1]'))) {
      const r = cellRect(td);
      if (r && r.r1 >= range.r1 && r.r2 <= range.r2 && r.c1 >= range.c1 && r.c2 <= range.c2)
        td.classList.add('in-range');
    }
  }

  function apply(view: View, opts: { scrollToActive?: boolean } = {}): void {
    const keepScroll = view.sheet === current && !opts.scrollToActive;
    const top = scroller.scrollTop;
    const left = scroller.scrollLeft;
    closeEditor(false);
    current = view.sheet;
    version = view.version;
    activeRange = view.active;
    document.title = `${view.sheet} – ${view.spreadsheetName}`;
    scroller.innerHTML = view.grid; // server-rendered, every text escaped
    drawCharts();
    renderTabs(view);
    markActiveRange();
    if (keepScroll) {
      scroller.scrollTop = top;
      scroller.scrollLeft = left;
    } else if (opts.scrollToActive && view.active.sheet === view.sheet) {
      const first = tdAt(view.active.range.split(':')[0]);
      if (first) first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else {
      scroller.scrollTop = 0;
      scroller.scrollLeft = 0;
    }
    if (selected && !tdAt(selected)) selected = null;
    select(selected ? tdAt(selected) : null);
  }

  async function show(sheet: string): Promise<void> {
    const view = await fetchView(sheet);
    if (view) {
      if (view.sheet !== current) selected = null;
      apply(view);
    }
  }

  /** Redraws the current sheet; follows the add-on when it activated another sheet or range. */
  function refresh(): Promise<void> {
    if (refreshing) return refreshing.then(() => refresh());
    refreshing = (async () => {
      let view = await fetchView(current);
      if (!view) return;
      const activeKey = `${view.active.sheet}!${view.active.range}`;
      let follow = false;
      if (activeKey !== lastActive) {
        lastActive = activeKey;
        follow = true;
        if (view.active.sheet !== current) {
          selected = null;
          view = (await fetchView(view.active.sheet)) ?? view;
        }
      }
      apply(view, { scrollToActive: follow });
      saved.textContent = 'All changes saved';
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function select(td: HTMLTableCellElement | null): void {
    for (const el of Array.from(scroller.querySelectorAll('td.selected'))) el.classList.remove('selected');
    for (const el of Array.from(scroller.querySelectorAll('th.hl'))) el.classList.remove('hl');
    if (!td) {
      nameBox.value = '';
      formula.value = '';
      return;
    }
    selected = td.dataset.a1 || null;
    td.classList.add('selected');
    nameBox.value = td.dataset.merge || selected || '';
    formula.value = td.dataset.input ?? '';
    const r = cellRect(td);
    if (r) {
      const row = scroller.querySelector(`tr[data-row="${r.r1}"] th.rh`);
      if (row) row.classList.add('hl');
      const col = scroller.querySelector(`th.ch[data-col="${r.c1}"]`);
      if (col) col.classList.add('hl');
    }
  }

  function move(dRow: number, dCol: number): void {
    if (!selected) return;
    const td = tdAt(selected);
    const r = td ? cellRect(td) : null;
    if (!r) return;
    let row = dRow > 0 ? r.r2 + 1 : dRow < 0 ? r.r1 - 1 : r.r1;
    let col = dCol > 0 ? r.c2 + 1 : dCol < 0 ? r.c1 - 1 : r.c1;
    for (let i = 0; i < 50 && row >= 1 && col >= 1; i++) {
      const next = tdAt(`${colToLetters(col)}${row}`);
      if (next) {
        select(next);
        next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
      }
      row += dRow;
      col += dCol;
      if (!dRow && !dCol) return;
    }
  }

  async function commit(a1: string, value: string, then: 'down' | 'right' | 'stay'): Promise<void> {
    saved.textContent = 'Saving…';
    const outcome = await postJson('/api/cell', { sheet: current, a1, value });
    if (!outcome.ok) {
      saved.textContent = '';
      window.alert(outcome.error || 'The cell could not be changed.');
      return;
    }
    selected = a1;
    await refresh();
    if (then === 'down') move(1, 0);
    if (then === 'right') move(0, 1);
  }

  function closeEditor(save: boolean, then: 'down' | 'right' | 'stay' = 'down'): void {
    if (!editor) return;
    const ed = editor;
    editor = null;
    const a1 = ed.dataset.a1 || '';
    const original = ed.dataset.original ?? '';
    ed.remove();
    if (save && a1 && ed.value !== original) void commit(a1, ed.value, then);
    else if (save && then !== 'stay') move(then === 'down' ? 1 : 0, then === 'right' ? 1 : 0);
  }

  function startEdit(td: HTMLTableCellElement, initial: string | null): void {
    closeEditor(true, 'stay');
    select(td);
    const ed = document.createElement('textarea');
    ed.className = 'cell-editor';
    ed.dataset.a1 = td.dataset.a1 || '';
    ed.dataset.original = td.dataset.input ?? '';
    ed.value = initial ?? td.dataset.input ?? '';
    ed.setAttribute('aria-label', `Edit ${td.dataset.a1}`);
    const box = td.getBoundingClientRect();
    const host = scroller.getBoundingClientRect();
    ed.style.left = `${box.left - host.left + scroller.scrollLeft}px`;
    ed.style.top = `${box.top - host.top + scroller.scrollTop}px`;
    ed.style.minWidth = `${Math.max(box.width, 80)}px`;
    ed.style.minHeight = `${box.height}px`;
    const inner = td.querySelector<HTMLElement>('.v');
    if (inner) {
      const cs = getComputedStyle(inner);
      ed.style.font = cs.font;
      ed.style.color = cs.color;
    }
    scroller.appendChild(ed);
    editor = ed;
    ed.focus();
    ed.setSelectionRange(ed.value.length, ed.value.length);
    ed.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
        e.preventDefault();
        closeEditor(true, 'down');
      } else if (e.key === 'Tab') {
        e.preventDefault();
        closeEditor(true, 'right');
      } else if (e.key === 'Escape') {
        e.preventDefault();
        closeEditor(false);
      }
      e.stopPropagation();
    });
    ed.addEventListener('input', () => {
      formula.value = ed.value;
    });
    ed.addEventListener('blur', () => closeEditor(true, 'stay'));
  }

  scroller.addEventListener('mousedown', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-a1]');
    if (td && !(e.target as HTMLElement).closest('.cell-editor')) select(td);
  });
  scroller.addEventListener('dblclick', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLTableCellElement>('td[data-a1]');
    if (td) startEdit(td, null);
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (editor || !selected || target.closest('input, textarea, select, button, iframe')) return;
    const td = tdAt(selected);
    if (!td) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit(td, null);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if ((td.dataset.input ?? '') !== '') void commit(selected, '', 'stay');
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(1, 0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(-1, 0);
    } else if (e.key === 'ArrowRight' || e.key === 'Tab') {
      e.preventDefault();
      move(0, 1);
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      move(0, -1);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(td, e.key);
    }
  });
  formula.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && selected) {
      e.preventDefault();
      const td = tdAt(selected);
      if (td && formula.value !== (td.dataset.input ?? '')) void commit(selected, formula.value, 'down');
    } else if (e.key === 'Escape' && selected) {
      formula.value = tdAt(selected)?.dataset.input ?? '';
      formula.blur();
    }
  });

  function toast(title: string, message: string, seconds: number): void {
    toastBox.textContent = '';
    const t = document.createElement('strong');
    t.textContent = title;
    const m = document.createElement('span');
    m.textContent = message;
    toastBox.append(t, m);
    toastBox.hidden = false;
    window.clearTimeout(toastTimer);
    const ms = Math.min(Math.max(seconds > 0 ? seconds : 5, 3), 10) * 1000;
    toastTimer = window.setTimeout(() => {
      toastBox.hidden = true;
    }, ms);
  }

  function openSidebar(): void {
    pane.hidden = false;
    document.body.classList.add('with-sidebar');
    frame.src = `/sidebar?v=${Date.now()}`;
  }

  async function runMenu(fn: string, answers: string[] = []): Promise<void> {
    saved.textContent = 'Working…';
    const outcome = await postJson('/api/menu', { fn, answers });
    if (outcome.question) {
      const yes = window.confirm(outcome.question.prompt);
      const buttons = outcome.question.buttons;
      const answer = buttons === 'OK_CANCEL' ? (yes ? 'OK' : 'CANCEL') : yes ? 'YES' : 'NO';
      return runMenu(fn, answers.concat([answer]));
    }
    for (const t of outcome.toasts ?? []) toast(t.title, t.message, t.timeout);
    if (outcome.sidebar) openSidebar();
    await refresh();
    for (const a of outcome.alerts ?? []) window.alert(a.title ? `${a.title}\n\n${a.prompt}` : a.prompt);
    if (!outcome.ok) window.alert(outcome.error || 'The menu item failed.');
  }

  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-menu-fn]'))) {
    button.addEventListener('click', () => {
      const menu = button.closest('details');
      if (menu) menu.open = false;
      void runMenu(button.dataset.menuFn || '');
    });
  }
  /** Edit menu: a teammate's structural change at the selected cell (rows) or on the shown sheet (tab). */
  async function changeStructure(op: string): Promise<void> {
    const row = parseCell(selected ?? '')?.row ?? 1;
    let body: Record<string, unknown> = { op, sheet: current };
    if (op === 'renameSheet') {
      const name = window.prompt(`Rename "${current}" to:`, current);
      if (name === null || name.trim() === '' || name === current) return;
      body = { ...body, name: name.trim() };
    } else if (op === 'deleteSheet') {
      if (!window.confirm(`Delete the sheet "${current}"? (As in Sheets, only Undo there brings it back.)`)) return;
    } else body = { ...body, row, count: 1 };
    saved.textContent = 'Working…';
    const outcome = await postJson('/api/structure', body);
    if (outcome.ok && op === 'renameSheet') current = String(body.name);
    await refresh();
    if (!outcome.ok) window.alert(outcome.error || 'The change failed.');
  }

  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-structure]'))) {
    button.addEventListener('click', () => {
      const menu = button.closest('details');
      if (menu) menu.open = false;
      void changeStructure(button.dataset.structure || '');
    });
  }

  $<HTMLButtonElement>('sidebar-close').addEventListener('click', () => {
    pane.hidden = true;
    document.body.classList.remove('with-sidebar');
  });

  window.addEventListener('message', (e) => {
    if (e.origin !== window.location.origin || e.source !== frame.contentWindow) return;
    const data = e.data as { source?: string; type?: string } | null;
    if (!data || data.source !== 'xiaomi-preview-sidebar') return;
    if (data.type === 'ran') void refresh();
    if (data.type === 'close') {
      pane.hidden = true;
      document.body.classList.remove('with-sidebar');
    }
  });

  // Another window (or tab) may change the spreadsheet too: follow it.
  window.setInterval(() => {
    if (document.hidden || editor) return;
    void fetch('/api/version')
      .then((r) => r.json() as Promise<{ version: number }>)
      .then((v) => {
        if (v.version !== version) void refresh();
      })
      .catch(() => undefined);
  }, 3000);

  renderTabs({ version, spreadsheetName: '', sheets: boot.sheets, sheet: current, active: boot.active, grid: '' });
  markActiveRange();
  (window as unknown as { __preview: unknown }).__preview = {
    refresh,
    show,
    select: (a1: string) => select(tdAt(a1)),
    get sheet() {
      return current;
    },
    get version() {
      return version;
    },
  };
}
