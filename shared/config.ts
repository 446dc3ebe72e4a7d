/**
 * Environment configuration, read once at module load by each handler and validated (fail fast, naming the
 * variable). The pipeline itself never reads the environment.
 */
import * as z from 'zod';

const prefix = () => z.string().min(1).regex(/\/$/, 'must end with "/"');

/** Schemas are built on first use: a function reads two of them, and building zod schemas is cold-start time. */
const schemas = {
  clean: () =>
    z.object({
      BUCKET_NAME: z.string().min(1),
      RAW_PREFIX: prefix().default('raw/'),
      CLEANED_PREFIX: prefix().default('cleaned/'),
      MAX_INPUT_BYTES: z.coerce
        .number()
        .int()
        .positive()
        .default(5 * 1024 * 1024),
      MAX_RECEIVE_COUNT: z.coerce.number().int().positive().default(5),
    }),
  annotate: () =>
    z.object({
      BUCKET_NAME: z.string().min(1),
      CLEANED_PREFIX: prefix().default('cleaned/'),
      TABLE_NAME: z.string().min(1),
      MAX_RECEIVE_COUNT: z.coerce.number().int().positive().default(5),
    }),
  api: () =>
    z.object({
      TABLE_NAME: z.string().min(1),
    }),
  /** Read by the AWS client factories (local endpoints); in AWS they are unset. */
  clients: () =>
    z.object({
      S3_FORCE_PATH_STYLE: z
        .enum(['true', 'false'])
        .default('false')
        .transform((v) => v === 'true'),
    }),
} as const;

export type ConfigName = keyof typeof schemas;
export type Config<N extends ConfigName> = z.infer<ReturnType<(typeof schemas)[N]>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig<N extends ConfigName>(name: N, env: NodeJS.ProcessEnv = process.env): Config<N> {
  const result = schemas[name]().safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration for the ${name} function: ${problems}`);
  }
  return result.data as Config<N>;
}
