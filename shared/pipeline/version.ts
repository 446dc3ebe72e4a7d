/** Bumped whenever a stage changes its output; stored on every record so the API shows what made it. */
export const PIPELINE_VERSION = '0.10.0';
