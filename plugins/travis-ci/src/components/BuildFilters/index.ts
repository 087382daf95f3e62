export { BuildFilters, EVENT_TYPE_LABELS } from './BuildFilters';
export type { BuildFilterValues, BuildFiltersProps } from './BuildFilters';
