/** The shipped model, decoded once at module load (no file reads: the bytes are a generated module). */

import { MODEL_VERSION as GENERATED_VERSION, MODEL_BASE64 } from './model/model-data.ts';
import { loadModelBase64, type Model } from './model-format.ts';

export const MODEL: Model = loadModelBase64(MODEL_BASE64);
export const MODEL_VERSION: string = GENERATED_VERSION;
