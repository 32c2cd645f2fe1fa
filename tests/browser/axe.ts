// axe-core configured for WCAG 2.2 A and AA, the level the app is held to.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// axe runs no rule tagged "experimental" unless asked, even when it carries a WCAG tag. These
// are the experimental rules of axe-core 4.13 with one of the tags above
// (axe.getRules(['experimental']) filtered by tag); label-content-name-mismatch among them.
export const EXPERIMENTAL_WCAG_RULES = ['css-orientation-lock', 'label-content-name-mismatch', 'p-as-heading', 'table-fake-caption', 'td-has-header'];

export function wcagAxe(page: Page): AxeBuilder {
  return new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(EXPERIMENTAL_WCAG_RULES.map((id) => [id, { enabled: true }])) })
    .withTags(WCAG_TAGS);
}
