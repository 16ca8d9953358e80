import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { PageSize } from '../../shared/export/ExportRequest.ts';

/** PDF export is impossible on this machine (no Chromium); the API answers 503 with this message. */
export class PdfUnavailableError extends Error {}

const IDLE_CLOSE_MS = 60_000;

/**
 * Prints report HTML to PDF with headless Chromium (Debian's `chromium`, or `CHROME_PATH`): the
 * PDF is the same rendering as the HTML export. One browser is started on first use, shared by
 * concurrent exports (one page each) and closed after a minute without work.
 */
export class PdfPrinter {
  private browser: Promise<Browser> | undefined;
  private active = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly executablePath: string) {}

  async print(html: string, pageSize: PageSize, footerLabel: string): Promise<Buffer> {
    this.active += 1;
    clearTimeout(this.idleTimer);
    try {
      const browser = await this.launch();
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: pageSize === 'letter' ? 'Letter' : 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: `<div style="width:100%;font-size:8px;color:#555;font-family:Arial,sans-serif;padding:0 20mm;display:flex;justify-content:space-between"><span>${footerLabel}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
          margin: { top: '22mm', bottom: '24mm', left: '20mm', right: '20mm' },
          tagged: true,
          outline: true,
        });
      } finally {
        await context.close();
      }
    } finally {
      this.active -= 1;
      if (this.active === 0) {
        this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
        this.idleTimer.unref();
      }
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const pending = this.browser;
    this.browser = undefined;
    const browser = await pending?.catch(() => undefined);
    await browser?.close().catch(() => {});
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      if (!fs.existsSync(this.executablePath)) {
        return Promise.reject(
          new PdfUnavailableError(`PDF export needs Chromium, and there is none at ${this.executablePath}: install it (apt-get install chromium) or set CHROME_PATH.`),
        );
      }
      const launching = chromium.launch({
        executablePath: this.executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      });
      this.browser = launching;
      launching.then(
        (browser) => browser.on('disconnected', () => {
          if (this.browser === launching) this.browser = undefined;
        }),
        () => {
          if (this.browser === launching) this.browser = undefined;
        },
      );
    }
    return this.browser;
  }
}
