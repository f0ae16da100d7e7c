export declare function openApiDocument(): Record<string, unknown>;
