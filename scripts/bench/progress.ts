/** A progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise. */
export class Progress {
  private done = 0;
  private total = 1;
  private label = '';
  private lastTenth = -1;

  /** Starts a phase of `total` units. */
  phase(label: string, total: number): void {
    this.label = label;
    this.total = Math.max(1, total);
    this.done = 0;
    this.lastTenth = -1;
    this.draw();
  }

  tick(): void {
    this.done++;
    this.draw();
  }

  /** Ends the line of the current phase. */
  end(note = ''): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (note) process.stderr.write(`  ${note}\n`);
  }

  private draw(): void {
    const share = Math.min(1, this.done / this.total);
    if (process.stderr.isTTY) {
      const width = 30;
      const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
      process.stderr.write(
        `\r[${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${this.label} (${this.done}/${this.total})   `,
      );
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      process.stderr.write(`${this.label}: ${tenth * 10}%\n`);
    }
  }
}
