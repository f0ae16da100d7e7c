export { type CleanupWatchdog, startCleanupWatchdog } from './cleanup-watchdog';
export {
  type ClusterPlace,
  findRelocation,
  placeCluster,
  type Relocation,
  serverUserFolder,
  whyRelocated,
} from './cluster-place';
export { type LocalPostgres, type LocalPostgresOptions, startLocalPostgres } from './local-postgres';
export { LocalPostgresProblem } from './local-postgres-problem';
export { findPostgresBinaries, hydrateSymlinks, type PostgresBinaries } from './postgres-binaries';
export { firstClosedFolder, type ServerUser, serverUser } from './server-user';
