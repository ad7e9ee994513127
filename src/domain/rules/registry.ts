/**
 * Every rule the engine runs, in a stable order. Adding a rule is adding one
 * file under rules/ and one line here; its id is then stable forever.
 */
import type { RuleDefinition } from './types.ts';
import { brokerWithoutConsumer } from './rules/broker-without-consumer.ts';
import { brokerWithoutPublisher } from './rules/broker-without-publisher.ts';
import { cacheWithoutBackingStore } from './rules/cache-without-backing-store.ts';
import { consumerWithoutDlq } from './rules/consumer-without-dlq.ts';
import { deepSyncChain } from './rules/deep-sync-chain.ts';
import { disconnectedComponent } from './rules/disconnected-component.ts';
import { distributedWriteWithoutSaga } from './rules/distributed-write-without-saga.ts';
import { exposedDatastore } from './rules/exposed-datastore.ts';
import { foreignDataAccess } from './rules/foreign-data-access.ts';
import { godService } from './rules/god-service.ts';
import { missingCircuitBreaker } from './rules/missing-circuit-breaker.ts';
import { missingObservability } from './rules/missing-observability.ts';
import { missingServiceDiscovery } from './rules/missing-service-discovery.ts';
import { missingTimeout } from './rules/missing-timeout.ts';
import { nanoservice } from './rules/nanoservice.ts';
import { noApiGateway } from './rules/no-api-gateway.ts';
import { retryAmplification } from './rules/retry-amplification.ts';
import { sharedDatabase } from './rules/shared-database.ts';
import { singlePointOfFailure } from './rules/single-point-of-failure.ts';
import { syncCycle } from './rules/sync-cycle.ts';
import { syncFanOut } from './rules/sync-fan-out.ts';
import { syncSideEffect } from './rules/sync-side-effect.ts';
import { timeoutBudget } from './rules/timeout-budget.ts';
import { unsafeRetry } from './rules/unsafe-retry.ts';

export const RULES: readonly RuleDefinition[] = [
  sharedDatabase,
  foreignDataAccess,
  syncCycle,
  missingTimeout,
  timeoutBudget,
  retryAmplification,
  unsafeRetry,
  missingCircuitBreaker,
  deepSyncChain,
  syncFanOut,
  noApiGateway,
  exposedDatastore,
  singlePointOfFailure,
  syncSideEffect,
  distributedWriteWithoutSaga,
  consumerWithoutDlq,
  missingObservability,
  missingServiceDiscovery,
  disconnectedComponent,
  nanoservice,
  godService,
  brokerWithoutConsumer,
  brokerWithoutPublisher,
  cacheWithoutBackingStore,
];

const byId: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): RuleDefinition | undefined {
  return byId.get(id);
}
