import type { $ZodIssue, $ZodRawIssue } from 'zod/v4/core';
import { joinFieldPath } from '../errors/field-errors.js';

// zod/mini has no locale (one costs kilobytes), so without this every issue reads "Invalid
// input". zod asks this error map last: a message the schema or check sets itself wins.

/** What the value must be or do, from the issue's code and parameters. */
function requirement(issue: $ZodRawIssue): string {
  const code = issue.code;
  if (code === 'invalid_type') {
    const type =
      issue.expected === 'record' ? 'object' : issue.expected === 'int' ? 'integer' : issue.expected;
    return `be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
  }
  if (code === 'too_small' || code === 'too_big') {
    const small = code === 'too_small';
    const bound = small ? issue.minimum : issue.maximum;
    const unit = issue.origin === 'string' ? ' character' : issue.origin === 'array' ? ' item' : '';
    // The other bound, when the schema has one (`maxLength` beside a failed `minLength`).
    const other =
      unit &&
      issue.schema?._zod.def.checks
        ?.map(
          (check) =>
            (check._zod.def as { minimum?: number; maximum?: number })[small ? 'maximum' : 'minimum'],
        )
        .find(Boolean);
    const count = other && small ? other : bound;
    const relation = other
      ? `${small ? bound : other} to`
      : issue.inclusive === false
        ? `${small ? 'greater' : 'less'} than`
        : `at ${small ? 'least' : 'most'}`;
    return `${unit === ' item' ? 'have' : 'be'} ${relation} ${count}${unit}${unit && count !== 1 ? 's' : ''}`;
  }
  if (code === 'invalid_format')
    return issue.format === 'regex' ? `match ${issue.pattern}` : `be a valid ${issue.format}`;
  if (code === 'invalid_value')
    return `be ${issue.values.length > 1 ? 'one of: ' : ''}${issue.values.join(', ')}`;
  return code === 'not_multiple_of' ? `be a multiple of ${issue.divisor}` : 'be valid';
}

/**
 * The reason one zod issue gives, from its code and parameters: `is required`, `must be a
 * string`, `must be 24 to 36 characters`, `must have at least 1 item`, `must be one of: cc, ach`,
 * `must match /^\d{9}$/`, `must be a valid email`. The error map of every validation.
 */
export function issueMessage(issue: $ZodRawIssue): string {
  return issue.input === undefined ? 'is required' : `must ${requirement(issue)}`;
}

/** A union branch that failed only because the value has another type or is not its literal. */
const isMismatch = (branch: readonly $ZodIssue[]) =>
  branch.length === 1 &&
  branch[0]!.path.length === 0 &&
  (branch[0]!.code === 'invalid_type' || branch[0]!.code === 'invalid_value');

/**
 * Turns zod issues into `[field, message]` pairs. Unknown keys are named one by one; a
 * union descends into the branch the value was meant for or, when the value fits no branch
 * at all, says what it may be (`must be a string or a number`, `must be 0, 1 or a boolean`).
 */
export function issueEntries(
  issues: readonly $ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): [string, string][] {
  const entries: [string, string][] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const field = joinFieldPath(path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) entries.push([joinFieldPath([...path, key]), 'is not a known field']);
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors;
      if (branches.every(isMismatch)) {
        const reasons = [...new Set(branches.map((branch) => branch[0]!.message.replace(/^must be /, '')))];
        const last = reasons.pop();
        entries.push([
          field,
          reasons.length > 0 ? `must be ${reasons.join(', ')} or ${last}` : branches[0]![0]!.message,
        ]);
      } else {
        // The value has the type of some branch: report the one that got furthest (fewest issues).
        const best = branches.filter((branch) => !isMismatch(branch)).sort((a, b) => a.length - b.length)[0];
        entries.push(...issueEntries(best ?? [], path));
      }
    } else {
      entries.push([field, issue.message]);
    }
  }
  return entries;
}
