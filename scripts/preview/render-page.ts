/**
 * The preview page: a Google Sheets-like frame (title bar, the add-on's menu as buttons, a formula bar,
 * the grid, sheet tabs) with the real sidebar in a 300 px pane at the right.
 */
import { previewClient, type ClientBoot } from './client';
import { escapeHtml, scriptJson } from './html';
import { COLUMN_HEADER_PX } from './render-grid';
import type { MenuEntry, SheetView } from './session';

export interface PageInput {
  view: SheetView;
  menuName: string;
  menu: MenuEntry[];
  stateFile: string;
  sidebarOpen: boolean;
}

const CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font: 14px/1.4 Roboto, Arial, "Liberation Sans", sans-serif; color: #1f1f1f; background: #f9fbfd; overflow: hidden; }
header.top { display: flex; align-items: center; gap: 12px; padding: 8px 16px 4px; background: #f9fbfd; }
.logo { width: 28px; height: 36px; border-radius: 3px; background: #0f9d58; position: relative; flex: none; }
.logo::after { content: ""; position: absolute; left: 6px; right: 6px; top: 12px; bottom: 8px; border: 2px solid #fff; border-radius: 1px;
  background: linear-gradient(#fff, #fff) 50% 0 / 2px 100% no-repeat, linear-gradient(#fff, #fff) 0 50% / 100% 2px no-repeat; }
.titles { display: flex; flex-direction: column; min-width: 0; flex: 1; }
.doc-title { font-size: 18px; color: #1f1f1f; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.menubar { display: flex; align-items: center; gap: 2px; font-size: 14px; color: #444746; flex-wrap: wrap; }
.menubar > span, .menubar summary { padding: 2px 7px; border-radius: 4px; cursor: default; }
.menubar details { position: relative; }
.menubar summary { list-style: none; cursor: pointer; }
.menubar summary::-webkit-details-marker { display: none; }
.menubar details[open] > summary, .menubar summary:hover { background: #e8eaed; }
.menu-panel { position: absolute; top: 26px; left: 0; z-index: 50; background: #fff; border-radius: 4px; min-width: 260px; padding: 6px 0;
  box-shadow: 0 2px 6px 2px rgba(60,64,67,.15), 0 1px 2px rgba(60,64,67,.3); }
.menu-panel .sub { padding: 4px 16px 6px; color: #5f6368; font-size: 12px; }
.menu-panel button { display: block; width: 100%; text-align: left; padding: 7px 24px; border: 0; background: none; font: inherit; color: #1f1f1f; cursor: pointer; }
.menu-panel button:hover { background: #f1f3f4; }
.addon-bar { display: flex; align-items: center; gap: 6px; margin-left: 12px; padding-left: 12px; border-left: 1px solid #c7c7c7; }
.addon-bar .label { font-size: 12px; color: #5f6368; margin-right: 2px; }
.addon-bar button, .actions a, .actions button { font: 500 13px Roboto, Arial, sans-serif; border: 1px solid #c7c7c7; background: #fff; color: #1f1f1f;
  border-radius: 16px; padding: 4px 12px; cursor: pointer; white-space: nowrap; text-decoration: none; }
.addon-bar button:hover, .actions a:hover { background: #f1f3f4; }
.actions { display: flex; align-items: center; gap: 10px; }
.actions a.primary { background: #c2e7ff; border-color: #c2e7ff; color: #001d35; }
.actions a.primary:hover { background: #b3dcf5; }
#save-status { font-size: 12px; color: #5f6368; }
.toolbar { display: flex; align-items: center; gap: 8px; margin: 4px 8px 0; padding: 4px 8px; background: #edf2fa; border-radius: 24px; font-size: 12px; color: #444746; }
.toolbar .note { margin-left: 6px; }
.formula-bar { display: flex; align-items: center; height: 30px; border-bottom: 1px solid #c7c7c7; background: #fff; margin-top: 6px; }
#name-box { width: 92px; height: 100%; border: 0; border-right: 1px solid #c7c7c7; padding: 0 8px; font: 13px Arial, sans-serif; color: #1f1f1f; background: #fff; }
.fx { padding: 0 8px; color: #80868b; font: italic 14px Georgia, serif; border-right: 1px solid #e1e1e1; }
#formula-input { flex: 1; height: 100%; border: 0; padding: 0 8px; font: 13px Arial, sans-serif; outline: none; }
main { flex: 1; display: flex; min-height: 0; background: #fff; }
#grid-scroll { flex: 1; overflow: auto; position: relative; background: #fff; }
table.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-size: 10pt; }
table.grid th { background: #f8f9fa; color: #444746; font: 11px Arial, sans-serif; font-weight: normal; border-right: 1px solid #c7c7c7; border-bottom: 1px solid #c7c7c7;
  position: sticky; z-index: 3; user-select: none; padding: 0; overflow: hidden; }
table.grid thead th { top: 0; height: ${COLUMN_HEADER_PX}px; text-align: center; z-index: 4; }
table.grid th.rh { left: 0; text-align: center; z-index: 3; }
table.grid th.corner { left: 0; z-index: 5; }
table.grid th.hl { background: #d3e3fd; color: #0b57d0; font-weight: bold; }
table.grid th.after-hidden { box-shadow: inset 3px 0 0 -1px #80868b; }
table.grid th.rh.after-hidden { box-shadow: inset 0 3px 0 -1px #80868b; }
table.grid td { padding: 0 3px; overflow: hidden; position: relative; background-clip: padding-box; cursor: cell; }
table.grid td.spill { overflow: visible; }
table.grid td.fr, table.grid td.fc { position: sticky; z-index: 2; background-color: #fff; background-clip: border-box; }
/* Where frozen rows and frozen columns meet (and the frozen columns' letters), cells stay over the scrolled ones. */
table.grid td.fr.fc { z-index: 3; }
table.grid thead th[data-frozen-col] { z-index: 5; }
table.grid tr.frozen td { box-shadow: inset 0 -1px 0 #c7c7c7; }
table.grid td .v { line-height: 1.25; padding: 2px 0; }
table.grid td.has-note::after { content: ""; position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 6px 6px 0; border-color: transparent #000 transparent transparent; }
table.grid td.error .v { color: #c5221f !important; }
table.grid td.in-range { box-shadow: inset 0 0 0 9999px rgba(26,115,232,.10); }
table.grid td.selected { outline: 2px solid #1a73e8; outline-offset: -2px; z-index: 2; }
.cell-editor { position: absolute; z-index: 20; margin: 0; padding: 2px 3px; border: 2px solid #1a73e8; box-shadow: 0 2px 6px rgba(0,0,0,.25); resize: none; outline: none;
  font: 10pt Arial, sans-serif; background: #fff; overflow: hidden; }
#sidebar-pane { width: 300px; flex: none; display: flex; flex-direction: column; border-left: 1px solid #c7c7c7; background: #fff; }
#sidebar-pane[hidden] { display: none; }
.sidebar-head { display: flex; align-items: center; justify-content: space-between; height: 44px; padding: 0 8px 0 16px; border-bottom: 1px solid #e1e3e1; font-size: 16px; color: #1f1f1f; }
#sidebar-close { border: 0; background: none; font-size: 20px; color: #444746; width: 32px; height: 32px; border-radius: 50%; cursor: pointer; }
#sidebar-close:hover { background: #f1f3f4; }
#sidebar-frame { flex: 1; width: 300px; border: 0; }
footer.tabs-bar { display: flex; align-items: stretch; height: 38px; background: #f9fbfd; border-top: 1px solid #c7c7c7; padding-left: 44px; }
#tabs { display: flex; align-items: stretch; gap: 2px; overflow-x: auto; }
.tab { border: 0; border-bottom: 3px solid transparent; background: none; padding: 0 16px; font: 500 13px Roboto, Arial, sans-serif; color: #444746; cursor: pointer; white-space: nowrap; }
.tab:hover { background: #e8eaed; }
.tab.active { background: #e1e9f7; color: #0b57d0; border-bottom-color: #0b57d0; }
#toast { position: fixed; left: 24px; bottom: 52px; z-index: 60; max-width: 420px; background: #fff; color: #1f1f1f; border-radius: 8px; padding: 12px 16px;
  box-shadow: 0 4px 8px 3px rgba(60,64,67,.15), 0 1px 3px rgba(60,64,67,.3); display: flex; flex-direction: column; gap: 2px; font-size: 13px; }
#toast[hidden] { display: none; }
#toast strong { font-size: 14px; }
#grid-scroll .chart { position: absolute; z-index: 6; background: #fff; border: 1px solid #dadce0; }
`;

export function renderPage(input: PageInput): string {
  const { view } = input;
  const boot: ClientBoot = { version: view.version, sheet: view.sheet, active: view.active, sheets: view.sheets };
  const menuButtons = input.menu
    .map((m) => `<button type="button" data-menu-fn="${escapeHtml(m.functionName)}">${escapeHtml(m.caption)}</button>`)
    .join('');
  const quick = input.menu
    .filter((m) => ['insertXiaomiCanvas', 'showCanvasSidebar', 'refreshKeyFigures'].includes(m.functionName))
    .map((m) => `<button type="button" data-menu-fn="${escapeHtml(m.functionName)}">${escapeHtml(m.caption)}</button>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.sheet)} – ${escapeHtml(view.spreadsheetName)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body class="${input.sidebarOpen ? 'with-sidebar' : ''}">
<header class="top">
  <div class="logo" aria-hidden="true"></div>
  <div class="titles">
    <div class="doc-title">${escapeHtml(view.spreadsheetName)}</div>
    <nav class="menubar" aria-label="Menu">
      <span>File</span>
      <details>
        <summary>Edit</summary>
        <div class="menu-panel" role="menu">
          <div class="sub">As a teammate would, at the selected cell</div>
          <button type="button" data-structure="insertRowsBefore">Insert 1 row above</button>
          <button type="button" data-structure="insertRowsAfter">Insert 1 row below</button>
          <button type="button" data-structure="deleteRows">Delete row</button>
          <button type="button" data-structure="renameSheet">Rename sheet…</button>
          <button type="button" data-structure="deleteSheet">Delete sheet</button>
        </div>
      </details>
      <span>View</span><span>Insert</span><span>Format</span><span>Data</span><span>Tools</span>
      <details>
        <summary>Extensions</summary>
        <div class="menu-panel" role="menu">
          <div class="sub">${escapeHtml(input.menuName)}</div>
          ${menuButtons}
        </div>
      </details>
      <div class="addon-bar" role="toolbar" aria-label="${escapeHtml(input.menuName)} menu">
        <span class="label">${escapeHtml(input.menuName)}:</span>${quick}
      </div>
    </nav>
  </div>
  <div class="actions">
    <span id="save-status" title="${escapeHtml(input.stateFile)}">All changes saved</span>
    <a class="primary" id="download-xlsx" href="/download.xlsx" download="xiaomi-canvas.xlsx">Download .xlsx</a>
  </div>
</header>
<div class="toolbar"><span class="note">Local preview: the built <code>dist/Code.js</code> runs on an in-memory spreadsheet. Click a cell to select it; type or double-click to edit it as a teammate would.</span></div>
<div class="formula-bar">
  <input id="name-box" aria-label="Name box" readonly>
  <span class="fx">fx</span>
  <input id="formula-input" aria-label="Formula bar" spellcheck="false" autocomplete="off">
</div>
<main>
  <div id="grid-scroll" tabindex="-1">${view.grid}</div>
  <aside id="sidebar-pane" aria-label="Add-on sidebar"${input.sidebarOpen ? '' : ' hidden'}>
    <div class="sidebar-head"><span>Xiaomi Canvas</span><button type="button" id="sidebar-close" aria-label="Close sidebar">×</button></div>
    <iframe id="sidebar-frame" title="Xiaomi Canvas sidebar" src="${input.sidebarOpen ? '/sidebar' : 'about:blank'}"></iframe>
  </aside>
</main>
<footer class="tabs-bar"><div id="tabs" role="tablist" aria-label="Sheets"></div></footer>
<div id="toast" role="status" hidden></div>
<script src="/echarts.js"></script>
<script>(${previewClient.toString()})(${scriptJson(boot)});</script>
</body>
</html>
`;
}
