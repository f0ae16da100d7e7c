/**
 * `?force=true`: the person chose to go ahead although Shardline advised against it (save a sink
 * whose checks fail, delete a sink with messages waiting). Anything else is no.
 */
export function forceRequested(request: Request): boolean {
  return new URL(request.url).searchParams.get('force') === 'true';
}
