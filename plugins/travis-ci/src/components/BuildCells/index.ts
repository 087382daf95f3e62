export {
  BuildCommit,
  BuildDuration,
  BuildSource,
  RelativeTime,
} from './BuildCells';
