/** Browser tests launch Chromium the one way the project does (scripts/chromium.ts). */
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../../scripts/chromium';
