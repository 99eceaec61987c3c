export { alternate, percentile, spreadOf, summarize, type AlternateOptions, type Summary } from './stats';
export { machineInfo, watchLoad, type LoadDuringRun, type MachineInfo } from './machine';
export {
  figure,
  readLatestResults,
  RESULTS_DIR,
  writeResult,
  type Anchored,
  type BenchFigure,
  type BenchResult,
} from './result';
export { formatSummary, markdownTable, ratioChart, replaceGeneratedSection, runsTable } from './report';
export {
  formatProfileSummary,
  ownerOf,
  summarizeProfile,
  type CpuProfile,
  type ProfileNode,
  type ProfileSummary,
} from './cpu-profile';
export { benchList, benchProfile, benchSize, type BenchProfile } from './profile';
export { benchmarkMain, runBenchmark, type BenchContext, type BenchOutcome } from './run-benchmark';
