/**
 * A tag's description in the console's language. Built-in tags have both; a custom tag saved without a
 * Chinese description shows its English one rather than nothing. Takes the definition as the API sends it
 * (the 360° explanation passes it on untyped).
 */
export function tagDescription(
  definition: Readonly<Record<string, unknown>>,
  language: string,
): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  const english = text(definition.description);
  return language === 'en-US' ? english : (text(definition.description_zh) ?? english);
}
