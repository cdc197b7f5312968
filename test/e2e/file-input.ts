import type { Locator } from 'playwright-core';

type InputFiles = Parameters<Locator['setInputFiles']>[0];

/**
 * Chooses `files` through a hidden `<input type=file>` that `open` (a click, or Enter on the button
 * that stands for it) must click. Playwright's `filechooser` event is not used: the interception it
 * relies on is switched on asynchronously when the listener is added, so a press sent right after
 * can reach the page first, and then no event ever comes (a walk failed so, rarely, under load).
 * Marking the input's own click proves the same thing, the control opened the file picker, without
 * that race.
 */
export async function chooseFilesThrough(input: Locator, open: () => Promise<void>, files: InputFiles): Promise<void> {
  await input.evaluate((element) => {
    delete (element as HTMLElement).dataset.opened;
    element.addEventListener(
      'click',
      (event) => {
        // The picker the click would open is not needed: the files are set below.
        event.preventDefault();
        (element as HTMLElement).dataset.opened = 'yes';
      },
      { once: true },
    );
  });
  await open();
  await input.and(input.page().locator('[data-opened=yes]')).waitFor({ state: 'attached', timeout: 15_000 });
  await input.setInputFiles(files);
}
