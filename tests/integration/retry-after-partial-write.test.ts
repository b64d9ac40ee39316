import type { BlockView, CanvasView, EntryEvidence, SaveBlockRequest } from '../../src/core/view';
import { loadBundle } from '../support/bundle';
import { PARTIAL_WRITE as PARTIAL, SERVICE_TIMEOUT as TIMEOUT, thrown } from '../support/thrown';

/**
 * Failures tell the truth (issue 17, item 4), as the sidebar recovers: after a write stopped part-way, it reads the
 * block (or the canvas) again and keeps the user's edits as the draft; a retry from what the sheet now holds lands
 * exactly what was meant (no duplicated entries or figures, no false conflict), whichever write failed.
 */

function ready() {
  const b = loadBundle();
  b.call('insertXiaomiCanvas');
  return b;
}
type Bundle = ReturnType<typeof ready>;
const getBlock = (b: Bundle, id: string) => b.call<BlockView>('getBlock', { blockId: id });

/** The block as loaded, as the sidebar sends it as a save's base. */
const baseOf = (view: BlockView) => ({
  entries: view.entries,
  figures: view.figures,
  ...(view.links.some((ids) => ids.length > 0) ? { links: view.links } : {}),
  evidence: view.evidence,
});

/** What the user meant: entries moved, added (linked, rated) and deleted, a figure changed and one deleted. */
function intendedSave(view: BlockView, segmentIds: string[]): SaveBlockRequest {
  const order = [view.entries.length - 1, ...view.entries.keys()].slice(0, view.entries.length - 1);
  const entries = [...order.map((i) => view.entries[i]), 'Pop-up stores in new markets', 'Carrier shops'];
  const links = [...order.map((i) => view.links[i]), [segmentIds[0]], segmentIds.slice(0, 2)];
  const rated: EntryEvidence = { status: 'assumption', source: '', importance: 'high' };
  const evidence: EntryEvidence[] = [...order.map((i) => view.evidence[i]), rated, { ...rated, importance: 'low' }];
  const figures = view.figures.slice(1).map((f, i) => (i === 0 ? { ...f, value: f.value + 1 } : f));
  return { blockId: view.id, version: view.version, entries, figures, links, evidence, base: baseOf(view) };
}

const content = (view: BlockView) => ({
  entries: view.entries,
  figures: view.figures.map((f) => [f.label, f.value, f.unit, f.period]),
  links: view.links,
  evidence: view.evidence,
});

describe('a save that stopped part-way, retried from what the sheet now holds', () => {
  test('after each possible number of successful writes, the retry lands exactly the edit and nothing else', () => {
    let failures = 0;
    for (let writes = 1; writes < 40; writes++) {
      const b = ready();
      const canvas = b.call<CanvasView>('getCanvas');
      const view = getBlock(b, 'channels');
      expect(view.figures.length).toBeGreaterThan(1);
      const request = intendedSave(
        view,
        canvas.segments.map((s) => s.id),
      );
      b.fake.failAfterWrites(writes, TIMEOUT);
      let message: string;
      try {
        b.call('saveBlock', request);
        break; // the save needs fewer writes than this: every failure point has been tried
      } catch (error) {
        message = (error as Error).message;
      }
      failures++;
      expect(message).toMatch(PARTIAL);
      // The sidebar reads the block again (its version is the next save's) and keeps the draft.
      const now = getBlock(b, 'channels');
      const retry = { ...request, version: now.version, base: baseOf(now) };
      const saved = b.call<BlockView>('saveBlock', retry);
      const meant = content({
        ...saved,
        entries: request.entries,
        figures: request.figures,
        links: request.links!,
        evidence: request.evidence!,
      });
      expect([writes, content(saved)]).toEqual([writes, meant]);
      expect([writes, content(getBlock(b, 'channels'))]).toEqual([writes, meant]);
      // The other blocks are exactly as they were.
      const after = b.call<CanvasView>('getCanvas');
      for (const other of canvas.blocks.filter((x) => x.id !== 'channels'))
        expect(content(after.blocks.find((x) => x.id === other.id)!)).toEqual(content(other));
    }
    expect(failures).toBeGreaterThan(2);
  });

  test('a reset that stopped part-way: Reset again from the reloaded block gives the original content', () => {
    for (const writes of [1, 2, 3]) {
      const b = ready();
      const original = getBlock(b, 'key-partners');
      const edited = b.call<BlockView>('saveBlock', {
        blockId: 'key-partners',
        version: original.version,
        entries: ['Only this'],
        figures: [],
      });
      b.fake.failAfterWrites(writes, TIMEOUT);
      expect(thrown(() => b.call('resetBlock', { blockId: 'key-partners', version: edited.version }))).toMatch(PARTIAL);
      const now = getBlock(b, 'key-partners');
      const reset = b.call<BlockView>('resetBlock', { blockId: 'key-partners', version: now.version });
      expect([writes, content(reset)]).toEqual([writes, content(original)]);
    }
  });

  test('a restore that stopped part-way: the canvas read again, Restore again gives exactly the snapshot', () => {
    for (const writes of [1, 2, 4, 6]) {
      const b = ready();
      const snap = b.call<{ id: string }>('saveSnapshot', { label: 'good' });
      const good = b.call<CanvasView>('getCanvas');
      for (const id of ['key-partners', 'revenue-streams', 'channels']) {
        const view = getBlock(b, id);
        b.call('saveBlock', { blockId: id, version: view.version, entries: [`Changed ${id}`], figures: [] });
      }
      b.fake.failAfterWrites(writes, TIMEOUT);
      expect(thrown(() => b.call('restoreSnapshot', { id: snap.id }))).toMatch(PARTIAL);
      b.call<CanvasView>('getCanvas');
      const restored = b.call<CanvasView>('restoreSnapshot', { id: snap.id });
      expect(restored.blocks.map(content)).toEqual(good.blocks.map(content));
      expect(b.call<CanvasView>('getCanvas').blocks.map(content)).toEqual(good.blocks.map(content));
    }
  });
});
