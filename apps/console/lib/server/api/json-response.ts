/**
 * A JSON response. Ids and positions are bigint in the data layer: they are sent as strings
 * (JSON numbers lose precision above 2^53), dates as ISO 8601.
 */
export function jsonResponse(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const body = JSON.stringify(data, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
  return new Response(body, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
