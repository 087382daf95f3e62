export { MissingAnnotationNotice } from './MissingAnnotationNotice';
