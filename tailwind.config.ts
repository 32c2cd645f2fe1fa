import type { Config } from 'tailwindcss';
import colors from 'tailwindcss/colors';
import headlessui from '@headlessui/tailwindcss';
import forms from '@tailwindcss/forms';

// Tremor v3's documented Tailwind 3 set-up: its theme keys and colour safelist
// (without the safelist, chart colours are purged and charts render black).
const tremorColours = 'slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose';
const shades = '50|100|200|300|400|500|600|700|800|900|950';

const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}', './node_modules/@tremor/**/*.{js,ts,jsx,tsx}'],
  theme: {
    transparent: 'transparent',
    current: 'currentColor',
    extend: {
      colors: {
        tremor: {
          brand: {
            faint: colors.blue[50],
            muted: colors.blue[200],
            subtle: colors.blue[400],
            DEFAULT: colors.blue[500],
            emphasis: colors.blue[700],
            inverted: colors.white,
          },
          background: { muted: colors.gray[50], subtle: colors.gray[100], DEFAULT: colors.white, emphasis: colors.gray[700] },
          border: { DEFAULT: colors.gray[200] },
          ring: { DEFAULT: colors.gray[200] },
          content: {
            subtle: colors.gray[500],
            DEFAULT: colors.gray[600],
            emphasis: colors.gray[700],
            strong: colors.gray[900],
            inverted: colors.white,
          },
        },
      },
      boxShadow: {
        'tremor-input': '0 1px 2px 0 rgb(0 0 0 / 0.05)',
        'tremor-card': '0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)',
        'tremor-dropdown': '0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)',
      },
      borderRadius: { 'tremor-small': '0.375rem', 'tremor-default': '0.5rem', 'tremor-full': '9999px' },
      fontSize: {
        'tremor-label': ['0.75rem', { lineHeight: '1rem' }],
        'tremor-default': ['0.875rem', { lineHeight: '1.25rem' }],
        'tremor-title': ['1.125rem', { lineHeight: '1.75rem' }],
        'tremor-metric': ['1.875rem', { lineHeight: '2.25rem' }],
      },
    },
  },
  safelist: [
    { pattern: new RegExp(`^(bg-(?:${tremorColours})-(?:${shades}))$`), variants: ['hover', 'ui-selected'] },
    { pattern: new RegExp(`^(text-(?:${tremorColours})-(?:${shades}))$`), variants: ['hover', 'ui-selected'] },
    { pattern: new RegExp(`^(border-(?:${tremorColours})-(?:${shades}))$`), variants: ['hover', 'ui-selected'] },
    { pattern: new RegExp(`^(ring-(?:${tremorColours})-(?:${shades}))$`) },
    { pattern: new RegExp(`^(stroke-(?:${tremorColours})-(?:${shades}))$`) },
    { pattern: new RegExp(`^(fill-(?:${tremorColours})-(?:${shades}))$`) },
  ],
  plugins: [headlessui, forms],
};

export default config;
