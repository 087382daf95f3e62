export { BuildsTable, PAGE_SIZE_OPTIONS } from './BuildsTable';
export type { BuildsTableProps } from './BuildsTable';
