/**
 * Reads at least `minBytes` from the front of a stream (fewer only at its end) and hands back a
 * stream that still yields everything from the start. Used to sniff compression magic and to
 * tell JSON from other files without losing the bytes looked at.
 *
 * @example
 * ```ts
 * const { head, stream } = await peekBytes(opened.stream, 512);
 * if (!sniffLooksLikeJson(head)) { await opened.close(); skip('not JSON'); }
 * else for await (const rec of readRecords(stream)) { … }
 * ```
 */
export async function peekBytes(stream: AsyncIterable<Buffer>, minBytes: number): Promise<{ head: Buffer; stream: AsyncIterable<Buffer> }> {
  const it = stream[Symbol.asyncIterator]();
  const got: Buffer[] = [];
  let have = 0;
  let done = false;
  while (have < minBytes) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    got.push(r.value);
    have += r.value.length;
  }
  return { head: got.length === 1 ? got[0]! : Buffer.concat(got, have), stream: replay(got, it, done) };
}

async function* replay(got: Buffer[], it: AsyncIterator<Buffer>, doneAlready: boolean): AsyncGenerator<Buffer> {
  let done = doneAlready;
  try {
    for (const chunk of got) yield chunk;
    got.length = 0;
    while (!done) {
      const r = await it.next();
      if (r.done) done = true;
      else yield r.value;
    }
  } finally {
    // Stopped early: let the underlying stream release its file handle.
    if (!done) await it.return?.();
  }
}
