// 意见箱: suggestions, complaints and praise from the kiosks, and how managers handled them.
// One append-only file, <dataDir>/suggestions.jsonl (a few lines a day), read whole at start;
// every submission and every handling is on disk before it is acknowledged.
import { randomUUID } from 'node:crypto';
import type { Device, ServiceDay } from '@yichuang/shared/domain';
import { appError, type Ack } from '@yichuang/shared/errors';
import { maskPhone } from '@yichuang/shared/identity';
import type { Suggestion } from '@yichuang/shared/kiosk';
import type * as K from '@yichuang/shared/kiosk-schemas';
import { serviceDay } from '@yichuang/shared/time';
import type { z } from 'zod';
import { dataFolder } from '../storage/data-folder.js';
import { JsonlFile, readJsonl } from '../storage/jsonl-file.js';

type Line = { v: 1 } & ({ t: 'submitted'; suggestion: Suggestion } | { t: 'handled'; id: string; handled: NonNullable<Suggestion['handled']> });

/** Handled suggestions shown to managers beside every open one. */
const HANDLED_SHOWN = 200;

export class SuggestionBox {
  readonly #byId = new Map<string, Suggestion>();

  private constructor(
    private readonly file: JsonlFile,
    private readonly clock: () => number,
  ) {}

  static async open(dataDir: string, clock: () => number): Promise<SuggestionBox> {
    const file = dataFolder(dataDir).suggestions;
    const box = new SuggestionBox(new JsonlFile(file), clock);
    for (const line of await readJsonl<Line>(file)) box.#apply(line);
    return box;
  }

  async submit(input: z.output<typeof K.suggest>, device: Device): Promise<Ack<Suggestion>> {
    if (input.topics.length === 0 && !input.text) return { ok: false, error: appError('SUGGESTION_EMPTY') };
    const suggestion: Suggestion = {
      id: randomUUID(),
      at: this.clock(),
      deviceId: device.id,
      kioskName: device.name,
      kind: input.kind,
      topics: input.topics,
      windowNumber: input.windowNumber,
      text: input.text,
      contact: input.phone && maskPhone(input.phone),
    };
    return this.#write({ v: 1, t: 'submitted', suggestion }, suggestion.id);
  }

  async handle(input: z.output<typeof K.handleSuggestion>): Promise<Ack<Suggestion>> {
    const found = this.#byId.get(input.id);
    if (!found) return { ok: false, error: appError('UNKNOWN_SUGGESTION', { id: input.id }) };
    if (found.handled) return { ok: false, error: appError('SUGGESTION_HANDLED') };
    return this.#write({ v: 1, t: 'handled', id: found.id, handled: { at: this.clock(), by: input.handler, note: input.note } }, found.id);
  }

  /** Open ones first, newest first within each; the latest handled ones only. */
  list(): Suggestion[] {
    const all = [...this.#byId.values()].sort((a, b) => b.at - a.at);
    return [...all.filter((s) => !s.handled), ...all.filter((s) => s.handled).slice(0, HANDLED_SHOWN)];
  }

  /**
   * Retention: suggestions left on a service day before `before` lose their reply number. The file
   * is rewritten from what the box holds, then the box forgets them; returns how many were purged.
   */
  async forgetContacts(before: ServiceDay, timeZone: string): Promise<number> {
    const old = [...this.#byId.values()].filter((s) => s.contact !== undefined && serviceDay(s.at, timeZone) < before);
    if (old.length === 0) return 0;
    const kept = new Map(this.#byId);
    for (const { contact: _purged, ...s } of old) kept.set(s.id, s);
    const lines: Line[] = [...kept.values()]
      .sort((a, b) => a.at - b.at)
      .flatMap(({ handled, ...suggestion }) => [
        { v: 1 as const, t: 'submitted' as const, suggestion },
        ...(handled ? [{ v: 1 as const, t: 'handled' as const, id: suggestion.id, handled }] : []),
      ]);
    await this.file.rewrite(lines);
    for (const [id, s] of kept) this.#byId.set(id, s);
    return old.length;
  }

  close(): Promise<void> {
    return this.file.close();
  }

  async #write(line: Line, id: string): Promise<Ack<Suggestion>> {
    try {
      await this.file.append([line]);
    } catch {
      return { ok: false, error: appError('STORAGE_FAILED') };
    }
    this.#apply(line);
    return { ok: true, data: this.#byId.get(id)! };
  }

  #apply(line: Line): void {
    if (line.t === 'submitted') this.#byId.set(line.suggestion.id, line.suggestion);
    else {
      const s = this.#byId.get(line.id);
      if (s) this.#byId.set(s.id, { ...s, handled: line.handled });
    }
  }
}
