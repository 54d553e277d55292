// Layout checks for the window-top display, run inside the page: what a person would see as broken.
import type { Page } from 'playwright-core';

/** Common window-top display sizes: 16:9 panels from full HD down to 7-inch bar screens, and the 32:9 bar. */
export const DISPLAY_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  { width: 1024, height: 600 },
  { width: 800, height: 480 },
  { width: 1920, height: 540 },
] as const;

/**
 * Everything wrong with the layout, one line each (empty when right): an element whose box leaves the
 * screen or its parent's box, text overflowing (or cut off by) its box, and main parts that overlap.
 */
export async function layoutFaults(page: Page, root = '.display', parts = ['.place', '.now', '.staff', '.notice']): Promise<string[]> {
  // tsx (the screenshot runner) compiles with keepNames, whose helper the page does not have.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    ({ root, parts }) => {
      const faults: string[] = [];
      const top = document.querySelector(root);
      if (!top) return [`${root} missing`];
      const name = (el: Element): string => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${(el.textContent ?? '').trim().slice(0, 24)}”`;
      const vw = document.documentElement.clientWidth;
      const vh = document.documentElement.clientHeight;
      const SLACK = 1;
      for (const el of [top, ...top.querySelectorAll('*')]) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < -SLACK || r.top < -SLACK || r.right > vw + SLACK || r.bottom > vh + SLACK) faults.push(`outside the screen: ${name(el)}`);
        const parent = el.parentElement;
        if (el !== top && parent) {
          const p = parent.getBoundingClientRect();
          if (r.left < p.left - SLACK || r.top < p.top - SLACK || r.right > p.right + SLACK || r.bottom > p.bottom + SLACK) faults.push(`outside its parent: ${name(el)}`);
        }
        const html = el as HTMLElement;
        const style = getComputedStyle(html);
        if (style.display === 'inline') continue;
        // A CJK font's glyph box is taller than a tight line: that much above and below (of the largest
        // text inside) is not overflow.
        const largest = Math.max(parseFloat(style.fontSize), ...[...html.querySelectorAll('*')].map((c) => parseFloat(getComputedStyle(c).fontSize)));
        const leading = 0.3 * largest;
        const wide = html.scrollWidth - html.clientWidth;
        const tall = html.scrollHeight - html.clientHeight;
        if (wide > SLACK || tall > leading) faults.push(`text overflows (${wide}×${tall} px): ${name(el)}`);
      }
      const boxes = parts.flatMap((s) => [...top.querySelectorAll(s)]).map((el) => ({ el, r: el.getBoundingClientRect() }));
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.r.left < b.r.right - SLACK && b.r.left < a.r.right - SLACK && a.r.top < b.r.bottom - SLACK && b.r.top < a.r.bottom - SLACK;
          if (overlap) faults.push(`overlap: ${name(a.el)} / ${name(b.el)}`);
        }
      return faults;
    },
    { root, parts },
  );
}

/** Whether the element's text sits on one line. */
export function oneLine(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size === 1;
  });
}
