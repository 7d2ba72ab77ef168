// The fix sends the dates as timestamps and revives them on the other side.
export function startStorageChild(db) {
  process.on('message', async (request) => {
    const invoice = await db.findInvoice(request.id);
    process.send({ requestId: request.id, invoice: { ...invoice, paidAt: Date.parse(invoice.paid_at) } });
  });
}
