// Gives a forked core process the `process.parentPort` an Electron utilityProcess has, over the
// fork's IPC channel, so the faked `electron` runs the core host's utilityProcess path.
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => process.on(event, (data) => listener({ data })),
};
// Electron ends a utility process with the app; a forked one ends when its parent does.
process.once('disconnect', () => process.exit(0));
