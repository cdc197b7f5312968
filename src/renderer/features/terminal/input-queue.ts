import { binaryToBase64, splitText } from './bytes';

/** Characters per input command: well under the contract's limit and the web server's body limit. */
export const INPUT_PIECE_CHARS = 16 * 1024;

export interface InputPiece {
  data: string;
  encoding: 'utf8' | 'base64';
}

/**
 * Sends a session's input in order, one command at a time (HTTP requests could otherwise overtake
 * each other), coalescing keys typed while one is in flight and splitting a big paste into pieces.
 * Input typed before the session is ready waits for it.
 */
export class InputQueue {
  private pending: InputPiece[] = [];
  private sending = false;
  private ready = false;

  constructor(
    private readonly send: (piece: InputPiece) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** How many characters wait to be sent (a paste in progress). */
  get backlog(): number {
    return this.pending.reduce((sum, piece) => sum + piece.data.length, 0);
  }

  text(data: string): void {
    for (const piece of splitText(data, INPUT_PIECE_CHARS)) this.add({ data: piece, encoding: 'utf8' });
    this.pump();
  }

  binary(data: string): void {
    for (const piece of splitText(data, INPUT_PIECE_CHARS)) this.add({ data: binaryToBase64(piece), encoding: 'base64' });
    this.pump();
  }

  /** The session is ready (again): send what waited. */
  start(): void {
    this.ready = true;
    this.pump();
  }

  /** The session ended: drop what was not sent, and hold new input until the next start. */
  stop(): void {
    this.ready = false;
    this.pending = [];
  }

  private add(piece: InputPiece): void {
    const last = this.pending.at(-1);
    if (last && last.encoding === 'utf8' && piece.encoding === 'utf8' && last.data.length + piece.data.length <= INPUT_PIECE_CHARS) {
      last.data += piece.data;
    } else this.pending.push(piece);
  }

  private pump(): void {
    if (this.sending || !this.ready) return;
    this.sending = true;
    void (async () => {
      while (this.ready && this.pending.length > 0) {
        const piece = this.pending.shift()!;
        try {
          await this.send(piece);
        } catch (error) {
          this.pending = [];
          this.onError(error);
        }
      }
      this.sending = false;
    })();
  }
}
