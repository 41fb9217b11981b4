import type { Statement } from '@xapi/xapi';
import type { LrsProcess } from '../../build-scripts/preview/lrs-process.js';

/** Every statement the LRS holds for an agent, through the standard statements resource and its "more" paging. */
export async function statementsFor(lrs: LrsProcess, agent: object): Promise<Statement[]> {
  const headers = { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' };
  const origin = new URL(lrs.endpoint).origin;
  let url = `${lrs.endpoint}statements?${new URLSearchParams({ agent: JSON.stringify(agent), ascending: 'true', limit: '200' })}`;
  const all: Statement[] = [];
  for (let page = 0; page < 50; page++) {
    const body = (await (await fetch(url, { headers })).json()) as { statements: Statement[]; more?: string };
    all.push(...body.statements);
    if (!body.more) break;
    url = `${origin}${body.more}`;
  }
  return all;
}

/** Polls until a statement with the given verb arrives, then returns all of the agent's statements. */
export async function waitForVerb(lrs: LrsProcess, agent: object, verb: string, timeoutMs = 20000): Promise<Statement[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await statementsFor(lrs, agent);
    if (all.some((s) => s.verb.id.endsWith(`/${verb}`))) return all;
    if (Date.now() > deadline) throw new Error(`no "${verb}" statement arrived within ${timeoutMs} ms; have: ${all.map((s) => s.verb.id.split('/').pop()).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const verbOf = (s: Statement) => s.verb.id.split('/').pop()!;
