/** Characters kept per stream of a one-off command; older output is dropped (and marked so). */
const KEEP_CHARS = 2 * 1024 * 1024;

interface StreamText {
  decoder: TextDecoder;
  text: string;
  truncated: boolean;
}

/** A one-off command's stdout and stderr, decoded as UTF-8 (invalid bytes become U+FFFD). */
export class CommandOutput {
  private readonly streams = {
    stdout: { decoder: new TextDecoder(), text: '', truncated: false } as StreamText,
    stderr: { decoder: new TextDecoder(), text: '', truncated: false } as StreamText,
  };

  append(stream: 'stdout' | 'stderr', bytes: Uint8Array): void {
    const target = this.streams[stream];
    target.text += target.decoder.decode(bytes, { stream: true });
    if (target.text.length > KEEP_CHARS) {
      target.text = target.text.slice(target.text.length - KEEP_CHARS);
      target.truncated = true;
    }
  }

  /** The process ended: flush any partial character. */
  finish(): void {
    for (const target of Object.values(this.streams)) target.text += target.decoder.decode();
  }

  reset(): void {
    for (const target of Object.values(this.streams)) {
      target.decoder = new TextDecoder();
      target.text = '';
      target.truncated = false;
    }
  }

  text(stream: 'stdout' | 'stderr'): string {
    return this.streams[stream].text;
  }

  truncated(stream: 'stdout' | 'stderr'): boolean {
    return this.streams[stream].truncated;
  }
}
