import { describe, expect, it } from 'vitest';
import {
  ComputeBackendError,
  createBackendRegistry,
  createJsBackend,
  listBackends,
  resolveBackend,
  type BackendName,
  type ComputeBackend,
} from '../../src/index.js';

/** A loader that counts its calls and either yields a JS backend renamed to `name` or throws. */
function loader(name: BackendName, fail?: string) {
  const calls = { n: 0 };
  const load = async (): Promise<ComputeBackend> => {
    calls.n++;
    if (fail) throw new Error(fail);
    return { ...createJsBackend(), name };
  };
  return { load, calls };
}

describe('backend registry', () => {
  it('picks the highest priority backend that loads', async () => {
    const r = createBackendRegistry();
    r.register('js', loader('js').load, 100);
    r.register('onnx-web', loader('onnx-web').load, 200);
    expect((await r.resolve()).name).toBe('onnx-web');
  });

  it('falls through when a loader throws, and remembers the failure (tried once)', async () => {
    const r = createBackendRegistry();
    const broken = loader('onnx-node', 'cannot open libonnxruntime.so');
    r.register('onnx-node', broken.load, 300);
    r.register('js', loader('js').load, 100);
    expect((await r.resolve()).name).toBe('js');
    expect((await r.resolve()).name).toBe('js');
    expect(broken.calls.n).toBe(1);
    expect(r.list()).toEqual([
      { name: 'onnx-node', priority: 300, state: 'failed', error: 'cannot open libonnxruntime.so' },
      { name: 'js', priority: 100, state: 'loaded' },
    ]);
  });

  it('a forced backend that fails is an error naming the backend and why, never a fall-back', async () => {
    const r = createBackendRegistry();
    r.register('onnx-web', loader('onnx-web', 'WebAssembly.instantiate(): out of memory').load, 200);
    r.register('js', loader('js').load, 100);
    const err = await r.resolve({ forced: 'onnx-web' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ComputeBackendError);
    expect(err).toMatchObject({ code: 'COMPUTE_BACKEND_UNAVAILABLE', details: { backend: 'onnx-web' } });
    expect((err as Error).message).toBe('compute backend "onnx-web" is not available here: WebAssembly.instantiate(): out of memory');
  });

  it('a forced backend that is not registered is an error listing what is', async () => {
    const r = createBackendRegistry();
    r.register('js', loader('js').load, 100);
    await expect(r.resolve({ forced: 'onnx-node' })).rejects.toMatchObject({
      code: 'COMPUTE_BACKEND_UNKNOWN',
      message: 'compute backend "onnx-node" is not registered in this build (registered: js)',
    });
  });

  it('prefer puts backends first in the given order, then the rest by priority', async () => {
    const r = createBackendRegistry();
    r.register('onnx-node', loader('onnx-node').load, 300);
    r.register('js', loader('js').load, 100);
    r.register('onnx-web', loader('onnx-web', 'no wasm').load, 200);
    expect((await r.resolve({ prefer: ['onnx-web', 'js'] })).name).toBe('js');
  });

  it('when nothing loads, the error lists every reason', async () => {
    const r = createBackendRegistry();
    r.register('onnx-node', loader('onnx-node', 'no binary').load, 300);
    r.register('js', loader('js', 'broken').load, 100);
    await expect(r.resolve()).rejects.toThrow('no compute backend could be loaded (onnx-node: no binary; js: broken)');
    await expect(createBackendRegistry().resolve()).rejects.toThrow('no compute backend is registered');
  });

  it('concurrent resolves share one load and one instance', async () => {
    const r = createBackendRegistry();
    const js = loader('js');
    r.register('js', js.load, 100);
    const [a, b] = await Promise.all([r.resolve(), r.resolve({ forced: 'js' })]);
    expect(a).toBe(b);
    expect(js.calls.n).toBe(1);
  });

  it('re-registering a name replaces the loader and forgets its failure', async () => {
    const r = createBackendRegistry();
    r.register('js', loader('js', 'first').load, 100);
    await expect(r.resolve({ forced: 'js' })).rejects.toThrow('first');
    r.register('js', loader('js').load, 100);
    expect((await r.resolve({ forced: 'js' })).name).toBe('js');
  });

  it('the package registers js, onnx-web and (Node entry) onnx-node, native first', async () => {
    expect(listBackends().map((b) => b.name)).toEqual(['onnx-node', 'onnx-web', 'js']);
    expect((await resolveBackend()).name).toBe('onnx-node');
    expect((await resolveBackend({ prefer: ['js'] })).name).toBe('js');
  });
});
