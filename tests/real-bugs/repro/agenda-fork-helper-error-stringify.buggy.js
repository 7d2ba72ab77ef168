// Child side of a "run this job in a forked process" helper.
// The parent stores whatever string arrives as the job's failReason.
const { loadJobDefinition } = require('./jobs');

process.on('message', async ({ jobName, jobData }) => {
  try {
    const run = loadJobDefinition(jobName);
    await run(jobData);
    process.send('ok');
  } catch (err) {
    // JSON.stringify(new Error('boom')) === '{}', so the parent records "{}"
    process.send(JSON.stringify(err));
  }
  process.exit(0);
});
