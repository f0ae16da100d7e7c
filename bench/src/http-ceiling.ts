/**
 * A no-op HTTP round trip between two processes on this machine, with a keep-alive agent as the
 * engine's Kinesis client keeps its connections: the least a PutRecords request can cost here.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { Socket } from 'node:net';
import { EXIT_WHEN_STDIN_CLOSES } from '@shardline/testing';
import type { MachineMeasures } from './ceilings';
import { percentile } from './percentile';

/** Requests at once for the rate: the engine has a few lanes sending at a time. */
const IN_FLIGHT = 4;

// A server in its own process, as the no-op endpoint is to the engine: answers `{}` to anything.
const SERVER = `
const http = require('node:http');
const server = http.createServer({ keepAliveTimeout: 60000 }, (request, response) => {
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': 2 });
    response.end('{}');
  }).resume();
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

// About the size of a small PutRecords request's headers and body.
const BODY = JSON.stringify({
  StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/ceiling',
  Records: [],
});

export async function measureHttpCeiling(seconds: number): Promise<MachineMeasures['http']> {
  const server = spawn(process.execPath, ['--import', EXIT_WHEN_STDIN_CLOSES, '-e', SERVER], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  (server.stdin as unknown as Socket | null)?.unref();
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout?.once('data', (chunk: Buffer) => resolve(Number.parseInt(chunk.toString(), 10)));
      server.once('exit', (code) => reject(new Error(`the no-op HTTP server exited with ${code}`)));
    });
    const roundTrip = () => post(agent, port);
    for (let i = 0; i < 200; i++) await roundTrip(); // warm up the connection and both processes
    const latencies: number[] = [];
    const oneAtATime = performance.now();
    while (performance.now() - oneAtATime < (seconds * 1000) / 2) {
      const started = performance.now();
      await roundTrip();
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    let requests = 0;
    const concurrent = performance.now();
    const deadline = concurrent + (seconds * 1000) / 2;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (performance.now() < deadline) {
          await roundTrip();
          requests += 1;
        }
      }),
    );
    return {
      requestsPerSecond: requests / ((performance.now() - concurrent) / 1000),
      inFlight: IN_FLIGHT,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
    };
  } finally {
    agent.destroy();
    server.kill('SIGKILL');
  }
}

function post(agent: http.Agent, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        agent,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'Kinesis_20131202.PutRecords',
          'content-length': Buffer.byteLength(BODY),
        },
      },
      (response) => {
        response.on('end', resolve).on('error', reject).resume();
      },
    );
    request.on('error', reject);
    request.end(BODY);
  });
}
