/**
 * A 20 MB PDF in bounded time and memory (docs/benchmarks.md, "PDF plans"): Chromium prints a
 * 分工表 of 1 200 tasks with a photograph-sized picture every 30 rows (pictures are what make
 * published PDFs large), then `plan check` reads it, timed, its peak memory counted by GNU time.
 *
 *   npm exec -- node scripts/bench-pdf.ts
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { launchChromium } from './lib/chromium.ts';

const TASKS = 1200;

/** A PNG of random pixels: it does not compress, as a photograph hardly does. */
function noisePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
try {
  const rows: string[] = [];
  for (let i = 1; i <= TASKS; i++) {
    rows.push(
      `<tr><td>${i}</td><td>推进第${i}项重点工作，按季度报送进展情况，年底前完成全部建设内容。</td><td>县住建局</td><td>县财政局、县自然资源局</td><td>年底前</td></tr>`,
    );
    // A picture of its own each time: a browser writes a picture it has printed before only once.
    if (i % 30 === 0)
      rows.push(`<tr><td colspan="5"><img src="data:image/png;base64,${noisePng(480, 360).toString('base64')}" width="480" height="360" alt=""></td></tr>`);
  }
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:3px}</style></head><body>
<h1>某县2025年重点任务分工表</h1><table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>${rows.join('\n')}</table></body></html>`;
  writeFileSync(join(dir, 'plan.html'), html);
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(dir, 'plan.html')).href);
  const pdf = join(dir, 'plan.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  await browser.close();
  const size = statSync(pdf).size;
  const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? '?';
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, 'scripts/plan.ts', 'check', pdf], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
  const parsed = spawnSync(process.execPath, ['scripts/plan.ts', 'parse', pdf], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const tasks = parsed.status === 0 ? (JSON.parse(parsed.stdout) as { tasks: unknown[] }).tasks.length : 'parse failed';
  console.log('| PDF | pages | tasks found | `plan check` time | peak memory |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${(size / 2 ** 20).toFixed(1)} MB (Chromium, ${TASKS} tasks, pictures) | ${pages} | ${tasks} | ${seconds.toFixed(1)} s | ${rss.toFixed(0)} MB |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
