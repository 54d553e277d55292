// Waits until the hub answers /api/health (after a start or an upgrade); exit 1 after the timeout.
// Usage: node wait-health.mjs BASE_URL [SECONDS]
const [base, seconds = '30'] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
let last = '';
while (Date.now() < deadline) {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
    const body = await res.json();
    if (body.ok) {
      console.log(`[一窗] hub 已就绪 / hub is up: ${base} (${body.hall ?? ''} ${body.day ?? ''})`);
      process.exit(0);
    }
    last = JSON.stringify(body);
  } catch (err) {
    last = err instanceof Error ? err.message : String(err);
  }
  await new Promise((r) => setTimeout(r, 500));
}
console.error(`[一窗] hub 在 ${seconds} 秒内没有应答 / hub did not answer within ${seconds} s: ${last}`);
console.error('       查看日志 / see the log: journalctl -u yichuang-hub -n 50');
process.exit(1);
