// A program that runs one job. Importing job-runner.js starts its worker: this program wants that,
// but so does every other importer, a test or a tool that only needs `startRunner()`.
import { runJob } from './job-runner.js';

console.log(await runJob({ id: 1, task: 'resize' }));
