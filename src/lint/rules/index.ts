import type { AnyRule } from '../rule.js';
import { rule as brokenLink } from './broken-link.js';
import { rule as calendarCoverage } from './calendar-coverage.js';
import { rule as deadEnd } from './dead-end.js';
import { rule as emptyBranch } from './empty-branch.js';
import { rule as hiddenWait } from './hidden-wait.js';
import { rule as inboxStale } from './inbox-stale.js';
import { rule as missingTrigger } from './missing-trigger.js';
import { rule as noExitLoop } from './no-exit-loop.js';
import { rule as placeholder } from './placeholder.js';
import { rule as requiredSections } from './required-sections.js';
import { rule as staleReview } from './stale-review.js';
import { rule as stepHasNoAction } from './step-has-no-action.js';
import { rule as unreachable } from './unreachable.js';
import { rule as vagueWording } from './vague-wording.js';
import { rule as waitWithoutTimeoutSteps } from './wait-without-timeout-steps.js';
import { rule as closeBeforeCheckpoint } from './close-before-checkpoint.js';
import { rule as undefinedRole } from './undefined-role.js';
import { rule as unlinkedSituation } from './unlinked-situation.js';

/** Every lint rule, by id. */
export const rules: readonly AnyRule[] = [
  unreachable,
  deadEnd,
  noExitLoop,
  emptyBranch,
  missingTrigger,
  requiredSections,
  placeholder,
  vagueWording,
  stepHasNoAction,
  brokenLink,
  staleReview,
  inboxStale,
  closeBeforeCheckpoint,
  undefinedRole,
  unlinkedSituation,
  calendarCoverage,
  hiddenWait,
  waitWithoutTimeoutSteps,
];

export const ruleIds: readonly string[] = rules.map((r) => r.meta.id);
