/** The screenshots in docs/screenshots, taken from a real run (see docs/screenshots/README.md). */
import { mkdirSync } from 'node:fs';
import { placeOrder } from './order';
import { screenshotConfigFile } from './shop';
import { emailShots, editorShots, trackingShot } from './shots';
import { openStack } from './stack';

export interface ScreenshotOptions {
  /** Where the PNGs go (created when missing). */
  outDir: string;
  /** A running Temporal server to use instead of starting a dev server (the tests pass theirs). */
  temporalAddress?: string;
}

/** Starts the stack, runs one order of the branded shop, takes every picture; returns the PNG files written. */
export async function takeScreenshots({ outDir, temporalAddress }: ScreenshotOptions): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const stack = await openStack(screenshotConfigFile(), temporalAddress);
  try {
    const order = await placeOrder(stack);
    return [
      ...(await emailShots(stack, order, outDir)),
      await trackingShot(stack, order, outDir),
      ...(await editorShots(stack, outDir)),
    ];
  } finally {
    await stack.close();
  }
}
