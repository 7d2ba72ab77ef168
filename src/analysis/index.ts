/**
 * The analysis's one public face: everything the rules, the fixes and the CLI read of the analysis
 * comes through this file (docs/ARCHITECTURE.md). The layers below it import each other directly.
 */
export { ENVIRONMENT_THROWING_CALLS, MACOS_FS_MEMBERS, PLATFORM_THROWING_CALLS, PLATFORMS, POSIX_ONLY_PROGRAMS, POSIX_PROCESS_MEMBERS, WINDOWS_DELIVERED_SIGNALS, WINDOWS_KILL_SIGNALS, WINDOWS_ONLY_SIGNALS, WINDOWS_SHIMS, stripNodePrefix } from './catalog/platform-apis.js';
export type { Platform } from './catalog/platform-apis.js';
export type { Mechanism, StarterSpec } from './catalog/starters.js';
export { CHILD_READS, GUARD_ADVICE, PARENT_READS } from './catalog/start-contexts.js';
export type { ContextCheck, ContextKind, SelfSpawnMechanism } from './catalog/start-contexts.js';
export type { Serialization, ShellMode } from './catalog/vocabulary.js';
export type { FileAnalysis, StarterSite } from './contract/file-analysis.js';
export type { ClassNode } from './file/execution.js';
export { contextFacts, isStartContextGuarded } from './file/guards/facts.js';
export type { ContextFact, Fact } from './file/guards/facts.js';
export { argumentAt, isSynchronousSpec, parameterOf } from './file/local-functions.js';
export type { StartPoint, WrapperCall } from './file/local-functions.js';
export { isRef, refKey } from './file/references.js';
export type { ModuleRef } from './file/references.js';
export { UNKNOWN_PART, followConstant } from './file/values.js';
export type { PossibleString } from './file/values.js';
export { analyze } from './model/analyze.js';
export type { ImportedWrapperCall } from './project/imports.js';
export type { ModuleSystem } from './project/module-system.js';
export { nearestManifest } from './project/package-manifest.js';
export { programsOf } from './questions/command-line.js';
export { processMessages } from './questions/ipc-channels.js';
export type { ProcessMessage } from './questions/ipc-channels.js';
export { crossingProblems } from './questions/ipc-payloads.js';
export type { CrossingKind, CrossingProblem } from './questions/ipc-payloads.js';
export { isCaughtHere, isRejectionHandled, platformsAt, stringsByPlatform, valuesByPlatform } from './questions/platform.js';
export type { PlatformString } from './questions/platform.js';
export { classifyScriptPath, leadingString, namesFileFromTestFolder, scriptArguments } from './questions/script-paths.js';
export type { ScriptArgument, ScriptPath } from './questions/script-paths.js';
export { isSelfSpawnSite, selfSpawns, sharedThreadChecks, withNegations } from './questions/self-spawn.js';
export type { SelfSpawn, SharedThreadCheck } from './questions/self-spawn.js';
export { shellAtSite, shellOfOptions, strongest } from './questions/shell-option.js';
export { constructorOf, isFunction, memberKey, memberName, propertyValue, skipTransparent, stringValue, walk } from './syntax/ast.js';
export { constantInitializer, lookupName, resolveVariable } from './syntax/scope.js';
export { dependencyHazard, installedLoad } from './project/package-load.js';
export type { DependencyHazard, DependencyReader, HazardKind, InstalledLoad, LoadHazard, ModuleLoadFacts, PackageHazard } from './project/package-load.js';
export type { LoadKind } from './project/module-resolution.js';
export type { AnalysisContext } from './project/summary-store.js';
export { moduleLoads } from './questions/module-loads.js';
export type { ModuleLoadSite } from './questions/module-loads.js';
