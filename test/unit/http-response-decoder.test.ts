// ResponseDecoder: an engine HTTP/1.1 response from raw bytes. Each response is fed whole, split
// at every position and byte by byte: the body and whether it is complete must not depend on
// where the socket's reads happened to end.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HttpProtocolError, ResponseCutError, ResponseDecoder, type ResponseHead } from '../../src/main/engine/core/http-response-decoder';

interface Decoded {
  heads: ResponseHead[];
  body: Buffer;
  ended: boolean;
}

function decoderFor(): { decoder: ResponseDecoder; result: Decoded } {
  const result: Decoded = { heads: [], body: Buffer.alloc(0), ended: false };
  const parts: Buffer[] = [];
  const decoder = new ResponseDecoder({
    onHead: (head) => result.heads.push(head),
    // The range is only valid during the call (the reader reuses its buffer): copy it now.
    onBody: (buffer, start, end) => parts.push(Buffer.from(buffer.subarray(start, end))),
    onEnd: () => {
      result.ended = true;
      result.body = Buffer.concat(parts);
    },
  });
  return { decoder, result };
}

/** Feeds `pieces` (each in a buffer with junk around it, as the reused read buffer has), then the connection's end. */
function decode(pieces: Buffer[]): Decoded {
  const { decoder, result } = decoderFor();
  for (const piece of pieces) {
    const padded = Buffer.concat([Buffer.from('\r\n0\r\n\r\n'), piece, Buffer.from('0\r\n\r\nHTTP/1.1 200')]);
    const end = 7 + piece.length;
    // feed() stops after the head: the rest of the piece is fed again.
    for (let at = 7; at < end && !decoder.complete;) at = decoder.feed(padded, at, end);
  }
  decoder.finish();
  return result;
}

/** The response split at `at` (two reads), and byte by byte. */
function splits(response: Buffer): Buffer[][] {
  const ways: Buffer[][] = [[response]];
  for (let at = 1; at < response.length; at++) ways.push([response.subarray(0, at), response.subarray(at)]);
  ways.push([...response].map((byte) => Buffer.from([byte])));
  return ways;
}

const HEAD = 'HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n';

function chunked(body: Buffer, sizes: number[], options: { extension?: string; trailer?: string; upperHex?: boolean } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from(HEAD)];
  let at = 0;
  for (const size of sizes) {
    const hex = options.upperHex ? size.toString(16).toUpperCase() : size.toString(16);
    parts.push(Buffer.from(`${hex}${options.extension ?? ''}\r\n`), body.subarray(at, at + size), Buffer.from('\r\n'));
    at += size;
  }
  parts.push(Buffer.from(`0${options.extension ?? ''}\r\n${options.trailer ?? ''}\r\n`));
  return Buffer.concat(parts);
}

function expectProtocolError(pieces: Buffer[], message: RegExp): void {
  expect(() => decode(pieces)).toThrow(HttpProtocolError);
  expect(() => decode(pieces)).toThrow(message);
}

describe('ResponseDecoder: complete responses, however they are split', () => {
  const body = randomBytes(300);
  const cases: [string, Buffer][] = [
    ['chunks of 1, 17, 255 and 27 bytes', chunked(body, [1, 17, 255, 27])],
    [
      'upper-case hex and leading zeros',
      Buffer.from(chunked(body, [256, 44], { upperHex: true }).toString('latin1').replace('\r\n100\r\n', '\r\n0100\r\n'), 'latin1'),
    ],
    ['chunk extensions (with blanks before them)', chunked(body, [100, 200], { extension: ' \t;name="va;lue";x' })],
    ['trailer fields after the last chunk', chunked(body, [150, 150], { trailer: 'X-Checksum: abc\r\nX-Other: 1\r\n' })],
    ['a Content-Length body', Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 300\r\n\r\n'), body])],
  ];
  for (const [name, response] of cases) {
    it(name, () => {
      for (const pieces of splits(response)) {
        const decoded = decode(pieces);
        expect(decoded.ended).toBe(true);
        expect(decoded.body.equals(body)).toBe(true);
        expect(decoded.heads).toHaveLength(1);
      }
    });
  }

  it('reads the head: status, reason, lower-case names, repeated headers joined', () => {
    const { heads } = decode([Buffer.from('HTTP/1.1 201 Created\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 0\r\n\r\n')]);
    expect(heads[0]).toMatchObject({ statusCode: 201, reason: 'Created' });
    expect(heads[0]!.headers.get('x-a')).toBe('1, 2');
  });

  it('skips an interim 100 Continue; 204 has no body even with a length', () => {
    const continued = decode([Buffer.from('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')]);
    expect(continued.heads.map((head) => head.statusCode)).toEqual([200]);
    expect(continued.body.toString()).toBe('ok');
    const empty = decode([Buffer.from('HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n')]);
    expect(empty).toMatchObject({ ended: true });
    expect(empty.body.length).toBe(0);
  });

  it('a body with neither length nor chunks ends with the connection', () => {
    const decoded = decode([Buffer.from('HTTP/1.1 200 OK\r\n\r\nall of it'), Buffer.from(' and more')]);
    expect(decoded.body.toString()).toBe('all of it and more');
  });

  it('ignores what follows a complete response', () => {
    const { decoder, result } = decoderFor();
    const response = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA');
    const afterHead = decoder.feed(response);
    expect(afterHead).toBe(response.indexOf('okEXTRA'));
    expect(decoder.feed(response, afterHead)).toBe(response.indexOf('EXTRA'));
    expect(result.body.toString()).toBe('ok');
    expect(decoder.complete).toBe(true);
  });
});

describe('ResponseDecoder: a connection that ends early is an error, wherever it ends', () => {
  const body = randomBytes(100);
  const whole = chunked(body, [60, 40], { trailer: 'X-T: 1\r\n' });
  const text = whole.toString('latin1');
  const cuts: [string, number][] = [
    ['in the head', 20],
    ['right after the head', HEAD.length],
    ['in a chunk size line', HEAD.length + 1],
    ['mid-chunk', HEAD.length + 4 + 30],
    ['between a chunk and its CRLF', HEAD.length + 4 + 60],
    ['between chunks', HEAD.length + 4 + 62],
    ['before the 0-size chunk (all data received)', text.lastIndexOf('0\r\nX-T')],
    ['after the 0-size chunk line', text.lastIndexOf('X-T')],
    ['in the trailer', text.lastIndexOf('X-T') + 3],
    ['before the final CRLF', whole.length - 2],
    ['between the final CR and LF', whole.length - 1],
  ];
  for (const [name, at] of cuts) {
    it(name, () => {
      expect(() => decode([whole.subarray(0, at)])).toThrow(ResponseCutError);
      expect(() => decode([whole.subarray(0, at)])).toThrow(/connection closed before/);
    });
  }

  it('a Content-Length body cut short', () => {
    const response = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n'), body.subarray(0, 99)]);
    expect(() => decode([response])).toThrow(ResponseCutError);
  });

  it('the cut error carries the code a reset connection has (mapped to "connection lost")', () => {
    const error = (() => {
      try {
        decode([whole.subarray(0, 200)]);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('ResponseDecoder: bytes that are not the HTTP the engine speaks', () => {
  const head = Buffer.from(HEAD);
  const bad: [string, string, RegExp][] = [
    ['a chunk size that is not hex', 'zz\r\nab\r\n0\r\n\r\n', /"z" where a hex digit belongs/],
    ['an empty chunk size line', '\r\nab\r\n0\r\n\r\n', /where a hex digit belongs/],
    ['a negative chunk size', '-2\r\nab\r\n0\r\n\r\n', /where a hex digit belongs/],
    ['text after the size that is not an extension', '2 x\r\nab\r\n0\r\n\r\n', /not an extension/],
    ['a chunk longer than its size', '2\r\nabc\r\n0\r\n\r\n', /longer than its size/],
    ['a size line ended by a bare LF', '2\nab\r\n0\r\n\r\n', /where a hex digit belongs|CRLF/],
    ['a size line whose CR is not followed by LF', '2\rab\r\n0\r\n\r\n', /does not end with CRLF/],
    ['a chunk size beyond 256 TiB', '1000000000001\r\n', /too large/],
    ['a trailer line ended by a bare LF', '0\r\nX: 1\n\r\n', /trailer line does not end with CRLF/],
  ];
  for (const [name, rest, message] of bad) {
    it(name, () => {
      for (const pieces of splits(Buffer.concat([head, Buffer.from(rest, 'latin1')]))) expectProtocolError(pieces, message);
    });
  }

  it('a head without an end beyond 64 KiB, and a longer one', () => {
    const endless = Buffer.from(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(70 * 1024)}`);
    expectProtocolError([endless], /head is longer than 65536 bytes/);
    expectProtocolError([Buffer.concat([endless, Buffer.from('\r\n\r\n')])], /head is longer than 65536 bytes/);
    const pieces = Array.from({ length: 80 }, () => Buffer.from(`X-Many: ${'b'.repeat(1000)}\r\n`));
    expectProtocolError([Buffer.from('HTTP/1.1 200 OK\r\n'), ...pieces], /head is longer/);
  });

  it('a chunk size line, or a trailer, without an end', () => {
    expectProtocolError([head, Buffer.from(`5;${'e'.repeat(5000)}`)], /chunk size line is longer than 4096 bytes/);
    expectProtocolError([head, Buffer.from(`0\r\n${'X: y\r\n'.repeat(12_000)}`)], /trailer is longer than 65536 bytes/);
  });

  it('a status line, a header line, framing it cannot read', () => {
    expectProtocolError([Buffer.from('SSH-2.0-OpenSSH\r\n\r\n')], /status line is "SSH-2.0-OpenSSH"/);
    expectProtocolError([Buffer.from('HTTP/1.1 200 OK\r\nno colon here\r\n\r\n')], /header line is "no colon here"/);
    expectProtocolError([Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n')], /transfer encoding "gzip, chunked" is not supported/);
    expectProtocolError([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n')], /content length is "5, 6"/);
    expectProtocolError([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n')], /content length is "-1"/);
    expectProtocolError([Buffer.from('HTTP/1.1 101 Switching Protocols\r\n\r\n')], /switched protocols/);
  });
});
