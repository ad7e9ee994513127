/**
 * Which connections make sense, defined once for the editor and the schema.
 *
 * The table is generous on purpose: learners must be able to draw the designs
 * the rules engine teaches about (two services on one database, a client that
 * calls five services, a database open to the internet). It refuses only
 * nonsense, such as a database calling a client, and says why.
 */
import { getKind, type KindId, type Role } from './catalog.ts';

export type Family = 'sync' | 'async' | 'data';

type Verdict = { ok: true } | { ok: false; reason: string };

/** Allowed families for each source role and target role, the default first. */
const TABLE: Record<Role, Partial<Record<Role, readonly Family[]>>> = {
  client: { edge: ['sync'], compute: ['sync'], external: ['sync'], datastore: ['data'], broker: ['async'], platform: ['sync'] },
  external: { edge: ['sync'], compute: ['sync'] },
  edge: { edge: ['sync'], compute: ['sync'], external: ['sync'], datastore: ['data'], broker: ['async'], platform: ['sync'] },
  compute: {
    edge: ['sync'],
    compute: ['sync', 'async'],
    external: ['sync', 'async'],
    datastore: ['data'],
    broker: ['async'],
    platform: ['sync', 'async'],
  },
  datastore: { datastore: ['data'], broker: ['async'] },
  broker: { compute: ['async'], broker: ['async'], datastore: ['async'], external: ['async'] },
  platform: { edge: ['sync'], compute: ['sync'], external: ['sync'], platform: ['sync', 'async'], datastore: ['data'], broker: ['async'] },
};

const ROLE_NOUN: Record<Role, string> = {
  client: 'a client',
  external: 'a third-party system',
  edge: 'an edge component',
  compute: 'a service',
  datastore: 'a datastore',
  broker: 'a queue or topic',
  platform: 'a platform component',
};

function refusal(source: Role, target: Role): string {
  if (target === 'client') {
    return 'clients start requests; nothing calls a client. To push updates to a client, connect the client to a WebSocket server.';
  }
  if (source === 'datastore') {
    return 'a datastore does not start calls. Draw the arrow from the component that reads or writes it; a datastore may only replicate to another datastore (a cache reads through to one) or feed a topic (change data capture).';
  }
  if (source === 'external') {
    return 'a third-party system can only call into your design through its edge or a service (a webhook).';
  }
  if (source === 'broker') {
    return `messages leave a queue or topic only towards a consumer; ${ROLE_NOUN[target]} cannot consume messages.`;
  }
  return `${ROLE_NOUN[source]} cannot connect to ${ROLE_NOUN[target]}.`;
}

/** The families allowed from one kind to another; empty means refused. */
export function allowedFamilies(sourceKind: KindId, targetKind: KindId): readonly Family[] {
  return TABLE[getKind(sourceKind).role][getKind(targetKind).role] ?? [];
}

/** The family a new connection gets when drawn between two kinds. */
export function defaultFamily(sourceKind: KindId, targetKind: KindId): Family | null {
  return allowedFamilies(sourceKind, targetKind)[0] ?? null;
}

export function checkConnection(sourceKind: KindId, targetKind: KindId, family: Family | null, selfLoop = false): Verdict {
  if (selfLoop) return { ok: false, reason: 'a component cannot connect to itself.' };
  const source = getKind(sourceKind);
  const target = getKind(targetKind);
  const allowed = allowedFamilies(sourceKind, targetKind);
  if (allowed.length === 0) {
    return { ok: false, reason: `${source.label} → ${target.label} is not allowed: ${refusal(source.role, target.role)}` };
  }
  if (family !== null && !allowed.includes(family)) {
    return {
      ok: false,
      reason: `${source.label} → ${target.label} can only be ${allowed.map(describeFamily).join(' or ')}, not ${describeFamily(family)}.`,
    };
  }
  return { ok: true };
}

export function describeFamily(family: Family): string {
  switch (family) {
    case 'sync':
      return 'a synchronous request';
    case 'async':
      return 'an asynchronous message';
    case 'data':
      return 'data access';
  }
}

/**
 * What an asynchronous edge does, read from its endpoints: publishing to a
 * queue or topic, consuming from one, or a direct fire-and-forget message.
 */
export function asyncMode(sourceKind: KindId, targetKind: KindId): 'publish' | 'consume' | 'message' {
  if (getKind(targetKind).role === 'broker') return 'publish';
  if (getKind(sourceKind).role === 'broker') return 'consume';
  return 'message';
}
