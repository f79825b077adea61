import type { Page } from 'playwright-core';

/** Whether the page scrolls sideways, and the tables whose last column lies beyond their card. */
export async function clippedTables(page: Page): Promise<{ sideways: boolean; clipped: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const clipped = [...document.querySelectorAll('.card table')]
      .filter((table) => {
        const card = table.closest('.card')!.getBoundingClientRect();
        const scroller = table.closest('.table-scroll');
        // A table in its own scrolling area may be wider than the card: that is what the area is for.
        if (scroller && scroller.scrollWidth > scroller.clientWidth) return false;
        return table.getBoundingClientRect().right > card.right + 0.5;
      })
      .map(
        (table) =>
          `${table.querySelector('caption')?.textContent ?? ''} (${Math.round(table.getBoundingClientRect().width)} in ${Math.round(table.closest('.card')!.clientWidth)})`,
      );
    return { sideways: root.scrollWidth > root.clientWidth, clipped };
  });
}

/**
 * What makes the page wider than the window: the elements whose right edge lies beyond it and that no scrolling area
 * holds, named by tag, class and text, the outermost only (their contents go with them).
 */
export async function widerThanWindow(page: Page): Promise<{ width: number; scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element) => {
      const style = getComputedStyle(element);
      return ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX);
    };
    const held = (element: Element) => {
      // An absolutely placed element escapes the scrolling boxes between it and the box it is placed in.
      const position = getComputedStyle(element).position;
      let escapesUntil = position === 'absolute' ? (element as HTMLElement).offsetParent : null;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (escapesUntil && parent !== escapesUntil) continue;
        escapesUntil = null;
        if (scrolls(parent)) return true;
      }
      return false;
    };
    const beyond = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > width + 0.5 && !held(element),
    );
    const outermost = beyond.filter((element) => !beyond.includes(element.parentElement!));
    return {
      width,
      scrollWidth: document.documentElement.scrollWidth,
      culprits: outermost.map(
        (element) =>
          `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ` +
          `(${Math.round(element.getBoundingClientRect().right)}px) ${(element.textContent ?? '').slice(0, 40)}`,
      ),
    };
  });
}

/**
 * The boxes of the page whose content sticks out of them, sideways, though they are not meant to scroll: a card, a
 * table, a cell, a form, a list, a button… (scrollWidth above clientWidth on a box whose overflow is visible, hidden
 * or clipped). The innermost only, the one whose own content is too wide; named by tag, class and text. The boxes
 * meant to scroll (overflow auto or scroll, as `.table-scroll`) are listed apart, with how much they hide.
 */
export async function overflowingBoxes(page: Page): Promise<{ clipped: string[]; scrolling: string[] }> {
  return page.evaluate(() => {
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${[...element.classList].map((c) => `.${c}`).join('')} ` +
      `(${element.scrollWidth}px in ${element.clientWidth}px) “${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)}”`;
    const boxes = [...document.querySelectorAll('main *, header *, nav *')].filter((element) => {
      // What is not shown (a closed <details>, a hidden panel) sticks out of nothing.
      if (!element.checkVisibility()) return false;
      const style = getComputedStyle(element);
      if (style.display.startsWith('inline') && style.display !== 'inline-block' && style.display !== 'inline-flex') {
        return false;
      }
      // The visually hidden texts are clipped on purpose, 1px wide.
      return element.clientWidth > 1 && element.scrollWidth > element.clientWidth + 1;
    });
    const meantToScroll = (element: Element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX);
    const clipped = boxes.filter((box) => !meantToScroll(box));
    const innermost = clipped.filter((box) => !clipped.some((other) => other !== box && box.contains(other)));
    return { clipped: innermost.map(name), scrolling: boxes.filter(meantToScroll).map(name) };
  });
}
