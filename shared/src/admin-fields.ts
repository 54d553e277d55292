// Which field of a console form a hub error belongs to. The hub names each problem by the path of the
// input it is about (zod's issue path joined by dots, or the path a service refusal names: `staff.number`,
// `hall.schedule.hours.1.0.end`); a form's fields claim paths, and each problem goes to the field with
// the longest claimed path that contains it. One rule for every form.
import type { FieldIssue } from './errors.js';

/** The claimed path `issuePath` falls under (itself or a parent), the longest; undefined when none claims it. */
export function claimantOf(issuePath: string, claimed: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const path of claimed) {
    const covers = issuePath === path || issuePath.startsWith(`${path}.`);
    if (covers && (best === undefined || path.length > best.length)) best = path;
  }
  return best;
}

/** The issues shown beside the field at `path`. */
export function issuesAt(issues: readonly FieldIssue[], path: string, claimed: Iterable<string>): FieldIssue[] {
  const paths = [...claimed];
  return issues.filter((i) => claimantOf(i.path, paths) === path);
}

/** The issues no field claims: the form says them above itself. */
export function unclaimed(issues: readonly FieldIssue[], claimed: Iterable<string>): FieldIssue[] {
  const paths = [...claimed];
  return issues.filter((i) => claimantOf(i.path, paths) === undefined);
}
