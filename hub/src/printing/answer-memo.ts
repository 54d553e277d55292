// Answers to recent commands by client command id, so a retried command gets the first answer
// instead of running again (a reprint would print a second slip; a removal would fail the second time).
export class AnswerMemo<T> {
  readonly #answers = new Map<string, Promise<T>>();

  constructor(private readonly limit = 200) {}

  run(key: string, command: () => Promise<T>): Promise<T> {
    const earlier = this.#answers.get(key);
    if (earlier) return earlier;
    const answer = command();
    this.#answers.set(key, answer);
    if (this.#answers.size > this.limit) this.#answers.delete(this.#answers.keys().next().value!);
    return answer;
  }
}
