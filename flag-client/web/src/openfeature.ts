/**
 * `@flagstream/web/openfeature`: the service as a provider for `@openfeature/web-sdk`.
 *
 * @packageDocumentation
 */
import {
  ErrorCode,
  OpenFeatureEventEmitter,
  ProviderEvents,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/web-sdk';
import {
  createFeatureFlagService,
  type FeatureFlagService,
  type FeatureFlagServiceOptions,
  type FlagStatus,
} from '@flagstream/web';

/**
 * Flagstream's flags for OpenFeature in the browser. Flags are boolean (variants `on` and `off`,
 * reason `CACHED`, or `STALE` while the service is stale); other types resolve to the default with
 * `TYPE_MISMATCH`, an unknown flag with `FLAG_NOT_FOUND`. The context's `targetingKey` is the user
 * id: a context change switches the service's user. Events: `PROVIDER_READY`,
 * `PROVIDER_CONFIGURATION_CHANGED` (with the changed flags), `PROVIDER_STALE`, `PROVIDER_ERROR`.
 */
export class FlagstreamWebProvider implements Provider {
  readonly metadata = { name: 'flagstream-web' } as const;
  readonly runsOn = 'client' as const;
  readonly events = new OpenFeatureEventEmitter();
  private readonly service: FeatureFlagService;
  private readonly owned: boolean;
  private unsubscribe: (() => void) | undefined;
  private reported: FlagStatus | undefined;

  /** Wraps a service (left for its owner to close), or creates one from options (closed here). */
  constructor(serviceOrOptions: FeatureFlagService | FeatureFlagServiceOptions) {
    this.owned = !('isEnabled' in serviceOrOptions);
    this.service =
      'isEnabled' in serviceOrOptions
        ? serviceOrOptions
        : createFeatureFlagService({ ...serviceOrOptions, autoStart: false });
  }

  /**
   * Starts a service it created, switches to the context's user, and resolves once values arrived;
   * rejects when there are none and the evaluator cannot be reached. A service passed in is used as
   * it is: started or not (a service with bootstrap values that is never started is a fake).
   */
  async initialize(context?: EvaluationContext): Promise<void> {
    if (this.owned) this.service.start();
    const user = context?.targetingKey;
    if (user !== undefined && user !== this.service.userId) await this.service.setUser(user);
    const status = await this.settled();
    this.reported = status;
    this.unsubscribe ??= this.service.subscribe((changed) => this.relay(changed));
    if (status === 'error') throw new Error('the Flagstream evaluator could not be reached');
  }

  onContextChange(
    oldContext: EvaluationContext,
    newContext: EvaluationContext,
  ): Promise<void> | void {
    if (oldContext.targetingKey !== newContext.targetingKey)
      return this.service.setUser(newContext.targetingKey);
  }

  async onClose(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.owned) this.service.close();
  }

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean): ResolutionDetails<boolean> {
    const value = this.service.values()[flagKey];
    if (value === undefined) {
      const starting = this.service.status === 'starting';
      return {
        value: defaultValue,
        reason: 'ERROR',
        errorCode: starting ? ErrorCode.PROVIDER_NOT_READY : ErrorCode.FLAG_NOT_FOUND,
        errorMessage: starting ? 'no values yet' : `no flag named ${flagKey}`,
      };
    }
    return {
      value,
      variant: value ? 'on' : 'off',
      reason: this.service.status === 'stale' ? 'STALE' : 'CACHED',
    };
  }

  resolveStringEvaluation(_flagKey: string, defaultValue: string): ResolutionDetails<string> {
    return mismatch(defaultValue);
  }

  resolveNumberEvaluation(_flagKey: string, defaultValue: number): ResolutionDetails<number> {
    return mismatch(defaultValue);
  }

  resolveObjectEvaluation<T extends JsonValue>(
    _flagKey: string,
    defaultValue: T,
  ): ResolutionDetails<T> {
    return mismatch(defaultValue);
  }

  private settled(): Promise<FlagStatus> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.service.status === 'starting') return false;
        resolve(this.service.status);
        return true;
      };
      if (check()) return;
      const stop = this.service.subscribe(() => check() && stop());
    });
  }

  private relay(changed: readonly string[]): void {
    if (changed.length)
      this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: [...changed] });
    const status = this.service.status;
    if (status === this.reported) return;
    this.reported = status;
    if (status === 'ready') this.events.emit(ProviderEvents.Ready);
    else if (status === 'stale') this.events.emit(ProviderEvents.Stale);
    else if (status === 'error')
      this.events.emit(ProviderEvents.Error, {
        message: 'the Flagstream evaluator cannot be reached',
      });
  }
}

function mismatch<T>(defaultValue: T): ResolutionDetails<T> {
  return {
    value: defaultValue,
    reason: 'ERROR',
    errorCode: ErrorCode.TYPE_MISMATCH,
    errorMessage: 'Flagstream flags are boolean',
  };
}
