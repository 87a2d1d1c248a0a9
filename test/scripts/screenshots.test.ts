/**
 * `npm run screenshots` into a temporary folder, on the run's Temporal server: every picture is a PNG of a
 * phone's or a desktop's width and a modest size, and the dark email is darker than the light one (its
 * pixels read back in Chromium).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, expect, inject, it } from 'vitest';
import { takeScreenshots } from '../../scripts/screenshots/index';
import { launchBrowser } from '../helpers/browser';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WIDTHS: Record<string, number> = {
  'email-light.png': 390,
  'email-dark.png': 390,
  'tracking-page.png': 390,
  'template-editor.png': 1280,
  'template-editor-sms.png': 1280,
};

let files: string[];
beforeAll(async () => {
  files = await takeScreenshots({
    outDir: mkdtempSync(join(tmpdir(), 'doorstep-screenshots-')),
    temporalAddress: inject('temporalAddress'),
  });
});

/** A PNG's width and height from its IHDR chunk (the first, right after the signature). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The mean brightness (0 black to 255 white) of each PNG, decoded by Chromium onto a canvas. */
async function brightness(pngs: Buffer[]): Promise<number[]> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    return await page.evaluate(
      async (sources) => {
        const means = [];
        for (const src of sources) {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = new OffscreenCanvas(img.width, img.height);
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          const { data } = ctx.getImageData(0, 0, img.width, img.height);
          let sum = 0;
          for (let i = 0; i < data.length; i += 4)
            sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
          means.push(sum / (data.length / 4));
        }
        return means;
      },
      pngs.map((png) => `data:image/png;base64,${png.toString('base64')}`),
    );
  } finally {
    await browser.close();
  }
}

it('takes every picture as a PNG of a phone or desktop width, of modest height and size', () => {
  expect(files.map((f) => basename(f)).sort()).toEqual(Object.keys(WIDTHS).sort());
  for (const file of files) {
    const png = readFileSync(file);
    const { width, height } = pngSize(png);
    expect(width, file).toBe(WIDTHS[basename(file)]);
    expect(height, file).toBeGreaterThanOrEqual(400);
    expect(height, file).toBeLessThan(3000);
    expect(png.length, file).toBeLessThan(300_000);
  }
});

it('the dark email is another picture, and darker than the light one', async () => {
  const [light, dark] = ['email-light.png', 'email-dark.png'].map((name) =>
    readFileSync(files.find((f) => basename(f) === name)!),
  );
  expect(light.equals(dark)).toBe(false);
  const [lightMean, darkMean] = await brightness([light, dark]);
  expect(lightMean).toBeGreaterThan(200);
  expect(darkMean).toBeLessThan(lightMean - 100);
});
