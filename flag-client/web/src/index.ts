/**
 * `@flagstream/web`: a user's feature flags in the browser, live over the evaluator's stream. No
 * framework needed; `@flagstream/web/react` and `@flagstream/web/openfeature` build on it.
 *
 * @packageDocumentation
 */
export { createFeatureFlagService } from './service';
export { fetchFlagValues } from './evaluator';
export type { FetchFlagValuesOptions } from './evaluator';
export type {
  EventSourceLike,
  FeatureFlagService,
  FeatureFlagServiceOptions,
  FlagBootstrap,
  FlagListener,
  FlagStatus,
  FlagValuesAnswer,
} from './types';
