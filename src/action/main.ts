// Entry point of the GitHub Action (action.yml), bundled into action/dist/index.mjs by
// `npm run build:action` so that the Action runs without `npm install`.
import { runAction } from './run.js';

await runAction();
