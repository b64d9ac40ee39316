/** Utilities: formatDate (Java SimpleDateFormat patterns), computeDigest, getUuid, base64, blobs and gzip, sleep. */
import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FakeContext } from './context';
import { enumName } from './enums';
import { signatureMismatch, typeNames } from './errors';
import { isDate } from './realm';
import { DAYS, MONTHS, wallClock, zoneOffset } from './dates';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offsetText(offsetMs: number, iso: boolean, width: number): string {
  if (iso && offsetMs === 0) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const mins = Math.round(Math.abs(offsetMs) / 60000);
  const hh = pad(Math.floor(mins / 60), 2);
  const mm = pad(mins % 60, 2);
  if (iso && width >= 3) return `${sign}${hh}:${mm}`;
  if (iso && width === 1) return `${sign}${hh}`;
  return `${sign}${hh}${mm}`;
}

/** Formats a date like java.text.SimpleDateFormat in the given time zone. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const w = wallClock(ms, timeZone);
  const offset = zoneOffset(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === ch) j++;
    const n = j - i;
    i = j;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, 3).slice(0, Math.max(n, 3)).padEnd(n, '0');
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(offset, false, n);
        break;
      case 'X':
        out += offsetText(offset, true, n);
        break;
      case 'z':
        out += offset === 0 ? (n >= 4 ? 'Coordinated Universal Time' : 'UTC') : `GMT${offsetText(offset, true, 3)}`;
        break;
      default:
        out += ch.repeat(n);
    }
  }
  return out;
}

function toSignedBytes(buf: Buffer): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(value: unknown, charset?: unknown): Buffer {
  if (typeof value === 'string') return Buffer.from(value, enumName(charset) === 'US_ASCII' ? 'ascii' : 'utf8');
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 0xff));
  return Buffer.from(String(value), 'utf8');
}

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** A Blob as Utilities makes it (newBlob, gzip, ungzip): its bytes, content type and name. */
export class FakeBlob {
  constructor(
    readonly bytes: Buffer,
    private readonly contentType: string | null,
    private readonly name: string | null,
  ) {}

  /** The data as text in UTF-8, as Apps Script documents. */
  getDataAsString(charset?: unknown): string {
    return this.bytes.toString(typeof charset === 'string' && /^us-ascii$/i.test(charset) ? 'ascii' : 'utf8');
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getName(): string | null {
    return this.name;
  }
}

export class UtilitiesImpl {
  constructor(private readonly ctx: FakeContext) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      this.ctx.fail(signatureMismatch(typeNames([date, timeZone, format]), 'Utilities.formatDate'));
    }
    return formatDate(date, timeZone, format);
  }

  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const name = enumName(algorithm);
    const algo = name ? DIGESTS[name] : undefined;
    if (!algo) this.ctx.fail(`FakeSheets: Utilities.computeDigest with ${String(name)} is not implemented`);
    const digest = createHash(algo).update(toBuffer(value, charset)).digest();
    return this.ctx.realm.arrayFrom(toSignedBytes(digest));
  }

  getUuid(): string {
    return randomUUID();
  }

  sleep(milliseconds: unknown): void {
    void milliseconds;
  }

  base64Encode(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  newBlob(data: unknown, contentType?: unknown, name?: unknown): FakeBlob {
    return new FakeBlob(
      toBuffer(data),
      typeof contentType === 'string' ? contentType : null,
      typeof name === 'string' ? name : null,
    );
  }

  gzip(blob: unknown, name?: unknown): FakeBlob {
    if (!(blob instanceof FakeBlob)) this.ctx.fail(signatureMismatch(typeNames([blob]), 'Utilities.gzip'));
    return new FakeBlob(gzipSync(blob.bytes), 'application/x-gzip', typeof name === 'string' ? name : null);
  }

  /** Throws (as Apps Script does) when the blob is not gzip data. */
  ungzip(blob: unknown): FakeBlob {
    if (!(blob instanceof FakeBlob)) this.ctx.fail(signatureMismatch(typeNames([blob]), 'Utilities.ungzip'));
    let bytes: Buffer;
    try {
      bytes = gunzipSync(blob.bytes);
    } catch {
      return this.ctx.fail('Could not decompress gzip.');
    }
    return new FakeBlob(bytes, null, null);
  }

  base64Decode(encoded: unknown): number[] {
    const s = String(encoded).replace(/-/g, '+').replace(/_/g, '/');
    return this.ctx.realm.arrayFrom(toSignedBytes(Buffer.from(s, 'base64')));
  }
}
