/** What the demo creates, by name: a second npm start finds them and creates nothing again. */
export const DEMO_SOURCE_NAME = 'demo-shop';
export const DEMO_SINK_NAME = 'demo-orders';
export const DEMO_STREAM_NAME = 'shardline-demo';
export const DEMO_TABLE = 'orders';
/** The order whose note is too large for one Kinesis record: the demo's failing message. */
export const OVERSIZE_ORDER_ID = 1;
/** Recorded in the audit trail as who created the demo's source and sink. */
export const DEMO_ACTOR = 'npm start (demo)';

/**
 * The publication and slot of the demo source, named after its database: slots are server-wide,
 * so two demo databases on one server never share one.
 */
export function demoReplicationName(database: string): string {
  return database
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);
}
