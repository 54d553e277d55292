// A server process (the hub, the district server) stops cleanly on Ctrl-C or a service manager's SIGTERM:
// it closes what it holds, then exits 0, or 1 when the close failed.
export function stopOnSignals(close: () => Promise<void>, log: (line: string) => void): void {
  const stop = (signal: string): void => {
    log(`${signal}: stopping`);
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
