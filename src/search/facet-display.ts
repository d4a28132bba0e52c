/**
 * Which of a facet's values the search page shows. A list of 150 sections and 25 groups would
 * otherwise push the results a few screens down under checkboxes, most of them "(0)": so values
 * with no results for the current search are hidden, and a long facet shows its largest values
 * (in the order offered) with a "Show all N" button; a value the reader ticked always stays.
 */

/** Values a facet shows before "Show all". */
export const FACET_TOP = 8;

export interface FacetValueState {
  value: string;
  /** Results carrying the value for the current search (the whole list's count before any). */
  count: number;
  checked: boolean;
}

/** The values to show, and how many are left to "Show all". With `expanded`, every value. */
export function shownFacetValues(
  values: readonly FacetValueState[],
  { expanded = false, top = FACET_TOP }: { expanded?: boolean; top?: number } = {},
): { shown: Set<string>; hidden: number } {
  if (expanded) return { shown: new Set(values.map((option) => option.value)), hidden: 0 };
  const candidates = values.filter((option) => option.count > 0);
  const largest =
    candidates.length <= top
      ? candidates
      : // Largest counts first; on a tie, the earlier value in the offered order.
        candidates
          .map((option, index) => ({ option, index }))
          .sort((a, b) => b.option.count - a.option.count || a.index - b.index)
          .slice(0, top)
          .map(({ option }) => option);
  const shown = new Set([...largest, ...values.filter((option) => option.checked)].map((option) => option.value));
  return { shown, hidden: values.length - shown.size };
}

/** The button's words: "Show all 150" (values, counted whether they have results or not), or "Show fewer". */
export const showAllLabel = (total: number, expanded: boolean) => (expanded ? 'Show fewer' : `Show all ${total}`);
