import consistentStartContext from './consistent-start-context.js';
import noFragileScriptPath from './no-fragile-script-path.js';
import noHazardousDependency from './no-hazardous-dependency.js';
import noSpawnInConstructor from './no-spawn-in-constructor.js';
import noTopLevelSpawn from './no-top-level-spawn.js';
import noUnguardedPlatformApi from './no-unguarded-platform-api.js';
import noUnguardedSelfSpawn from './no-unguarded-self-spawn.js';
import noUnportableSpawn from './no-unportable-spawn.js';

/** Every rule of the plugin, by name (alphabetical). */
export const rules = {
  'consistent-start-context': consistentStartContext,
  'no-fragile-script-path': noFragileScriptPath,
  'no-hazardous-dependency': noHazardousDependency,
  'no-spawn-in-constructor': noSpawnInConstructor,
  'no-top-level-spawn': noTopLevelSpawn,
  'no-unguarded-platform-api': noUnguardedPlatformApi,
  'no-unguarded-self-spawn': noUnguardedSelfSpawn,
  'no-unportable-spawn': noUnportableSpawn,
};
