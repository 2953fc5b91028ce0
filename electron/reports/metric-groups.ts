import type { RiskTier } from '../../shared/risk/risk-score.ts';

/** A client's risk tier as of the period end, or 'unscored' for too little history. */
export type TierKey = RiskTier | 'unscored';

/** The order in which tiers are listed: the clients to watch first. */
export const tierKeys: readonly TierKey[] = ['high', 'medium', 'low', 'unscored'];

/** A client as the metric reports group it. */
export interface GroupedClient {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  /** Main currency, as the risk report picks it. */
  readonly currency: string;
  readonly tier: TierKey;
  /** Every currency the client counts in for a tier or the portfolio. */
  readonly currencies: ReadonlySet<string>;
}

export interface MetricGroup<M> {
  readonly currency: string;
  /** Clients counted in the group. */
  readonly clients: number;
  readonly metrics: M;
}

export interface MetricTierGroup<M> extends MetricGroup<M> {
  readonly tier: TierKey;
}

export interface MetricClientGroup<M> extends MetricGroup<M> {
  readonly clientId: number;
  readonly code: string;
  readonly name: string;
  readonly tier: TierKey;
}

/** Facts read per client and currency, kept until the groups are computed. */
export interface ClientCurrencyFacts<F> {
  /** Returns the facts of a client in a currency, made empty the first time. */
  readonly of: (clientId: number, currency: string) => F;
  /** Returns the facts of a client in a currency, or undefined when none were read. */
  readonly get: (clientId: number, currency: string) => F | undefined;
  /** Lists every client and currency with facts. */
  readonly pairs: () => { readonly clientId: number; readonly currency: string }[];
}

/** Creates an empty table of facts per client and currency, each entry made by `empty`. */
export function clientCurrencyFacts<F>(empty: () => F): ClientCurrencyFacts<F> {
  const entries = new Map<string, { clientId: number; currency: string; facts: F }>();
  const keyOf = (clientId: number, currency: string) => `${clientId} ${currency}`;
  return {
    of: (clientId, currency) => {
      const key = keyOf(clientId, currency);
      let entry = entries.get(key);
      if (entry === undefined) {
        entry = { clientId, currency, facts: empty() };
        entries.set(key, entry);
      }
      return entry.facts;
    },
    get: (clientId, currency) => entries.get(keyOf(clientId, currency))?.facts,
    pairs: () => [...entries.values()].map(({ clientId, currency }) => ({ clientId, currency })),
  };
}

export type GroupScope = 'portfolio' | 'tier' | 'client';

/**
 * Groups the clients per currency, per currency and tier in `tierKeys` order without empty
 * tiers, and each client alone in its main currency, by code. `metricsOf` computes the metrics.
 */
export function metricGroups<C extends GroupedClient, M>(
  clients: readonly C[],
  metricsOf: (members: readonly C[], currency: string, scope: GroupScope) => M,
): {
  portfolio: MetricGroup<M>[];
  tiers: MetricTierGroup<M>[];
  clients: MetricClientGroup<M>[];
} {
  const currencies = [...new Set(clients.flatMap((client) => [...client.currencies]))].sort();
  const portfolio: MetricGroup<M>[] = [];
  const tiers: MetricTierGroup<M>[] = [];
  for (const currency of currencies) {
    const members = clients.filter((client) => client.currencies.has(currency));
    portfolio.push({
      currency,
      clients: members.length,
      metrics: metricsOf(members, currency, 'portfolio'),
    });
    for (const tier of tierKeys) {
      const inTier = members.filter((client) => client.tier === tier);
      if (inTier.length === 0) continue;
      tiers.push({
        tier,
        currency,
        clients: inTier.length,
        metrics: metricsOf(inTier, currency, 'tier'),
      });
    }
  }
  const clientGroups: MetricClientGroup<M>[] = clients
    .map((client) => ({
      clientId: client.clientId,
      code: client.code,
      name: client.name,
      tier: client.tier,
      currency: client.currency,
      clients: 1,
      metrics: metricsOf([client], client.currency, 'client'),
    }))
    .sort((a, b) => a.code.localeCompare(b.code) || a.clientId - b.clientId);
  return { portfolio, tiers, clients: clientGroups };
}
