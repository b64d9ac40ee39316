/** The template shop's sales copy that must never reach users, and how it is recognised. */
import type { Section } from './content-schema';

/**
 * The template shop's product-page copy, which came with the source text but is not about Xiaomi: users of the
 * add-on never read it. A sentence containing any of these is left out; everything else stays verbatim.
 */
export const SHOP_COPY = [
  'Fully Editable',
  'Tailor To Your Needs',
  'Professional Design',
  'Industry-Standard Templates',
  'Pre-Built',
  'For Quick And Efficient Use',
  'No Expertise Is Needed',
  'Easy To Follow',
  'Xiaomi Bundle',
  'What is included in the product',
  'What You See Is What You Get',
  'preview',
  "you'll receive",
  'real file',
  'After purchasing',
  'instantly gain',
  'available now',
] as const;

const normalise = (text: string) => text.replace(/’/g, "'").toLowerCase();

export function isShopCopy(text: string): boolean {
  const t = normalise(text);
  return SHOP_COPY.some((phrase) => t.includes(normalise(phrase)));
}

/** A paragraph without its shop-copy sentences ('' when nothing is left). */
export function withoutShopCopy(paragraph: string): string {
  const sentences = paragraph.match(/[^.!?]+[.!?]*(\s+|$)/g) ?? [paragraph];
  return sentences
    .filter((sentence) => !isShopCopy(sentence))
    .join('')
    .trim();
}

/** The template's introduction as users see it: its paragraphs and bullets minus the shop copy, no headings. */
export function aboutParagraphs(intro: readonly Section[]): string[] {
  return intro
    .flatMap((section) => [...section.paragraphs, ...section.bullets])
    .map(withoutShopCopy)
    .filter((text) => text !== '');
}
