// Learning with the guide as a learner meets it: a path with progress saved in the browser (no
// account), export and import of that progress, self-check questions, the review page, and all
// of it offline, without JavaScript and in both colour schemes. By role and visible text.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AXE_TAGS, formatViolations } from '../support/axe';
import { serveSite } from '../support/site-server';
import { serviceWorkerInControl } from '../support/service-worker';

const DIST = process.env['DIST_DIR'] ?? 'dist';
const PATH = 'paths/from-zero-to-backend/';
/** An entry on the path with self-check questions. */
const ENTRY = 'guides/apis/';
const ENTRY_TITLE = 'APIs: how backends talk';
const PROGRESS_KEY = 'guide-progress';

const stage = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Stage ${n}: `) });
const doneBox = (scope: Page | Locator, title: string) =>
  scope.getByRole('checkbox', { name: `Done: ${title}`, exact: true });
/** Titles of a stage's topics, in order. */
const topicsOf = (page: Page, n: number) => stage(page, n).locator('li[data-topic] .topic > a').allTextContents();
const stored = (page: Page) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null') as Record<string, unknown> | null,
    PROGRESS_KEY,
  );

/** The questions of the entry page, each with its correct and one wrong choice, read from the page. */
async function questionsOf(page: Page) {
  return page.locator('self-check').evaluateAll((checks) =>
    checks.map((check) => {
      const choices = [...check.querySelectorAll('label')].map((label) => label.textContent?.trim() ?? '');
      const answer = check.querySelector('details strong')?.textContent?.trim() ?? '';
      return {
        id: check.id,
        prompt:
          check
            .querySelector('legend')
            ?.textContent?.replace(/^\d+\.\s*/, '')
            .trim() ?? '',
        answer,
        wrong: choices.find((choice) => choice !== answer) ?? '',
      };
    }),
  );
}

/** Picks `choice` in the question and presses Check. */
async function answer(question: Locator, choice: string): Promise<void> {
  await question.getByRole('radio', { name: choice, exact: true }).check();
  await question.getByRole('button', { name: 'Check' }).click();
}

/**
 * Holds the learning elements' code back until `until()` settles on every load, as a slow connection
 * would: the page and its controls are there first, their code later. Returns how many loads it held.
 */
async function holdLearningCode(page: Page, until: () => Promise<unknown>): Promise<() => number> {
  let held = 0;
  await page.route('**/_astro/elements-*.js', async (route) => {
    held++;
    await until();
    await route.continue();
  });
  return () => held;
}

test.describe('a learning path', () => {
  test('marks a topic done, counts it per stage and overall, and keeps it after a reload', async ({ page }) => {
    await page.addInitScript(() => {
      const counter = window as unknown as { persistCalls: number };
      counter.persistCalls = 0;
      navigator.storage.persist = () => {
        counter.persistCalls++;
        return Promise.resolve(true);
      };
    });
    await page.goto(PATH);
    const [first = '', second = ''] = await topicsOf(page, 1);
    const overall = page.locator('.route-progress');
    await expect(overall).toContainText('Topics done: 0 of');
    await expect(overall.getByRole('link')).toHaveText(first);

    await doneBox(page, first).check();
    await expect(stage(page, 1)).toContainText(/done: 1 of \d+/);
    await expect(overall).toContainText(/Topics done: 1 of \d+/);
    await expect(overall.getByRole('link')).toHaveText(second);
    // The next topic is marked as the current step of the route, in words for assistive technology.
    await expect(stage(page, 1).getByRole('link', { name: second, exact: true })).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls)).toBe(1);

    await page.reload();
    await expect(doneBox(page, first)).toBeChecked();
    await expect(stage(page, 1)).toContainText(/done: 1 of \d+/);
    expect(await stored(page)).toMatchObject({
      format: 'backend-developer-guide-progress',
      version: 1,
      done: { 'guides/what-is-backend-development': expect.stringMatching(/^\d{4}-\d\d-\d\d$/) },
    });

    // The entry's own page shows the same state, and where it sits on the paths.
    await stage(page, 1).getByRole('link', { name: first, exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Done with this page' })).toBeChecked();
    await expect(
      page.getByText(/^Part of: From zero to backend developer, stage 1 of \d+\. Next topic: /),
    ).toBeVisible();
    await page.getByRole('checkbox', { name: 'Done with this page' }).uncheck();
    await page.goto(PATH);
    await expect(doneBox(page, first)).not.toBeChecked();
  });

  test('progress saved under an entry’s former id carries over to its current id', async ({ page }) => {
    await page.goto(PATH);
    const topic = page.locator('li[data-topic]').first();
    const key = (await topic.getAttribute('data-topic')) ?? '';
    // No entry has been renamed yet: give the first topic a former id, as `aliases` would, and
    // let another tab save progress under that id.
    await topic.evaluate((li: HTMLElement) => (li.dataset['aliases'] = 'guides/an-old-name'));
    await page.evaluate((storageKey) => {
      const saved = { 'guides/an-old-name': '2026-11-02' };
      const progress = { format: 'backend-developer-guide-progress', version: 1, done: saved, questions: {} };
      localStorage.setItem(storageKey, JSON.stringify(progress));
      window.dispatchEvent(new StorageEvent('storage', { key: storageKey }));
    }, PROGRESS_KEY);
    await expect(topic.getByRole('checkbox')).toBeChecked();
    expect((await stored(page))?.['done']).toEqual({ [key]: '2026-11-02' });
  });

  test('the home page, the header and every entry on the path link to it, with the next topic', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learning paths' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning paths');
    await page.getByRole('link', { name: 'Frontend developer going full-stack' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Frontend developer going full-stack');

    await page.goto('./');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'From zero to backend developer' }) });
    await expect(card).toContainText('Topics done: 0 of');
    await expect(card).toContainText('Next up: What is backend development?');
    // A returning learner is shown what comes next.
    await page.goto(PATH);
    await doneBox(page, 'What is backend development?').check();
    await page.goto('./');
    await expect(card).toContainText(/Topics done: 1 of \d+/);
    await expect(card.getByRole('link', { name: 'Backend developer', exact: true })).toBeVisible();

    await page.goto(ENTRY);
    const partOf = page.getByText(/^Part of: From zero to backend developer, stage (\d+) of (\d+)\./);
    await expect(partOf).toBeVisible();
    await partOf.getByRole('link', { name: 'From zero to backend developer' }).click();
    await expect(page).toHaveURL(/\/paths\/from-zero-to-backend\/#stage-\d+$/);
  });
});

test.describe('exporting and importing progress', () => {
  test('export, then import into a fresh browser: the progress is there', async ({ page, browser }) => {
    await page.goto(ENTRY);
    await page.getByRole('checkbox', { name: 'Done with this page' }).check();
    const [missed] = await questionsOf(page);
    await answer(page.locator(`#${missed?.id}`), missed?.wrong ?? '');
    await page.goto(PATH);
    await doneBox(page, 'What is backend development?').check();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^guide-progress-\d{4}-\d\d-\d\d\.json$/);
    const file = readFileSync(await download.path(), 'utf8');
    const exported = JSON.parse(file) as Record<string, Record<string, unknown>>;
    expect(exported).toMatchObject({ format: 'backend-developer-guide-progress', version: 1 });
    expect(Object.keys(exported['done'] ?? {}).sort()).toEqual(['guides/apis', 'guides/what-is-backend-development']);
    expect(Object.keys(exported['questions'] ?? {})).toEqual([`guides/apis#${missed?.id.slice(2)}`]);
    await expect(
      page.getByRole('status').filter({ hasText: 'Exported 2 topics done, 1 question in review' }),
    ).toBeVisible();

    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await other.goto(PATH);
      await expect(doneBox(other, 'What is backend development?')).not.toBeChecked();
      await other
        .getByLabel('Import progress from a file')
        .setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
      await expect(
        other.getByRole('status').filter({ hasText: 'Imported 2 topics done, 1 question in review.' }),
      ).toBeVisible();
      await expect(doneBox(other, 'What is backend development?')).toBeChecked();
      await expect(doneBox(other, ENTRY_TITLE)).toBeChecked();
      await other.goto('review/');
      await expect(other.getByRole('main')).toContainText(missed?.prompt ?? '');
    } finally {
      await fresh.close();
    }
  });

  test('a file chosen before the learning code has arrived is imported, not lost', async ({ page }) => {
    const file = JSON.stringify({
      format: 'backend-developer-guide-progress',
      version: 1,
      done: { 'guides/what-is-backend-development': '2026-11-30' },
      questions: {},
    });
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await holdLearningCode(page, () => arrived);
    await page.goto(PATH);
    await page
      .getByLabel('Import progress from a file')
      .setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    release();
    await expect(
      page.getByRole('status').filter({ hasText: 'Imported 1 topic done, 0 questions in review.' }),
    ).toBeVisible();
    await expect(doneBox(page, 'What is backend development?')).toBeChecked();
  });

  test('a box ticked, a Check and an Export pressed before the learning code has arrived all count', async ({
    page,
  }) => {
    let release: () => void = () => undefined;
    let arrived: Promise<void> = Promise.resolve();
    const hold = () => (arrived = new Promise<void>((resolve) => (release = resolve)));
    const held = await holdLearningCode(page, () => arrived);

    hold();
    await page.goto(ENTRY);
    const box = page.getByRole('checkbox', { name: 'Done with this page', exact: true });
    await box.check();
    const [first] = await questionsOf(page);
    const question = page.locator(`#${first?.id}`);
    await answer(question, first?.wrong ?? '');
    release();
    // The Check was answered on this page, not sent as a form that reloads it.
    await expect(question.getByRole('status')).toHaveText('Not quite.');
    expect(new URL(page.url()).search).toBe('');
    await expect(box).toBeChecked();
    const progress = await stored(page);
    expect(Object.keys((progress?.['done'] ?? {}) as object)).toEqual([ENTRY.slice(0, -1)]);
    expect(Object.keys((progress?.['questions'] ?? {}) as object)).toEqual([`guides/apis#${first?.id.slice(2)}`]);

    hold();
    await page.goto(PATH);
    await page.getByRole('button', { name: 'Export progress' }).click();
    release();
    await expect(
      page.getByRole('status').filter({ hasText: /^Exported 1 topic done, 1 question in review to / }),
    ).toBeVisible();
    expect(held()).toBe(2);
  });

  test('a bad file is refused with a clear message and the progress stays as it was', async ({ page }) => {
    await page.goto(PATH);
    await doneBox(page, 'What is backend development?').check();
    const before = await stored(page);
    const status = page.getByRole('status').filter({ hasText: 'not imported' });
    const input = page.getByLabel('Import progress from a file');
    const valid = { format: 'backend-developer-guide-progress', version: 1, done: {}, questions: {} };
    for (const [contents, reason] of [
      ['{"done": ', 'it is not JSON'],
      [JSON.stringify({ done: {} }), 'it is not a progress file of this guide'],
      [JSON.stringify({ ...valid, version: 2 }), 'it is format version 2, and this guide reads version 1'],
      [
        JSON.stringify({ ...valid, done: { 'guides/no-such-page': '2026-12-01', 'tools/git': '2026-12-01' } }),
        'it names pages this guide does not have: guides/no-such-page',
      ],
    ] as const) {
      await input.setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(contents) });
      await expect(status).toHaveText(`That file was not imported: ${reason}. Your progress has not changed.`);
      expect(await stored(page)).toEqual(before);
    }
    await page.reload();
    await expect(doneBox(page, 'What is backend development?')).toBeChecked();
  });

  test('import and reset ask first, and a no leaves everything as it was', async ({ page }) => {
    await page.goto(PATH);
    await doneBox(page, 'What is backend development?').check();
    const before = await stored(page);
    const replacement = JSON.stringify({
      format: 'backend-developer-guide-progress',
      version: 1,
      done: { 'tools/git': '2026-11-30' },
      questions: {},
    });
    const input = page.getByLabel('Import progress from a file');
    const dialogs: string[] = [];
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await input.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(replacement) });
    await expect(page.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible();
    expect(dialogs).toEqual([
      "Replace your progress (1 topic done, 0 questions in review) with the file's (1 topic done, 0 questions in review)?",
    ]);
    expect(await stored(page)).toEqual(before);

    // Each question is answered before the next action: the dialog can come a moment after the
    // action that asks it, once the export, import and reset code has loaded.
    const answer = async (accept: boolean, action: () => Promise<void>) => {
      const asked = page.waitForEvent('dialog').then((dialog) => (accept ? dialog.accept() : dialog.dismiss()));
      await action();
      await asked;
    };
    await answer(true, () =>
      input.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(replacement) }),
    );
    await expect(doneBox(page, 'Git')).toBeChecked();
    await expect(doneBox(page, 'What is backend development?')).not.toBeChecked();

    const reset = () => page.getByRole('button', { name: 'Reset progress' }).click();
    await answer(false, reset);
    await expect(doneBox(page, 'Git')).toBeChecked();
    await answer(true, reset);
    await expect(page.getByRole('status').filter({ hasText: 'Progress reset.' })).toBeVisible();
    await expect(doneBox(page, 'Git')).not.toBeChecked();
    expect(await stored(page)).toBeNull();
  });
});

test.describe('self-check questions', () => {
  test('say right or not quite, explain, link the section, and send a miss to review', async ({ page }) => {
    await page.goto(ENTRY);
    const checks = page.getByRole('region', { name: 'Check yourself' });
    const [first, second] = await questionsOf(page);
    const wrong = page.locator(`#${first?.id}`);
    // The answer stays hidden until the learner has checked one.
    await expect(wrong.getByText(first?.answer ?? '', { exact: true }).last()).toBeHidden();
    await answer(wrong, first?.wrong ?? '');
    await expect(wrong.getByRole('status')).toHaveText('Not quite.');
    await expect(wrong.locator('details')).toHaveAttribute('open', '');
    await expect(wrong.locator('details strong')).toHaveText(first?.answer ?? '');
    const section = wrong.getByRole('link', { name: /./ }).last();
    const href = (await section.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/guides\/apis\/#[a-z0-9-]+$/);
    await expect(page.locator(`[id="${href.split('#')[1]}"]`)).toHaveCount(1);

    const right = page.locator(`#${second?.id}`);
    await answer(right, second?.answer ?? '');
    await expect(right.getByRole('status')).toHaveText('Right.');
    await expect(checks.getByRole('status').filter({ hasText: /^(Right|Not quite)\.$/ })).toHaveCount(2);

    const questions = (await stored(page))?.['questions'] as Record<string, { box: number; due: string }>;
    expect(Object.keys(questions)).toEqual([`guides/apis#${first?.id.slice(2)}`]);
    expect(Object.values(questions)[0]?.box).toBe(1);

    // The review page lists the missed question with a link to its page.
    await page.goto('review/');
    const list = page.getByRole('main').locator('review-list');
    await expect(list).toContainText('In review: 1, due now: 0.');
    await expect(list.getByRole('group', { name: first?.prompt ?? '' })).toBeVisible();
    await expect(list.getByText(/^From APIs: how backends talk, box 1 of 5, due \d{4}-\d\d-\d\d$/)).toBeVisible();
    await list.getByRole('link', { name: ENTRY_TITLE }).click();
    await expect(page).toHaveURL(new RegExp(`/guides/apis/#${first?.id}$`));
  });

  test('a due question answered right on the review page moves up a box', async ({ page }) => {
    await page.goto(ENTRY);
    const [question] = await questionsOf(page);
    const key = `guides/apis#${question?.id.slice(2)}`;
    await page.evaluate(
      ([storageKey, id]) =>
        localStorage.setItem(
          storageKey ?? '',
          JSON.stringify({
            format: 'backend-developer-guide-progress',
            version: 1,
            done: {},
            questions: { [id ?? '']: { box: 1, due: '2020-01-01' } },
          }),
        ),
      [PROGRESS_KEY, key],
    );
    await page.goto('review/');
    const list = page.getByRole('main').locator('review-list');
    await expect(list).toContainText('In review: 1, due now: 1.');
    await expect(list).toContainText('box 1 of 5, due now');
    await answer(list.locator('self-check'), question?.answer ?? '');
    await expect(list.getByRole('status')).toHaveText('Right.');
    const card = ((await stored(page))?.['questions'] as Record<string, { box: number; due: string }>)[key];
    expect(card?.box).toBe(2);
    expect(card?.due).toMatch(/^\d{4}-\d\d-\d\d$/);
  });
});

test.describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the path page and a page with questions pass axe in ${scheme} colours, progress and answers shown`, async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(PATH);
      await doneBox(page, 'What is backend development?').check();
      const axe = () => new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze();
      let { violations } = await axe();
      expect(violations, formatViolations(violations)).toEqual([]);

      await page.goto(ENTRY);
      const [first, second] = await questionsOf(page);
      await answer(page.locator(`#${first?.id}`), first?.wrong ?? '');
      await answer(page.locator(`#${second?.id}`), second?.answer ?? '');
      ({ violations } = await axe());
      expect(violations, formatViolations(violations)).toEqual([]);

      await page.goto('review/');
      await expect(page.locator('review-list self-check')).toHaveCount(1);
      ({ violations } = await axe());
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  }

  test('nothing moves when saved progress loads', async ({ page }) => {
    await page.goto(PATH);
    await doneBox(page, 'What is backend development?').check();
    await page.addInitScript(() => {
      type Shift = PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
      };
      const where = (node: Node | null) =>
        node instanceof Element
          ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.className ? `.${String(node.className).split(' ').join('.')}` : ''}`
          : String(node?.nodeName);
      const rect = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}x${r.height}`;
      const shifts: string[] = ((window as unknown as { shifts: string[] }).shifts = []);
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Shift[])
          if (!entry.hadRecentInput)
            shifts.push(
              `${entry.value.toFixed(5)}: ${entry.sources.map((s) => `${where(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`).join('; ')}`,
            );
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Tall enough that the home page's path cards, with their counts, are on screen.
    await page.setViewportSize({ width: 1280, height: 1200 });
    // The learning elements arrive after the first paint, so the page is seen first as the HTML
    // has it (no progress) and then with the progress applied.
    const delayed = await holdLearningCode(page, () => new Promise((resolve) => setTimeout(resolve, 400)));
    const shiftsOn = async (path: string) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      return page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
    };
    for (const path of [PATH, './', ENTRY]) {
      // Saved progress is applied the same way on every load, so a shift it causes shows every
      // time; a loaded machine can paint a page half drawn once. Three loads that all move fail.
      const seen: string[][] = [];
      for (let load = 0; load < 3; load++) {
        const shifts = await shiftsOn(path);
        if (shifts.length === 0) break;
        seen.push(shifts);
      }
      expect(seen.length < 3 ? [] : seen, path).toEqual([]);
      if (seen.length > 0)
        test.info().annotations.push({ type: 'shift on one load', description: `${path}: ${seen.join(' | ')}` });
    }
    await expect(page.getByRole('checkbox', { name: 'Done with this page' })).toBeVisible();
    expect(delayed(), 'the learning elements were held back on every load').toBeGreaterThanOrEqual(3);
  });

  test('"Next up" has room for any topic of the path, so no title moves what follows', async ({ page }) => {
    test.setTimeout(60_000);
    for (const path of ['./', PATH])
      for (const width of [320, 360, 414, 480, 600, 700, 768, 900, 1000, 1280, 1440]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(path);
        const taller = await page.evaluate(() =>
          [...document.querySelectorAll('learning-path')].flatMap((route) => {
            const next = route.querySelector<HTMLAnchorElement>('[data-next]');
            const line = next?.closest('p');
            if (!next || !line) return ['no "Next up" line'];
            const titles = [...route.querySelectorAll('[data-topic] a')]
              .concat(
                ...[...route.querySelectorAll('template')].map((t) => [
                  ...t.content.querySelectorAll('[data-topic] a'),
                ]),
              )
              .map((link) => link.textContent?.trim() ?? '');
            const height = line.getBoundingClientRect().height;
            return [...titles, 'nothing, every topic of this path is done'].filter((title) => {
              next.textContent = title;
              return line.getBoundingClientRect().height !== height;
            });
          }),
        );
        expect(taller, `${path} at ${width} px`).toEqual([]);
      }
  });

  test('the keyboard alone marks a topic done and checks an answer', async ({ page }) => {
    await page.goto(PATH);
    const box = doneBox(page, 'What is backend development?');
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();

    await page.goto(ENTRY);
    const [question] = await questionsOf(page);
    const check = page.locator(`#${question?.id}`);
    await check.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(check.getByRole('button', { name: 'Check' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(check.getByRole('status')).toHaveText(/^(Right|Not quite)\.$/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the path page reads fully: stages, ordered links with level and time, no dead controls', async ({ page }) => {
    await page.goto(PATH);
    await expect(page.getByRole('heading', { level: 2, name: /^Stage 1: / })).toBeVisible();
    const stations = stage(page, 1).getByRole('list').first().getByRole('listitem');
    expect(await stations.count()).toBeGreaterThan(1);
    await expect(stations.first().getByRole('link')).toBeVisible();
    await expect(stations.first()).toContainText(/· (Beginner|Intermediate|Advanced) · \d+/);
    await expect(stage(page, 1)).toContainText(/\d+ topics, .+ of study/);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Export progress' })).toBeHidden();
    const noscript = await page.locator('main noscript').first().innerHTML();
    expect(noscript).toContain('Saving progress needs JavaScript');
  });

  test('each question of an entry is a details element that reveals its answer', async ({ page }) => {
    await page.goto(ENTRY);
    const checks = page.getByRole('region', { name: 'Check yourself' });
    await expect(checks.getByRole('radio')).toHaveCount(0);
    await expect(checks.getByRole('button', { name: 'Check' })).toHaveCount(0);
    const first = checks.locator('details').first();
    const answerText = first.locator('strong');
    await expect(answerText).toBeHidden();
    await first.locator('summary').click();
    await expect(answerText).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Done with this page' })).toHaveCount(0);
    expect(await page.locator('main noscript').first().innerHTML()).toContain('Saving progress needs JavaScript');
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the path, progress and the review work with no network, and a new worker keeps the progress', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    // A copy of the site, so that a new service worker can be deployed without a rebuild.
    const work = mkdtempSync(join(tmpdir(), 'guide-learning-'));
    cpSync(DIST, work, { recursive: true });
    const server = await serveSite(work);
    try {
      await page.goto(`${server.url}${PATH}`);
      await serviceWorkerInControl(page);
      await doneBox(page, 'What is backend development?').check();

      // Deploy a new worker: any change to sw.js makes the browser install it, and it takes over
      // at once. This one leaves a mark when it activates; the progress must still be there.
      const sw = join(work, 'sw.js');
      writeFileSync(
        sw,
        `${readFileSync(sw, 'utf8')}\nself.addEventListener('activate', (e) => e.waitUntil(caches.open('new-deploy')));\n`,
      );
      await page.reload();
      await expect
        .poll(() => page.evaluate(async () => (await caches.keys()).includes('new-deploy')), { timeout: 60_000 })
        .toBe(true);
      await page.reload();
      await expect(doneBox(page, 'What is backend development?')).toBeChecked();
    } finally {
      await context.setOffline(true);
      await server.stop();
    }

    // No network at all from here on.
    await page.goto(`${server.url}${PATH}`);
    await expect(doneBox(page, 'What is backend development?')).toBeChecked();
    await doneBox(page, 'Backend developer').check();
    await page.reload();
    await expect(doneBox(page, 'Backend developer')).toBeChecked();
    await page.goto(`${server.url}${ENTRY}`);
    const [question] = await questionsOf(page);
    await answer(page.locator(`#${question?.id}`), question?.wrong ?? '');
    await expect(page.locator(`#${question?.id}`).getByRole('status')).toHaveText('Not quite.');
    await page.goto(`${server.url}review/`);
    await expect(page.locator('review-list').getByRole('group', { name: question?.prompt ?? '' })).toBeVisible();
    // Export and import work offline too: their code and the ids an import is checked against are precached.
    await page.goto(`${server.url}${PATH}`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = readFileSync(await (await downloading).path(), 'utf8');
    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .getByLabel('Import progress from a file')
      .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(
      page.getByRole('status').filter({ hasText: 'Imported 2 topics done, 1 question in review.' }),
    ).toBeVisible();
    rmSync(work, { recursive: true, force: true });
  });
});
