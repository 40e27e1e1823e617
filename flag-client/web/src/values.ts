import { isObject } from './evaluator.js';

interface Held {
  /** The flag's value; undefined once the flag was deleted. */
  readonly value: boolean | undefined;
  /** The revision this state came with: what orders the changes of this flag. */
  readonly revision: number;
  /** The revision at which the current value was first held. */
  readonly since: number;
}

/**
 * One user's values as the stream and the evaluator's answers deliver them, applied by the
 * value-stream rules of the conformance suite (`contracts/spec/value-stream`): a snapshot replaces
 * everything unless it is older than what is held; a flag event applies unless it is older than
 * what is held of that flag (or than the snapshot that last proved the flag absent), so duplicates
 * and reordering change nothing. Every method returns the names of the flags whose value changed.
 */
export class FlagValues {
  private held = new Map<string, Held>();
  // The revision of the last snapshot: a flag it lacked did not exist then.
  private floor = -Infinity;
  private frozen: Readonly<Record<string, boolean>> | undefined;
  /** The highest revision applied: where a stream resumes. */
  revision: number | undefined;

  /** Applies every value at `revision`, unless older than the values held. */
  snapshot(revision: number, values: Readonly<Record<string, boolean>>): string[] {
    if (this.revision !== undefined && revision < this.revision) return [];
    const before = this.held;
    const changed: string[] = [];
    this.held = new Map();
    this.floor = revision;
    this.revision = revision;
    for (const [name, value] of Object.entries(values)) {
      const old = before.get(name);
      const same = old !== undefined && old.value === value;
      this.held.set(name, { value, revision, since: same ? old.since : revision });
      if (!same) changed.push(name);
    }
    before.forEach((old, name) => {
      if (old.value !== undefined && !this.held.has(name)) changed.push(name);
    });
    return this.changed(changed);
  }

  /** Applies one flag's value (absent when `exists` is false) at `revision`, unless stale. */
  flag(name: string, value: boolean, exists: boolean, revision: number): string[] {
    const old = this.held.get(name);
    if (revision < (old ? old.revision : this.floor)) return [];
    this.revision = Math.max(this.revision ?? revision, revision);
    const next = exists ? value : undefined;
    const same = (old ? old.value : undefined) === next;
    this.held.set(name, { value: next, revision, since: same && old ? old.since : revision });
    return this.changed(same ? [] : [name]);
  }

  /** Replaces everything with another user's values, whatever their revision. */
  replace(revision: number, values: Readonly<Record<string, boolean>>): string[] {
    this.revision = undefined;
    return this.snapshot(revision, values);
  }

  /** Forgets everything, as for another user; returns the flags that had a value. */
  clear(): string[] {
    const had = Object.keys(this.values());
    this.held = new Map();
    this.floor = -Infinity;
    this.revision = undefined;
    return this.changed(had);
  }

  value(name: string): boolean | undefined {
    return this.held.get(name)?.value;
  }

  since(name: string): number | undefined {
    const held = this.held.get(name);
    return held?.value === undefined ? undefined : held.since;
  }

  values(): Readonly<Record<string, boolean>> {
    if (!this.frozen) {
      const values: Record<string, boolean> = {};
      this.held.forEach((held, name) => {
        if (held.value !== undefined) values[name] = held.value;
      });
      this.frozen = Object.freeze(values);
    }
    return this.frozen;
  }

  private changed(names: string[]): string[] {
    if (names.length) this.frozen = undefined;
    return names;
  }
}

/** The evaluator's `snapshot` event data, or undefined when unreadable. */
export function snapshotOf(
  data: unknown,
): { revision: number; values: Record<string, boolean> } | undefined {
  const body = parse(data);
  if (!body || typeof body.revision !== 'number' || !isObject(body.values)) return undefined;
  const values: Record<string, boolean> = {};
  for (const [name, value] of Object.entries(body.values)) {
    if (typeof value === 'boolean') values[name] = value;
  }
  return { revision: body.revision, values };
}

/** The evaluator's `flag` event data, or undefined when unreadable. */
export function flagEventOf(
  data: unknown,
): { flag: string; value: boolean; exists: boolean; revision: number } | undefined {
  const body = parse(data);
  if (!body || typeof body.flag !== 'string' || typeof body.revision !== 'number') return undefined;
  const exists = body.exists !== false;
  if (exists && typeof body.value !== 'boolean') return undefined;
  return { flag: body.flag, value: body.value === true, exists, revision: body.revision };
}

function parse(data: unknown): Record<string, unknown> | undefined {
  try {
    const body: unknown = typeof data === 'string' ? JSON.parse(data) : undefined;
    return isObject(body) ? body : undefined;
  } catch {
    return undefined;
  }
}
