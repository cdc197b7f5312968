// Tar archives made in memory for tests (small test data only).
import { pack, type Header } from 'tar-stream';

export type SeedItem = Partial<Header> & { name: string; body?: string | Buffer };

/** A tar of `items`: files (with a body) 0644, folders and the rest 0755 unless a mode is given. */
export async function tarOf(items: readonly SeedItem[]): Promise<Buffer> {
  const tar = pack();
  for (const { body, ...header } of items) {
    if (body !== undefined) tar.entry({ mode: 0o644, ...header, type: header.type ?? 'file' }, body);
    else tar.entry({ mode: 0o755, ...header });
  }
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
