/** The shipped canvas content and its multiplied copies, shared with the benchmark (bench/content.ts). */
export { CONTENT, multipliedContent } from '../../bench/content';
