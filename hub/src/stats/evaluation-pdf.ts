// The evaluation report as an A4 PDF, printed by the Chromium the hall already has for its screens
// (driven by playwright-core, headless, no network). One PDF at a time: a Chromium takes a core. The
// browser stays up for a minute after a PDF (a second one then takes ~0.3 s instead of a start).
import type { Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The house flags for a headless Chromium on a LAN machine (see README, screenshots). */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const IDLE_MS = 60_000;

/** Chromium could not be started (missing, or not runnable): the caller answers 503. */
export class NoChromium extends Error {}

const FOOTER = '<div style="font-size:8px;width:100%;text-align:center;color:#555">第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>';

export class PdfPrinter {
  #browser: Promise<Browser> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #idle: ReturnType<typeof setTimeout> | undefined;
  /** The last page printed: the same page asked again (a double click, a retry) is not printed twice. */
  #last: { html: string; pdf: Promise<Buffer> } | undefined;

  constructor(private readonly executablePath: string) {}

  /** The page's HTML printed to PDF: A4 portrait, 12 mm margins, page numbers in the footer. */
  print(html: string): Promise<Buffer> {
    if (this.#last?.html === html) return this.#last.pdf;
    const run = async (): Promise<Buffer> => {
      clearTimeout(this.#idle);
      const context = await (await this.browser()).newContext();
      try {
        const page = await context.newPage();
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
        await context.close();
        this.#idle = setTimeout(() => void this.close(), IDLE_MS);
        this.#idle.unref();
      }
    };
    const done = this.#queue.then(run, run);
    this.#queue = done.catch(() => undefined);
    this.#last = { html, pdf: done };
    done.catch(() => (this.#last = undefined));
    return done;
  }

  private browser(): Promise<Browser> {
    // Loaded on the first PDF, not at start: playwright-core is a large module (~0.3 s of a hub's start).
    this.#browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, headless: true, args: ARGS }))
      .catch((err: Error) => {
      this.#browser = undefined; // tried again next time: chromium may be installed meanwhile
      throw new NoChromium(err.message.split('\n')[0]);
    });
    return this.#browser;
  }

  async close(): Promise<void> {
    clearTimeout(this.#idle);
    const browser = this.#browser;
    this.#browser = undefined;
    await browser?.then((b) => b.close(), () => undefined);
  }
}
