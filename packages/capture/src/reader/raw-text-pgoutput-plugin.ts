import { PgoutputPlugin } from 'pg-logical-replication';

/**
 * pgoutput, with every column value left as the text Postgres sent. The library would parse
 * values with node-postgres' global type parsers (timestamps to Date, losing microseconds);
 * Shardline turns text into JSON itself (see ../values).
 */
export class RawTextPgoutputPlugin extends PgoutputPlugin {
  constructor(options: { publicationNames: string[] }) {
    super({ protoVersion: 1, publicationNames: options.publicationNames, messages: false });
    const parser = (
      this as unknown as { parser: { readRelationColumn: (reader: unknown) => Record<string, unknown> } }
    ).parser;
    const readRelationColumn = parser.readRelationColumn.bind(parser);
    parser.readRelationColumn = (reader) => ({ ...readRelationColumn(reader), parser: keepText });
  }
}

function keepText(text: string): string {
  return text;
}
