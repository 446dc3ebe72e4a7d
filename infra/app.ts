/** CDK entry point (`cdk.json` → `npx tsx infra/app.ts`). Context flags: see docs/deploy.md. */
import { createApp } from './create-app.ts';

createApp().app.synth();
