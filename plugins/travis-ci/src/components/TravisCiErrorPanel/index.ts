export { TravisCiErrorPanel } from './TravisCiErrorPanel';
export type { TravisCiErrorPanelProps } from './TravisCiErrorPanel';
