// A storage subprocess answers queries from the main process over the fork() IPC channel.
// Rows carry Date columns, and the default JSON serialization turns each into a string: the
// main process then calls date methods on strings.
export function startStorageChild(db) {
  process.on('message', async (request) => {
    const invoice = await db.findInvoice(request.id);
    process.send({ requestId: request.id, invoice: { ...invoice, paidAt: new Date(invoice.paid_at) } });
  });
}
