export { ActionButton, BuildActionButtons } from './BuildActionButtons';
export type { BuildActionButtonsProps } from './BuildActionButtons';
