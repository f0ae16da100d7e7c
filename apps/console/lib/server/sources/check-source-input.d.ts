import { z } from 'zod';
/** A table the checks look at, as a sink would take it. */
export declare const sourceTableChoiceSchema: z.ZodObject<
  {
    schema: z.ZodDefault<z.ZodString>;
    name: z.ZodString;
    groupColumns: z.ZodDefault<z.ZodArray<z.ZodString>>;
  },
  z.core.$strip
>;
/**
 * Connection settings not saved yet (as for creating a source), and the tables to check them
 * for. `sourceId` names the saved source being edited: its stored password is used when none is
 * given, so checking an edit does not need the password typed again.
 */
export declare const checkSourceInputSchema: z.ZodIntersection<
  z.ZodPipe<
    z.ZodObject<
      {
        name: z.ZodString;
        url: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        host: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        port: z.ZodOptional<z.ZodNullable<z.ZodInt>>;
        database: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        username: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        password: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        sslMode: z.ZodOptional<
          z.ZodNullable<
            z.ZodEnum<{
              disable: 'disable';
              allow: 'allow';
              prefer: 'prefer';
              require: 'require';
              'verify-ca': 'verify-ca';
              'verify-full': 'verify-full';
            }>
          >
        >;
        publicationName: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        slotName: z.ZodOptional<z.ZodNullable<z.ZodString>>;
      },
      z.core.$strip
    >,
    z.ZodTransform<
      {
        password: string | null;
        sslMode: 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
        publicationName: string;
        slotName: string;
        host: string;
        port: number;
        database: string;
        username: string;
        name: string;
      },
      {
        name: string;
        url?: string | null | undefined;
        host?: string | null | undefined;
        port?: number | null | undefined;
        database?: string | null | undefined;
        username?: string | null | undefined;
        password?: string | null | undefined;
        sslMode?: 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full' | null | undefined;
        publicationName?: string | null | undefined;
        slotName?: string | null | undefined;
      }
    >
  >,
  z.ZodObject<
    {
      tables: z.ZodDefault<
        z.ZodArray<
          z.ZodObject<
            {
              schema: z.ZodDefault<z.ZodString>;
              name: z.ZodString;
              groupColumns: z.ZodDefault<z.ZodArray<z.ZodString>>;
            },
            z.core.$strip
          >
        >
      >;
      sourceId: z.ZodOptional<z.ZodUUID>;
    },
    z.core.$strip
  >
>;
