import type { Db } from '../database';

/** A source as its settings are stored (the password encrypted), found by name; null when none. */
export async function findSourceByName(db: Db, options: { name: string }) {
  return db.prisma.source.findUnique({
    where: { name: options.name },
    select: {
      id: true,
      database: true,
      slotName: true,
      host: true,
      port: true,
      username: true,
      passwordCiphertext: true,
    },
  });
}
