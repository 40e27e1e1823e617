/**
 * `@flagstream/web`: a user's feature flags in the browser, live over the evaluator's stream. No
 * framework needed; `@flagstream/web/react` and `@flagstream/web/openfeature` build on it.
 *
 * @packageDocumentation
 */
export { createFeatureFlagService } from './service.js';
export { fetchFlagValues } from './evaluator.js';
export type { FetchFlagValuesOptions } from './evaluator.js';
export type {
  EventSourceLike,
  FeatureFlagService,
  FeatureFlagServiceOptions,
  FlagBootstrap,
  FlagListener,
  FlagStatus,
  FlagValuesAnswer,
} from './types.js';
