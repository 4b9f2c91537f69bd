// npm run test:stress: 10 chunks of 10 runs of 100 steps (10,000 generated steps).
process.env.PROPERTY_RUNS ??= "10"
process.env.PROPERTY_STEPS ??= "100"
process.env.PROPERTY_CHUNKS ??= "10"
process.env.PROPERTY_TIMEOUT_MS ??= String(60 * 60_000)
require("../http/ledger-properties.spec")
