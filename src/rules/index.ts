import consistentStartContext from './consistent-start-context.js';
import noSpawnInConstructor from './no-spawn-in-constructor.js';
import noTopLevelSpawn from './no-top-level-spawn.js';
import noUnguardedSelfSpawn from './no-unguarded-self-spawn.js';

/** Every rule of the plugin, by name (alphabetical). */
export const rules = {
  'consistent-start-context': consistentStartContext,
  'no-spawn-in-constructor': noSpawnInConstructor,
  'no-top-level-spawn': noTopLevelSpawn,
  'no-unguarded-self-spawn': noUnguardedSelfSpawn,
};
