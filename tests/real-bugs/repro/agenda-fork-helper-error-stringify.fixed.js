// Child side of a "run this job in a forked process" helper.
// The parent stores whatever string arrives as the job's failReason.
const { loadJobDefinition } = require('./jobs');

process.on('message', async ({ jobName, jobData }) => {
  try {
    const run = loadJobDefinition(jobName);
    await run(jobData);
    process.send('ok');
  } catch (err) {
    // send the readable message instead of the (empty) JSON form of an Error
    process.send(err instanceof Error ? err.message : JSON.stringify(err));
  }
  process.exit(0);
});
