export * from './create-sink-and-publish';
export * from './delete-sink-and-unpublish';
export { publishSourceTables } from './publish-sink-tables';
export * from './sink-publication-report';
export * from './update-sink-and-publish';
