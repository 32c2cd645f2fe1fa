// `{key}` templates, split once and then filled by concatenation: the generator fills millions.
const compiled = new Map<string, string[]>();

/** Fills each `{key}` of the template with resolve(key); odd parts of the split are keys. */
export function render(template: string, resolve: (key: string) => string): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += resolve(parts[i]!) + parts[i + 1]!;
  return out;
}
