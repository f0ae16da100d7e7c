// The preload that makes a child die with its parent, shared with npm start's emulator.
export { EXIT_WHEN_STDIN_CLOSES, killChildOnExit } from '@shardline/local-kinesis';
export {
  type FaultProxy,
  type ProxiedRequest,
  type ProxiedRequestInfo,
  type RecordFault,
  type RecordFaultRule,
  type RequestFaultRule,
  startFaultProxy,
} from './fault-proxy';
export { freePort } from './free-port';
export { createTestKinesisClient, TEST_REGION } from './kinesis-client';
export { type KinesisEmulator, startKinesisEmulator } from './kinesis-emulator';
export { aggregateWithReference, deaggregateWithReference, type ReferenceUserRecord } from './kpl-reference';
export { type NoopKinesis, type NoopKinesisOptions, startNoopKinesis } from './noop-kinesis';
export { migrateDeploy } from './prisma-migrate';
export { type PrometheusSample, parsePrometheusText, sampleValue } from './prometheus-text';
export { type ReadAllRecordsOptions, readAllRecords, type StreamRecord } from './read-records';
export { deleteRedisKeys, redisUrl, testQueuePrefix } from './redis';
export { startThrowawayRedis, type ThrowawayRedis } from './redis-server';
export {
  hashKeyOf,
  type LandedRecord,
  type ShardedKinesis,
  type ShardedKinesisOptions,
  type SimulatedShard,
  startShardedKinesis,
} from './sharded-kinesis';
export {
  clientConfigFromUrl,
  createSourceDatabase,
  type SourceDatabase,
  type SourceRole,
  type SourceRoleOptions,
} from './source-database';
export { startTcpProxy, type TcpProxy } from './tcp-proxy';
export { type PrepareTemplateOptions, prepareTemplateDatabase } from './template-database';
export { createTestDatabase, type TestDatabase } from './test-database';
export { createTestStream, type TestStream, type TestStreamOptions } from './test-stream';
export {
  type PostgresStopMode,
  type ReplicaLevelPostgres,
  startReplicaLevelPostgres,
  startThrowawayPostgres,
  type ThrowawayPostgres,
  type ThrowawayPostgresOptions,
} from './throwaway-postgres';
export { waitFor } from './wait-for';
export { waitUntilSlotStreamed } from './wait-until-streamed';
export { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
