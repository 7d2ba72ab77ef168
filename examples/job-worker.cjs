// The child side of job-runner.js: receives jobs over IPC and answers with plain JSON values.
process.on('message', (job) => {
  const startedAt = Date.now();
  const output = String(job.input).toUpperCase();
  // correct: numbers and strings cross the default JSON channel unchanged
  process.send({ id: job.id, output, ms: Date.now() - startedAt });
});
