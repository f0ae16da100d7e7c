import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore from '@balena/dockerignore';
import { Copy, DockerfileParser, From, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine here to build the images: these check, from the files alone, the mistakes
// that would make `docker build` fail or the images wrong.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const dockerfileText = read('Dockerfile');
const dockerfile = DockerfileParser.parse(dockerfileText);
const sentToBuilder = ignore().add(read('.dockerignore')).createFilter();

/** The Dockerfile's instructions with the stage each belongs to, in order. */
function instructionsByStage(): { stage: string; instruction: Instruction }[] {
  let stage = '';
  return dockerfile.getInstructions().map((instruction) => {
    if (instruction instanceof From) stage = instruction.getBuildStage() ?? instruction.getImageName() ?? '';
    return { stage, instruction };
  });
}

const copies = instructionsByStage().flatMap(({ stage, instruction }) => {
  if (!(instruction instanceof Copy)) return [];
  const paths = instruction.getArguments().map((argument) => argument.getValue());
  return [{ stage, from: instruction.getFromFlag()?.getValue() ?? null, sources: paths.slice(0, -1) }];
});

const stageNames = dockerfile.getFROMs().flatMap((from) => from.getBuildStage() ?? []);

describe('Dockerfile', () => {
  it('has no error a Dockerfile linter finds', () => {
    expect(validate(dockerfileText).map((problem) => problem.message)).toEqual([]);
  });

  it('builds every stage from an earlier one or an image, and copies only from earlier stages', () => {
    const seen: string[] = [];
    for (const { stage, instruction } of instructionsByStage()) {
      if (instruction instanceof From) {
        const base = instruction.getImageName() ?? '';
        // Anything not a stage name is an image (`${NODE_IMAGE}` is the node image).
        if (stageNames.includes(base)) expect(seen, `${stage} is built FROM ${base}`).toContain(base);
        seen.push(stage);
      }
      if (instruction instanceof Copy) {
        const from = instruction.getFromFlag()?.getValue();
        if (from) expect(seen, `COPY --from=${from} in ${stage}`).toContain(from);
      }
    }
  });

  it('copies only files that exist and that .dockerignore sends to the builder', () => {
    for (const { stage, sources } of copies.filter((copy) => copy.from === null)) {
      for (const source of sources) {
        expect(existsSync(join(ROOT, source)), `${source} (COPY in ${stage})`).toBe(true);
        if (source !== '.')
          expect(sentToBuilder(source), `${source} is left out by .dockerignore`).toBe(true);
      }
    }
  });

  it("copies every workspace's package.json before npm ci, which refuses a lockfile it cannot match", () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, unknown> };
    const workspaces = Object.keys(lock.packages).filter((path) => path && !path.includes('node_modules'));
    const manifests = copies.filter((copy) => copy.stage === 'manifests').flatMap((copy) => copy.sources);
    expect(workspaces.length).toBeGreaterThan(0);
    for (const workspace of workspaces) expect(manifests).toContain(`${workspace}/package.json`);
  });

  it('gives the engine image the packages patches/ fixes, as patched by the full install', () => {
    // patch-package names a patch `<name with + for />+<version>.patch`.
    const patched = readdirSync(join(ROOT, 'patches')).map((file) =>
      file
        .replace(/\.patch$/, '')
        .split('+')
        .slice(0, -1)
        .join('/'),
    );
    const fromDeps = copies
      .filter((copy) => copy.stage === 'engine-deps' && copy.from === 'deps')
      .flatMap((copy) => copy.sources);
    for (const name of patched) expect(fromDeps).toContain(`/app/node_modules/${name}`);
  });

  it('runs the final images as an unprivileged user', () => {
    for (const target of ['engine', 'console', 'emulator']) {
      const users = instructionsByStage()
        .filter(({ stage, instruction }) => stage === target && instruction.getKeyword() === 'USER')
        .map(({ instruction }) => instruction.getArgumentsContent());
      expect(users, `the ${target} image's USER`).toEqual(['node']);
    }
  });

  it('has every target that docker-compose.yml builds', () => {
    const compose = parse(read('docker-compose.yml')) as {
      services: Record<string, { build?: { target?: string } }>;
    };
    const targets = Object.values(compose.services).flatMap((service) => service.build?.target ?? []);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(stageNames).toContain(target);
  });
});
