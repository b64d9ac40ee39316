/** Go to a cell the canvas could not read: selects it on its sheet (one selectCell call). */
import type { CellProblem } from '../core/view';
import { failureText, goToCellFailed } from './plain-errors';
import { failureOf } from './server';
import type { SidebarShell } from './shell';

/**
 * Selects the problem's cell on the sheet and says so; when that fails, `showError` gets the words (the sheet was
 * renamed or deleted since the read, or a Google service failed), and the view is drawn again to show them.
 */
export function goToCell(shell: SidebarShell, problem: CellProblem, showError: (text: string) => void): void {
  if (shell.state.busy) return;
  shell.api.selectCell({ sheet: problem.sheet, cell: problem.cell }).then(
    () => shell.announce(`Selected ${problem.sheet}!${problem.cell} on the sheet.`),
    (error: unknown) => {
      showError(failureOf(error)?.code === 'service-failure' ? failureText(error) : goToCellFailed(problem));
      shell.render();
    },
  );
}
