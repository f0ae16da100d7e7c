import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { LocalPostgresProblem } from './local-postgres-problem';
import { binariesIn, type PostgresBinaries } from './postgres-binaries';
import { firstClosedFolder, runAsServerUser, type ServerUser } from './server-user';

/** Where the cluster lives and which binaries run it. */
export interface ClusterPlace {
  binaries: PostgresBinaries;
  dataDir: string;
  relocation: Relocation | null;
}

/**
 * Why the cluster is not in the folder npm start was given: run as root, Postgres runs as the
 * server's user, to whom a folder on the way to the binaries or to that folder is closed.
 */
export interface Relocation {
  /** The server user's own folder that holds the cluster (`data/`) and a copy of the binaries. */
  dir: string;
  serverUser: string;
  /** The first folder the server's user cannot enter, e.g. `/root`. */
  closedFolder: string;
}

const COPY_PREFIX = 'binaries-';

/**
 * The cluster goes in `dir/data`, run by the package's binaries, unless the server's user cannot
 * reach them: then both go in a folder of that user's home, named after `dir`, so the project can
 * be cloned anywhere and no folder's permissions need changing. The user owns that folder and
 * makes everything in it itself.
 */
export async function placeCluster(
  dir: string,
  binaries: PostgresBinaries,
  user: ServerUser | null,
): Promise<ClusterPlace> {
  const inDir: ClusterPlace = { binaries, dataDir: join(dir, 'data'), relocation: null };
  const relocation = findRelocation(dir, binaries, user);
  if (!relocation || !user) return inDir;
  const why = whyRelocated(relocation);
  if (existsSync(join(inDir.dataDir, 'PG_VERSION'))) {
    // An earlier start, as the user who owns it, made it: a new empty cluster would look like lost data.
    throw new LocalPostgresProblem(
      `${inDir.dataDir} holds the embedded Postgres data of an earlier start, and ${why}`,
      `run npm start as the user who owns ${inDir.dataDir}, as before`,
    );
  }
  try {
    await runAsServerUser(user, 'mkdir', ['-p', '-m', '700', relocation.dir]);
    await runAsServerUser(user, 'chmod', ['700', relocation.dir]);
  } catch (error) {
    throw new LocalPostgresProblem(
      `${why}, and it cannot make a folder for its data in its home folder ${user.home}: ${(error as Error).message}`,
      `run npm start as an ordinary user, or give the user "${user.name}" a home folder of its own`,
      { cause: error },
    );
  }
  if (!isOwnedFolder(relocation.dir, user)) {
    throw new LocalPostgresProblem(
      `${why}; its folder for the data, ${relocation.dir}, is not a folder of its own`,
      `remove ${relocation.dir} (npm start makes it again), or run npm start as an ordinary user`,
    );
  }
  const copied = await copyBinaries(binaries, user, relocation.dir);
  const dataDir = join(relocation.dir, 'data');
  await runAsServerUser(user, 'mkdir', ['-p', '-m', '700', dataDir]);
  return { binaries: copied, dataDir, relocation };
}

/** Null when the cluster goes in `dir` (which must exist); otherwise where it goes, and why. */
export function findRelocation(
  dir: string,
  binaries: PostgresBinaries,
  user: ServerUser | null,
): Relocation | null {
  if (!user) return null;
  const closedFolder = firstClosedFolder(user, binaries.postgres) ?? firstClosedFolder(user, dir);
  return closedFolder ? { dir: serverUserFolder(user, dir), serverUser: user.name, closedFolder } : null;
}

/** Why the cluster is kept in the server user's home, as npm start says it. */
export function whyRelocated(relocation: Pick<Relocation, 'serverUser' | 'closedFolder'>): string {
  return `npm start runs as root, so Postgres runs as the user "${relocation.serverUser}", to whom ${relocation.closedFolder} is closed`;
}

/** `<home>/shardline-<hash of dir>`: one per project folder, found again at the next start. */
export function serverUserFolder(user: ServerUser, dir: string): string {
  const hash = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 12);
  return join(user.home, `shardline-${hash}`);
}

/**
 * The package's whole build folder, links included, in `folder/binaries-<version>`, unless it is
 * there already. root only reads the package; the user writes the copy.
 */
async function copyBinaries(
  binaries: PostgresBinaries,
  user: ServerUser,
  folder: string,
): Promise<PostgresBinaries> {
  const target = join(folder, `${COPY_PREFIX}${binaries.packageVersion}`);
  if (isOwnedFolder(target, user)) return binariesIn(target, binaries);
  // Renamed into place once whole, so a copy that stopped half-way is never run.
  const partial = join(folder, '.binaries-partial');
  try {
    await runAsServerUser(user, 'rm', ['-rf', partial, target]);
    await runAsServerUser(user, 'mkdir', ['-m', '700', partial]);
    const archive = spawn('tar', ['-c', '-f', '-', '-C', binaries.nativeDir, '.'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let archiveError = '';
    archive.stderr.on('data', (chunk: Buffer) => {
      archiveError += chunk.toString('utf8');
    });
    const archived = new Promise<number | null>((done) => {
      archive.once('close', done);
      archive.once('error', () => done(null));
    });
    const extracted = runAsServerUser(user, 'tar', ['-x', '-p', '-f', '-', '-C', partial], archive.stdout);
    // The extracting tar has the pipe now; kept open here too, it would leave the archiving one
    // blocked for ever if the extracting one stopped.
    archive.stdout.destroy();
    const [archiveCode, extraction] = await Promise.all([
      archived,
      extracted.then(
        () => null,
        (e) => e,
      ),
    ]);
    if (archiveCode !== 0)
      throw new Error(`tar could not read ${binaries.nativeDir}: ${archiveError.trim()}`);
    if (extraction) throw extraction;
    await runAsServerUser(user, 'mv', [partial, target]);
  } catch (error) {
    throw new LocalPostgresProblem(
      `The Postgres binaries could not be copied to ${target} for the user "${user.name}": ${(error as Error).message}`,
      'the error above says why; with a full disk, free some space (the copy takes about 60 MB)',
      { cause: error },
    );
  }
  // Copies of an earlier version of the package are no longer run.
  for (const entry of readdirSync(folder)) {
    if (entry.startsWith(COPY_PREFIX) && entry !== basename(target))
      await runAsServerUser(user, 'rm', ['-rf', join(folder, entry)]);
  }
  return binariesIn(target, binaries);
}

function isOwnedFolder(path: string, user: ServerUser): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isDirectory() && stat.uid === user.uid;
  } catch {
    return false;
  }
}
