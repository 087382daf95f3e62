export { TravisCiContent } from './TravisCiContent';
export type { TravisCiContentProps } from './TravisCiContent';
