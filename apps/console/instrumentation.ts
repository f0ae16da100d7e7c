/**
 * Runs once as the console's server starts. A missing or malformed encryption key stops it
 * there, naming the variable, as it stops the engine: left to Next.js, the server would say it
 * is ready and then answer every request, the health check included, with a bare 500. It also
 * creates the first administrator from SHARDLINE_ADMIN_EMAIL / SHARDLINE_ADMIN_PASSWORD, and
 * applies SHARDLINE_CONFIG_FILE.
 */
export async function register(): Promise<void> {
  // Only the Node.js server reads stored secrets; the Node-only code lives in its own module so
  // the edge build never sees it.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { applyConfigFileFromEnv, checkConfiguration, createAdminFromEnv } = await import(
    './instrumentation-node'
  );
  checkConfiguration();
  await createAdminFromEnv();
  await applyConfigFileFromEnv();
}
