/** The health objects, as the operations that answer them describe them (docs/api.md, "Health"). */
export declare const SINK_HEALTH: string;
export declare const SOURCE_HEALTH: string;
export declare const CHECKS_FAILED =
  'A check failed and nothing was saved: `{ error: { code: "checks_failed", message, checks: [{ id, status, title, detail }] } }`. Fix what the failing checks say, or send the same request with force=true to save anyway';
