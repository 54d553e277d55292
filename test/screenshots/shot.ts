import type { Browser, Page } from 'playwright-core';
import type { TestHub } from '../helpers/test-hub.js';

export interface ShotContext {
  /** A fresh demo hub for this module, its clock on Monday 2026-11-23 10:00 (hall time). */
  hub: TestHub;
  browser: Browser;
  /** Saves docs/screenshots/<name>.png. */
  capture(page: Page, name: string): Promise<void>;
}

/** A *.shots.ts module: takes the screenshots of one family of screens. */
export interface ShotModule {
  shoot(ctx: ShotContext): Promise<void>;
}
