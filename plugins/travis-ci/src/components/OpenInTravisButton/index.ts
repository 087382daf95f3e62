export { OpenInTravisButton } from './OpenInTravisButton';
