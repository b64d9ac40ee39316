/** npm run typecheck: tsc over every layer's project (scripts/layers.ts); fails if any layer does not type-check. */
import { TYPESCRIPT_PROJECTS, typecheckLayers } from './layers';

const failed = typecheckLayers();
if (failed.length > 0) {
  console.error(`type-check failed in: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`type-check passed: ${TYPESCRIPT_PROJECTS.join(', ')}`);
