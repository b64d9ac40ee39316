/** The sidebar page's entry point. */
import { SidebarApp } from './app';
import { parseBoot } from './boot';

/** Entry point of the sidebar page: paint the embedded canvas, then wait for the user. */
function main(): void {
  const root = document.getElementById('app');
  const status = document.getElementById('status');
  if (!root || !status) return;
  const boot = parseBoot(document.getElementById('boot-data')?.textContent);
  new SidebarApp(root, status).start(boot);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
