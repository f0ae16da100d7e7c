export { ensureDemoDatabase } from './demo/demo-database';
export {
  DEMO_SINK_NAME,
  DEMO_SOURCE_NAME,
  DEMO_STREAM_NAME,
  DEMO_TABLE,
  demoReplicationName,
  OVERSIZE_ORDER_ID,
} from './demo/demo-names';
export { type DemoTrickle, type DemoTrickleOptions, startDemoTrickle } from './demo/demo-trickle';
export { insertOversizeOrder } from './demo/oversize-order';
export { type DemoSetup, type DemoSetupOptions, setupDemo } from './demo/setup-demo';
export { type RunningDemo, type StartDemoOptions, startDemo } from './demo/start-demo';
export { waitUntilCaptured } from './demo/wait-until-captured';
export { startEmbeddedPostgres } from './embedded-postgres';
export { databaseName, ensureDatabase, sameServerUrl } from './ensure-database';
export { formatDuration } from './format-duration';
export { type LocalKinesis, startLocalKinesis } from './local-kinesis';
export {
  describePostgresPlan,
  needsEmbeddedPostgres,
  type PostgresPlan,
  type PostgresProbe,
  planPostgres,
} from './postgres-plan';
export { checkPortFree } from './preflight/check-port-free';
export {
  checkPostgres,
  type PostgresFacts,
  PostgresUnreachable,
  walLevelNote,
} from './preflight/check-postgres';
export { checkRedis } from './preflight/check-redis';
export { runPreflight } from './preflight/run-preflight';
export { answers, runCommand, type Service, startService } from './processes';
export { createProgress, type Progress } from './progress';
export { StartProblem } from './start-problem';
export { AWS_SETTINGS, readStartSettings, START_DEFAULTS, type StartSettings } from './start-settings';
