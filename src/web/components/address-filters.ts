/**
 * A list's filters given in the page's address (`/organisations?sector=agriculture&communeCode=75W001`, from a
 * dashboard figure): each named parameter, kept when it is one of its allowed values (`null`: any non-empty text).
 */
export function addressFilters(
  allowed: Record<string, readonly string[] | null>,
  search: string = typeof window === 'undefined' ? '' : window.location.search,
): Record<string, string | null> {
  const q = new URLSearchParams(search);
  const filters: Record<string, string | null> = {};
  for (const [name, values] of Object.entries(allowed)) {
    const value = q.get(name)?.trim();
    if (value && value.length <= 100 && (!values || values.includes(value))) filters[name] = value;
  }
  return filters;
}
