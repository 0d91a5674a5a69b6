import { it } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser } from './support.mjs';
const env = useServerAndBrowser();
it('fails', async () => { const p = await env.newPage(); await p.goto('/'); console.log('BASE', env.baseURL); assert.fail('on purpose'); });
