import type { Limits } from './limits/limited-target.js';
import type { TargetSettings } from './target-settings.js';

/** What a kind's factory gets from `createTarget`: the spec after `kind:`, settings, env, limits. */
export interface KindInput {
  spec: string;
  rest: string;
  settings: TargetSettings;
  env: Record<string, string | undefined>;
  limits: Limits;
}
