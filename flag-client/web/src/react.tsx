/**
 * `@flagstream/web/react`: the service in React, through `useSyncExternalStore`. A change re-renders
 * only the components whose flag's answer changed; no hook throws because the network failed.
 *
 * @packageDocumentation
 */
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  createFeatureFlagService,
  type FeatureFlagService,
  type FeatureFlagServiceOptions,
  type FlagStatus,
} from '@flagstream/web';

const ServiceContext = createContext<FeatureFlagService | null>(null);

/** Props of {@link FlagstreamProvider}: a service, or the options to create one. */
export type FlagstreamProviderProps = { readonly children?: ReactNode } & (
  | { readonly service: FeatureFlagService; readonly options?: never }
  | { readonly options: FeatureFlagServiceOptions; readonly service?: never }
);

/**
 * Makes a service available to the hooks below it. Given `options`, it creates the service once and
 * closes it when unmounted; a `service` passed in is left for its owner to close.
 */
export function FlagstreamProvider(props: FlagstreamProviderProps) {
  // Created without starting: a render may be thrown away (strict mode renders twice), and a
  // service that is never started holds nothing open. The effect starts it, and closes it again.
  const [created] = useState(() =>
    props.options ? createFeatureFlagService({ ...props.options, autoStart: false }) : undefined,
  );
  useEffect(() => {
    created?.start();
    return () => created?.close();
  }, [created]);
  const service = props.service ?? created ?? null;
  return <ServiceContext.Provider value={service}>{props.children}</ServiceContext.Provider>;
}

/**
 * The service of the nearest {@link FlagstreamProvider}, for `setUser` and `awaitRevision`.
 *
 * @throws Error when there is no provider above: a mistake in the page, not a network failure
 */
export function useFeatureFlagService(): FeatureFlagService {
  const service = useContext(ServiceContext);
  if (!service) throw new Error('Flagstream hooks need a <FlagstreamProvider> above them');
  return service;
}

/**
 * The flag's value for the current user: `defaultValue` until values arrive and for a flag that
 * does not exist. Re-renders the component only when this value changes.
 */
export function useFeatureFlag(name: string, defaultValue = false): boolean {
  const service = useFeatureFlagService();
  const read = () => service.isEnabled(name, defaultValue);
  return useSyncExternalStore(service.subscribe, read, read);
}

/** A flag's value with what a page needs to show a loading state instead of flickering. */
export interface FlagState {
  /** As {@link useFeatureFlag} answers it. */
  readonly value: boolean;
  /** The service's status: while `starting`, `value` is only the default. */
  readonly status: FlagStatus;
  /** The revision at which the page received the value; undefined while the flag is not held. */
  readonly revision: number | undefined;
}

/** The flag's {@link FlagState}; re-renders only when one of its fields changes. */
export function useFlag(name: string, defaultValue = false): FlagState {
  const service = useFeatureFlagService();
  const last = useRef<FlagState | undefined>(undefined);
  const read = (): FlagState => {
    const value = service.isEnabled(name, defaultValue);
    const status = service.status;
    const revision = service.revisionOf(name);
    const kept = last.current;
    if (kept && kept.value === value && kept.status === status && kept.revision === revision)
      return kept;
    return (last.current = { value, status, revision });
  };
  return useSyncExternalStore(service.subscribe, read, read);
}
