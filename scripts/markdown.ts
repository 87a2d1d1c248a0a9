/** One paragraph from its sentences: reports write their prose a sentence or clause a line, for reading. */
export function prose(...sentences: string[]): string {
  return sentences.join(' ');
}
