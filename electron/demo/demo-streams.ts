/**
 * Stream numbers for `SeededRandom`: each stage of the demo, and each client within a stage,
 * draws from its own sequence. A change to how many numbers one client's invoices draw then
 * leaves the numbers drawn for every other client and stage unchanged.
 */
export const demoStreams = {
  clientMix: 1,
  client: 2,
  clientInvoices: 3,
  clientSettlements: 4,
} as const;
