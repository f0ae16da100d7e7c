import { connect, createServer, type Socket } from 'node:net';
import { listenOnLoopback } from './http-util';

/**
 * A TCP relay on 127.0.0.1 in front of a server (Postgres here) that can go away and come back
 * on the same port, as a restarting server does, while the server behind it stays up for
 * everyone who connects to it directly.
 */
export interface TcpProxy {
  port: number;
  /** New connections are refused; open ones keep working until dropped. */
  stopListening(): Promise<void>;
  /** Cuts every open connection, both ways, as a server that goes away does. */
  dropConnections(): void;
  /** Listens again on the same port. */
  comeUp(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset on one side is passed on by closing the other; the error itself is expected.
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  const port = await listenOnLoopback(server, 0);
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      // close() waits for open connections to end; the listening socket is gone at once.
      server.close();
      resolve();
    });
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port,
    stopListening,
    dropConnections,
    async comeUp() {
      if (!server.listening) await listenOnLoopback(server, port);
    },
    async stop() {
      await stopListening();
      dropConnections();
    },
  };
}
