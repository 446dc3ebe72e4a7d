// A fresh process as Lambda starts one: import the bundle (module-level init: config, clients, model), then handle
// one event. Times are from process start (performance.now() counts from it). Plain JS: no loader, no transform.
// usage: node cold.mjs BUNDLE EVENT_JSON RESULT_JSON
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile, resultFile] = process.argv.slice(2);
const started = performance.now();
const mod = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const rssAfterImportKb = process.resourceUsage().maxRSS;
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  awsRequestId: 'bench-cold-start',
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bench',
  memoryLimitInMB: '1024',
  getRemainingTimeInMillis: () => 60_000,
  callbackWaitsForEmptyEventLoop: true,
};
const t0 = performance.now();
const response = event.pipeline
  ? summarisePipeline(mod.annotate(event.pipeline.text, event.pipeline.options))
  : await mod.handler(event, context);
const handled = performance.now();
const cpu = process.cpuUsage();
writeFileSync(
  resultFile,
  JSON.stringify({
    bootMs: started,
    importMs: imported - started,
    // the time between import and the event is reading the event file: excluded.
    eventMs: handled - t0,
    totalMs: started + (imported - started) + (handled - t0),
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssAfterImportKb,
    maxRssKb: process.resourceUsage().maxRSS,
    response,
  }),
);

function summarisePipeline(annotated) {
  return { entities: annotated.entities.length, quotes: annotated.quotes.length, words: annotated.wordCount };
}
// Keep-alive sockets of the SDK clients would hold the process open; Lambda would freeze it here instead.
process.exit(0);
