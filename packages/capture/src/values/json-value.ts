/** What a decoded column value can be: exactly what JSON can carry, so a message serializes losslessly. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
