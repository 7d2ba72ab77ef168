// Request/reply over a Web Worker's port: the worker side answers each request with the result,
// or with the rejection reason. A reason that is an Error could not be cloned by postMessage
// (DataCloneError), so the reply never arrived and the caller waited forever.
export class MessageHandler {
  constructor(name, port) {
    this.name = name;
    this.port = port;
    this.handlers = Object.create(null);
    port.onmessage = (event) => this.onMessage(event.data);
  }

  on(action, handler) {
    this.handlers[action] = handler;
  }

  onMessage(request) {
    const handler = this.handlers[request.action];
    if (!handler) return;
    Promise.resolve()
      .then(() => handler(request.data))
      .then(
        (result) => this.port.postMessage({ isReply: true, callbackId: request.callbackId, data: result }),
        (reason) => this.port.postMessage({ isReply: true, callbackId: request.callbackId, error: reason }),
      );
  }
}

// Inside the worker.
export function setUpWorker() {
  const handler = new MessageHandler('worker', self);
  handler.on('GetDocument', (source) => {
    if (!source.url) throw new Error('missing url');
    return { numPages: 1 };
  });
  return handler;
}
