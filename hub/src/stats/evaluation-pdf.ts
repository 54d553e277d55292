// The evaluation report as an A4 PDF, printed by the Chromium the hall already has for its screens
// (driven by playwright-core, headless, no network). One PDF at a time: a Chromium takes a core.
import { chromium } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The house flags for a headless Chromium on a LAN machine (see README, screenshots). */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Chromium could not be started (missing, or not runnable): the caller answers 503. */
export class NoChromium extends Error {}

const FOOTER = '<div style="font-size:8px;width:100%;text-align:center;color:#555">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>';

let queue: Promise<unknown> = Promise.resolve();

/** The page's HTML printed to PDF: A4 portrait, 12 mm margins, page numbers in the footer. */
export function htmlToPdf(html: string, executablePath: string): Promise<Buffer> {
  const run = async (): Promise<Buffer> => {
    const browser = await chromium.launch({ executablePath, headless: true, args: ARGS }).catch((err: Error) => {
      throw new NoChromium(err.message.split('\n')[0]);
    });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
        margin: { top: '12mm', bottom: '14mm', left: '12mm', right: '12mm' },
      });
    } finally {
      await browser.close();
    }
  };
  const done = queue.then(run, run);
  queue = done.catch(() => undefined);
  return done;
}
