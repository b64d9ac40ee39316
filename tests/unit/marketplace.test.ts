/**
 * Issue 13: everything the Google Workspace Marketplace listing needs is in the repository and consistent —
 * the listing text within Google's limits, one plain-words justification per OAuth scope of the manifest, the
 * graphics and screenshots at the exact sizes, the public pages the listing links to, and the manifest itself
 * still an editor add-on's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';

const ROOT = join(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('appsscript.json')) as Record<string, unknown>;
const listing = JSON.parse(read('marketplace/listing.json')) as Listing;

/** Where the maintainer must put real values before submitting (listing URLs, developer details). */
const PLACEHOLDER = 'REPLACE-ME';
/** The pages of docs/ that the listing links to, by the listing field. */
const LINKED_PAGES = { supportUrl: 'help.html', privacyUrl: 'privacy.html', termsUrl: 'terms.html' } as const;

const httpsUrl = z.url({ protocol: /^https$/ });
/** Google's Store Listing limits (developers.google.com/workspace/marketplace/create-listing). */
const listingSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(50)
    .refine((name) => !/google/i.test(name), 'must not use the word "Google"'),
  shortDescription: z.string().min(1).max(200),
  detailedDescription: z.string().min(1).max(15_999),
  category: z.enum([
    'Academic resources',
    'Business Tools',
    'Communication',
    'Creative tools',
    'Education',
    'Productivity',
    'Utilities',
  ]),
  pricing: z.enum(['Free of charge', 'Paid', 'Free of charge trial', 'Free of charge with paid features']),
  developer: z.strictObject({ name: z.string().min(1), email: z.email(), websiteUrl: httpsUrl }),
  supportUrl: httpsUrl,
  privacyUrl: httpsUrl,
  termsUrl: httpsUrl,
  postInstallTip: z.string().min(1).max(500),
  scopes: z
    .array(
      z.strictObject({
        scope: z.string().startsWith('https://www.googleapis.com/auth/'),
        justification: z.string().min(40).max(500),
      }),
    )
    .min(1),
});
type Listing = z.infer<typeof listingSchema>;

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the 8-byte signature). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(join(ROOT, file));
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('marketplace/listing.json', () => {
  test('fits the Store Listing fields and limits', () => {
    const result = listingSchema.safeParse(listing);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  test('has one plain-words justification for each OAuth scope of appsscript.json, and no other', () => {
    expect(listing.scopes.map((s) => s.scope)).toEqual(manifest.oauthScopes);
    for (const { justification } of listing.scopes) expect(justification).not.toMatch(/https?:|auth\//);
  });

  test('links support, privacy and terms to the public pages of docs/', () => {
    for (const [field, page] of Object.entries(LINKED_PAGES)) {
      const url = new URL(listing[field as keyof typeof LINKED_PAGES]);
      expect(basename(url.pathname)).toBe(page);
      expect(existsSync(join(ROOT, 'docs', page))).toBe(true);
    }
  });

  test('marks every value the maintainer must replace, so none is submitted by mistake', () => {
    const placeholders = [listing.supportUrl, listing.privacyUrl, listing.termsUrl, listing.developer.email];
    // Either still the marked placeholder, or a real value: never an example domain left behind.
    for (const value of placeholders)
      expect(value.includes(PLACEHOLDER) || !/example\.(com|org)/.test(value)).toBe(true);
    expect(read('marketplace/RUNBOOK.md')).toContain(PLACEHOLDER);
  });

  test('tells users where to find the add-on after installing: Extensions › Xiaomi Canvas', () => {
    expect(listing.name).toBe('Xiaomi Canvas');
    expect(listing.postInstallTip).toContain(`Extensions › ${listing.name}`);
    expect(listing.postInstallTip).toContain('Insert Xiaomi canvas');
  });
});

describe('the manifest stays an editor add-on with least privilege', () => {
  test('V8, the two scopes, and no addOns section (that belongs to Workspace add-ons)', () => {
    expect(Object.keys(manifest).sort()).toEqual(['exceptionLogging', 'oauthScopes', 'runtimeVersion', 'timeZone']);
    expect(manifest).not.toHaveProperty('addOns');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
});

describe('marketplace graphics', () => {
  test.each([
    ['icon-32.png', 32, 32],
    ['icon-48.png', 48, 48],
    ['icon-96.png', 96, 96],
    ['icon-128.png', 128, 128],
    ['banner-220x140.png', 220, 140],
  ])('%s is %i × %i pixels, rendered from its SVG source', (file, width, height) => {
    expect(pngSize(`marketplace/assets/${file}`)).toEqual({ width, height });
    const source = file.startsWith('icon') ? 'icon.svg' : 'banner.svg';
    expect(read(`marketplace/assets/${source}`)).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  });

  test('every PNG in marketplace/assets is one of them (no binary without its source)', () => {
    const pngs = readdirSync(join(ROOT, 'marketplace/assets')).filter((f) => f.endsWith('.png'));
    expect(pngs.sort()).toEqual(['banner-220x140.png', 'icon-128.png', 'icon-32.png', 'icon-48.png', 'icon-96.png']);
  });
});

describe('marketplace screenshots', () => {
  test('at least three, each exactly 1280 × 800', () => {
    const shots = readdirSync(join(ROOT, 'marketplace/screenshots')).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBeGreaterThanOrEqual(3);
    for (const shot of shots)
      expect([shot, pngSize(`marketplace/screenshots/${shot}`)]).toEqual([shot, { width: 1280, height: 800 }]);
  });
});

describe('public pages (docs/, ready for GitHub Pages)', () => {
  const pages = ['index.html', 'privacy.html', 'terms.html', 'help.html'];
  const html = (page: string) => read(`docs/${page}`);

  test.each(pages)('%s is a self-contained page: no scripts, nothing loaded from elsewhere', (page) => {
    const text = html(page);
    expect(text).toMatch(/^<!doctype html>/);
    expect(text).toMatch(/<title>[^<]+<\/title>/);
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/\s(src|href)="(https?:)?\/\/[^"]*\.(css|js|woff2?|png|svg)"/i);
    for (const link of text.matchAll(/href="([^"#:]+\.html)/g)) expect(pages).toContain(link[1]);
  });

  test('the privacy policy says what is accessed, used, stored, shared, retained and deleted, and the Limited Use statement', () => {
    const text = html('privacy.html');
    for (const heading of ['accesses', 'uses', 'stored', 'Sharing', 'Retention and deletion'])
      expect(text).toMatch(new RegExp(`<h2>[^<]*${heading}`));
    expect(text).toContain(
      'only the content of the <strong>spreadsheet you use the add-on in</strong>'.replace('only', 'Only'),
    );
    expect(text).toMatch(/Nothing\s+leaves that spreadsheet/);
    expect(text).toMatch(/train\s+artificial-intelligence/);
    expect(text).toContain('https://developers.google.com/terms/api-services-user-data-policy');
    expect(text).toMatch(
      /will adhere to the[\s\S]*Google API Services User Data Policy[\s\S]*including the Limited Use requirements/,
    );
  });

  test('the help page gives the menu path, every menu item, and each scope in plain words', () => {
    const text = html('help.html');
    expect(text).toContain('Extensions &rsaquo; Xiaomi Canvas &rsaquo; Insert Xiaomi canvas');
    const captions = [...read('src/server/menu.ts').matchAll(/\.addItem\('([^']+)'/g)].map((m) => m[1]);
    expect(captions.length).toBeGreaterThan(3);
    for (const caption of captions) expect(text).toContain(`<td>${caption}</td>`);
    for (const scope of manifest.oauthScopes as string[]) expect(text).toContain(`<code>${scope}</code>`);
  });
});
