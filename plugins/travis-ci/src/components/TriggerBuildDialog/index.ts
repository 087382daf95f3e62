export { TriggerBuildDialog } from './TriggerBuildDialog';
export type { TriggerBuildDialogProps } from './TriggerBuildDialog';
